package io.vertomic.storage;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A storage system as Vertomic sees it: immutable segments by key, a few mutable roots guarded by
 * revisions, and one transaction log per database keyed by {@code t}. It knows bytes and keys,
 * nothing of datoms; segment and log encodings live above it.
 *
 * <p>Every method is asynchronous and never throws: failures travel in the returned future as an
 * {@link io.vertomic.anomaly.Anomaly}. Storage that cannot be reached fails with category {@code
 * unavailable}; a lost compare-and-swap or an existing log entry fails with {@code conflict} and
 * the codes {@link #CAS_FAILED} and {@link #LOG_T_EXISTS}; a backend bug fails with {@code fault}.
 * A succeeded write is durable: it survives a crash of this process and of the storage process
 * (within what the backend promises, e.g. fsync for {@code dev}).
 *
 * <p>Implementations are thread-safe; one instance serves every database of its storage system. The
 * instance is opened by a {@link StorageProvider} and lives until {@link #close()}.
 *
 * <pre>{@code
 * storage.put("seg/db-1/0a1b", bytes)
 *     .compose(v -> storage.cas("db/people", 0, rootBytes))   // create: expected revision 0
 *     .compose(rev -> storage.appendLog("db-1", 1000, entry)); // fails conflict if t 1000 exists
 * }</pre>
 */
public interface Storage {
  /** Anomaly code of a compare-and-swap whose expected revision is not the current one. */
  String CAS_FAILED = "storage/cas-failed";

  /** Anomaly code of a log append for a {@code t} the log already holds. */
  String LOG_T_EXISTS = "storage/log-t-exists";

  /** The segment stored under {@code key}, or null when there is none. */
  Future<byte[]> get(String key);

  /**
   * Stores an immutable segment. Keys are never reused for other bytes, so writing a key that
   * exists (with the same bytes, as a retried write does) succeeds and changes nothing.
   */
  Future<Void> put(String key, byte[] value);

  /**
   * Puts every one of {@code segments} as {@link #put} would, for a writer of many at once (an
   * index job): a backend may write them together, in fewer round trips than one each. Fails with
   * the first failure, when some may be stored and others not (as with puts one by one). The
   * default puts them one by one, 16 in flight at a time.
   */
  default Future<Void> putAll(List<Map.Entry<String, byte[]>> segments) {
    return InGroups.run(segments, 16, s -> put(s.getKey(), s.getValue()));
  }

  /**
   * Keys of the stored segments under the directory {@code prefix}, in ascending order. Callers
   * name a directory ending in {@code /} under which keys have no further {@code /} (segment keys
   * are {@code seg/DBID/NAME}); backends may rely on that (the cass backend partitions by it).
   */
  Future<List<String>> keys(String prefix);

  /** Deletes segments (for garbage collection); keys that do not exist are ignored. */
  Future<Void> delete(Collection<String> keys);

  /** The root named {@code name}, or null when there is none. */
  Future<Root> root(String name);

  /** Names of the roots that start with {@code prefix}, in ascending order. */
  Future<List<String>> roots(String prefix);

  /**
   * Compare-and-swap of a root. {@code expectedRevision} is the revision the caller read, 0 for a
   * root that must not exist yet. With a non-null {@code value} the root becomes {@code value} at
   * revision {@code expectedRevision + 1}, which the future returns; with a null value the root is
   * removed and the future returns 0. Fails {@code conflict} ({@link #CAS_FAILED}) when the current
   * revision differs.
   */
  Future<Long> cas(String name, long expectedRevision, byte[] value);

  /**
   * Appends the log entry of transaction {@code t} of database {@code db}. Fails {@code conflict}
   * ({@link #LOG_T_EXISTS}) when the log already has an entry for that {@code t}: this is what
   * fences a stale writer.
   */
  Future<Void> appendLog(String db, long t, byte[] entry);

  /**
   * Appends the entries of consecutive transactions of {@code db}, ascending by {@code t}: the
   * writer's group commit. On success all are durable; on failure a prefix of them (possibly none)
   * may be, never a later entry without the earlier ones, so the log stays a chain. Backends that
   * can write them in one storage transaction do (all or none); this default appends one at a time
   * and stops at the first failure.
   */
  default Future<Void> appendLog(String db, List<LogRecord> entries) {
    Future<Void> chain = Future.succeededFuture();
    for (LogRecord r : entries) {
      chain = chain.compose(v -> appendLog(db, r.t(), r.entry()));
    }
    return chain;
  }

  /**
   * Replaces the entry of transaction {@code t} of {@code db}, which the log holds, with {@code
   * entry}, so that the old bytes are gone: excision rewrites the entries that held excised datoms.
   * The only change a log entry ever sees.
   */
  Future<Void> replaceLog(String db, long t, byte[] entry);

  /**
   * Log entries of {@code db} with {@code fromT <= t < untilT}, ascending by {@code t}, at most
   * {@code limit} of them; an empty list when there are none.
   */
  Future<List<LogRecord>> readLog(String db, long fromT, long untilT, int limit);

  /** Deletes every log entry of {@code db} (when the database is deleted). */
  Future<Void> deleteLog(String db);

  /** Releases connections and files; the instance is unusable afterwards. */
  Future<Void> close();
}
