package io.vertomic.storage.dev;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.Chunks;
import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageErrors;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.lmdbjava.CursorIterable;
import org.lmdbjava.KeyRange;
import org.lmdbjava.Txn;

/**
 * The {@code dev} storage: an embedded, durable file store (LMDB, see {@link LmdbFiles}) in one
 * directory. Writes go through one writer thread that takes every write waiting and commits them in
 * one LMDB transaction with one fsync (group commit), so compare-and-swap and log append are atomic
 * and a burst of writes costs one sync; a write's future succeeds only after that sync. An index
 * job's {@link #putAll} (megabytes of segments) goes in chunks of about {@value #CHUNK_BYTES}
 * bytes, a transaction each, taking turns with the other writes: a log append waits for one chunk
 * at most, not for the whole job. Reads run on a small pool of reader threads. Nothing runs on the
 * caller's thread, so it never blocks an event loop. Thread-safe; the directory is locked by LMDB
 * while open.
 */
public final class DevStorage implements Storage {
  private static final int BATCH = 4096;
  // a chunk of putAll: an LMDB commit of about a millisecond or two here
  static final int CHUNK_BYTES = 1 << 20;
  private static final String CLOSE = "close";

  private final LmdbFiles files;
  private final LinkedBlockingQueue<Write<?>> writes = new LinkedBlockingQueue<>();
  private final ExecutorService writer = Executors.newSingleThreadExecutor(daemon("dev-writer"));
  private final ExecutorService readers = Executors.newFixedThreadPool(4, daemon("dev-reader"));
  private volatile boolean closed;

  // bulk: a chunk of putAll, committed alone (see writeLoop)
  private record Write<T>(
      String what, Function<Txn<byte[]>, T> op, Promise<T> done, boolean bulk) {}

  private DevStorage(LmdbFiles files) {
    this.files = files;
    writer.execute(this::writeLoop);
  }

  /** Opens (creating it when missing) the store in {@code dir}; fails unavailable naming it. */
  public static DevStorage open(Path dir) {
    try {
      Files.createDirectories(dir);
      return new DevStorage(new LmdbFiles(dir));
    } catch (Exception e) {
      throw StorageErrors.unreachable("dev " + dir, "open", e);
    }
  }

  /** The directory of this store. */
  public Path directory() {
    return files.dir;
  }

  @Override
  public Future<byte[]> get(String key) {
    return read("get " + key, txn -> files.segments.get(txn, LmdbFiles.utf8(key)));
  }

  @Override
  public Future<Void> put(String key, byte[] value) {
    byte[] k = checked(key);
    if (k == null) {
      return Future.failedFuture(invalidKey(key));
    }
    return write(
        "put " + key,
        txn -> {
          putNew(txn, k, value);
          return null;
        });
  }

  /**
   * The segments in chunks of about {@link #CHUNK_BYTES}, each committed alone between the other
   * writes; succeeds once every chunk is durable. Segments are immutable, so a failure after some
   * chunks leaves only segments no root names (storage GC takes them).
   */
  @Override
  public Future<Void> putAll(List<Map.Entry<String, byte[]>> segments) {
    List<Map.Entry<byte[], byte[]>> checked = new ArrayList<>(segments.size());
    for (Map.Entry<String, byte[]> e : segments) {
      byte[] k = checked(e.getKey());
      if (k == null) {
        return Future.failedFuture(invalidKey(e.getKey()));
      }
      checked.add(Map.entry(k, e.getValue()));
    }
    List<Future<Void>> chunks = new ArrayList<>();
    for (List<Map.Entry<byte[], byte[]>> chunk :
        Chunks.of(checked, Integer.MAX_VALUE, CHUNK_BYTES, e -> e.getValue().length)) {
      chunks.add(
          write(
              "put " + chunk.size() + " segments",
              txn -> {
                chunk.forEach(e -> putNew(txn, e.getKey(), e.getValue()));
                return null;
              },
              true));
    }
    return Future.all(chunks).mapEmpty();
  }

  // segments are immutable: a key stored already keeps its bytes (a retried write's are the same)
  private void putNew(Txn<byte[]> txn, byte[] key, byte[] value) {
    if (files.segments.get(txn, key) == null) {
      files.segments.put(txn, key, value);
    }
  }

  @Override
  public Future<List<String>> keys(String prefix) {
    return read("list " + prefix, txn -> names(files.segments, txn, prefix));
  }

  @Override
  public Future<Void> delete(Collection<String> keys) {
    List<String> copy = List.copyOf(keys);
    return write(
        "delete",
        txn -> {
          for (String k : copy) {
            files.segments.delete(txn, LmdbFiles.utf8(k));
          }
          return null;
        });
  }

  @Override
  public Future<Root> root(String name) {
    return read("root " + name, txn -> root(txn, name));
  }

  @Override
  public Future<List<String>> roots(String prefix) {
    return read("list roots " + prefix, txn -> names(files.roots, txn, prefix));
  }

  @Override
  public Future<Long> cas(String name, long expectedRevision, byte[] value) {
    byte[] k = checked(name);
    if (k == null) {
      return Future.failedFuture(invalidKey(name));
    }
    return write(
        "cas " + name,
        txn -> {
          Root current = root(txn, name);
          long revision = current == null ? 0 : current.revision();
          if (revision != expectedRevision) {
            throw StorageErrors.casFailed(name, expectedRevision, revision);
          }
          if (value == null) {
            files.roots.delete(txn, k);
            return 0L;
          }
          byte[] v = ByteBuffer.allocate(8 + value.length).putLong(revision + 1).put(value).array();
          files.roots.put(txn, k, v);
          return revision + 1;
        });
  }

  @Override
  public Future<Void> appendLog(String db, long t, byte[] entry) {
    byte[] k = LmdbFiles.logKey(db, t);
    return write(
        "append t " + t + " to " + db,
        txn -> {
          if (files.log.get(txn, k) != null) {
            throw StorageErrors.logTExists(db, t);
          }
          files.log.put(txn, k, entry);
          return null;
        });
  }

  @Override
  public Future<Void> replaceLog(String db, long t, byte[] entry) {
    byte[] k = LmdbFiles.logKey(db, t);
    return write(
        "replace t " + t + " of " + db,
        txn -> {
          files.log.put(txn, k, entry);
          return null;
        });
  }

  @Override
  public Future<Void> appendLog(String db, List<LogRecord> entries) {
    return write(
        "append " + entries.size() + " entries to " + db,
        txn -> {
          for (LogRecord r : entries) {
            if (files.log.get(txn, LmdbFiles.logKey(db, r.t())) != null) {
              throw StorageErrors.logTExists(db, r.t());
            }
          }
          for (LogRecord r : entries) {
            files.log.put(txn, LmdbFiles.logKey(db, r.t()), r.entry());
          }
          return null;
        });
  }

  @Override
  public Future<List<LogRecord>> readLog(String db, long fromT, long untilT, int limit) {
    return read(
        "read log of " + db,
        txn -> {
          List<LogRecord> out = new ArrayList<>();
          if (fromT >= untilT || limit <= 0) {
            return out;
          }
          int n = LmdbFiles.utf8(db).length;
          // the end is checked on the key, not with a closed-open KeyRange: lmdbjava compares a
          // range's end as signed bytes while LMDB orders keys unsigned, so a t byte of 0x80 or
          // more (t=1411 is 0x0583) would end the range before entries that are in it
          KeyRange<byte[]> range = KeyRange.atLeast(LmdbFiles.logKey(db, Math.max(0, fromT)));
          try (CursorIterable<byte[]> it = files.log.iterate(txn, range)) {
            for (CursorIterable.KeyVal<byte[]> kv : it) {
              if (!LmdbFiles.isLogKeyOf(kv.key(), db) || LmdbFiles.t(kv.key(), n) >= untilT) {
                break;
              }
              out.add(new LogRecord(LmdbFiles.t(kv.key(), n), kv.val()));
              if (out.size() >= limit) {
                break;
              }
            }
          }
          return out;
        });
  }

  @Override
  public Future<Void> deleteLog(String db) {
    return write(
        "delete log of " + db,
        txn -> {
          List<byte[]> keys = new ArrayList<>();
          KeyRange<byte[]> range =
              KeyRange.closedOpen(LmdbFiles.logKey(db, 0), LmdbFiles.logKey(db, Long.MAX_VALUE));
          try (CursorIterable<byte[]> it = files.log.iterate(txn, range)) {
            it.forEach(kv -> keys.add(kv.key()));
          }
          keys.forEach(k -> files.log.delete(txn, k));
          return null;
        });
  }

  @Override
  public Future<Void> close() {
    Promise<Void> done = Promise.promise();
    synchronized (this) {
      if (closed) {
        return Future.succeededFuture();
      }
      closed = true;
      // the writer thread answers the writes before this one, then closes the files
      writes.add(new Write<>(CLOSE, null, done, false));
    }
    return done.future();
  }

  private void closeFiles(Promise<Void> done) {
    readers.shutdown();
    try {
      readers.awaitTermination(30, TimeUnit.SECONDS);
      files.env.close();
      done.complete();
    } catch (Exception e) {
      done.fail(translate("close", e));
    }
    writer.shutdown();
  }

  private Root root(Txn<byte[]> txn, String name) {
    byte[] v = files.roots.get(txn, LmdbFiles.utf8(name));
    if (v == null) {
      return null;
    }
    return new Root(name, ByteBuffer.wrap(v).getLong(), Arrays.copyOfRange(v, 8, v.length));
  }

  private static List<String> names(org.lmdbjava.Dbi<byte[]> dbi, Txn<byte[]> txn, String prefix) {
    List<String> out = new ArrayList<>();
    byte[] p = LmdbFiles.utf8(prefix);
    try (CursorIterable<byte[]> it = dbi.iterate(txn, KeyRange.atLeast(p))) {
      for (CursorIterable.KeyVal<byte[]> kv : it) {
        String k = LmdbFiles.string(kv.key());
        if (!k.startsWith(prefix)) {
          break;
        }
        out.add(k);
      }
    }
    return out;
  }

  private <T> Future<T> read(String what, Function<Txn<byte[]>, T> op) {
    if (closed) {
      return Future.failedFuture(StorageErrors.closed("dev " + files.dir));
    }
    Promise<T> p = Promise.promise();
    try {
      readers.execute(
          () -> {
            try (Txn<byte[]> txn = files.env.txnRead()) {
              p.complete(op.apply(txn));
            } catch (Exception e) {
              p.fail(translate(what, e));
            }
          });
    } catch (RuntimeException e) {
      p.fail(StorageErrors.closed("dev " + files.dir));
    }
    return p.future();
  }

  private <T> Future<T> write(String what, Function<Txn<byte[]>, T> op) {
    return write(what, op, false);
  }

  private synchronized <T> Future<T> write(String what, Function<Txn<byte[]>, T> op, boolean bulk) {
    if (closed) {
      return Future.failedFuture(StorageErrors.closed("dev " + files.dir));
    }
    Promise<T> p = Promise.promise();
    writes.add(new Write<>(what, op, p, bulk));
    return p.future();
  }

  /**
   * Commits the writes as they come: every waiting write in one transaction and one sync, except
   * bulk chunks, which go one to a transaction and take turns with the rest, so neither waits long
   * for the other. Closes the files once nothing is left.
   */
  private void writeLoop() {
    ArrayDeque<Write<?>> small = new ArrayDeque<>();
    ArrayDeque<Write<?>> bulk = new ArrayDeque<>();
    List<Write<?>> taken = new ArrayList<>();
    Write<?> closing = null;
    boolean chunkNext = false;
    while (true) {
      if (small.isEmpty() && bulk.isEmpty() && closing == null) {
        try {
          taken.add(writes.take());
        } catch (InterruptedException e) {
          return;
        }
      }
      writes.drainTo(taken, BATCH);
      for (Write<?> w : taken) {
        if (w.op() == null) {
          closing = w;
        } else {
          (w.bulk() ? bulk : small).add(w);
        }
      }
      taken.clear();
      if (!bulk.isEmpty() && (chunkNext || small.isEmpty())) {
        commit(List.of(bulk.poll()));
        chunkNext = false;
      } else if (!small.isEmpty()) {
        List<Write<?>> batch = new ArrayList<>(Math.min(small.size(), BATCH));
        while (!small.isEmpty() && batch.size() < BATCH) {
          batch.add(small.poll());
        }
        commit(batch);
        chunkNext = true;
      } else if (closing != null) {
        closeFiles(castVoid(closing.done()));
        return;
      }
    }
  }

  // applies the writes in one transaction, syncs once, then answers each
  private void commit(List<Write<?>> batch) {
    List<Object> results = new ArrayList<>(batch.size());
    try (Txn<byte[]> txn = files.env.txnWrite()) {
      for (Write<?> w : batch) {
        results.add(apply(w, txn));
      }
      txn.commit();
      for (int i = 0; i < batch.size(); i++) {
        answer(batch.get(i), results.get(i));
      }
    } catch (Exception e) {
      for (Write<?> w : batch) {
        w.done().tryFail(translate(w.what(), e));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Promise<Void> castVoid(Promise<?> p) {
    return (Promise<Void>) p;
  }

  private static Object apply(Write<?> w, Txn<byte[]> txn) {
    try {
      return w.op().apply(txn);
    } catch (Anomaly a) {
      return a;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void answer(Write<T> w, Object result) {
    if (result instanceof Anomaly a) {
      w.done().tryFail(a);
    } else {
      w.done().tryComplete((T) result);
    }
  }

  private Anomaly translate(String what, Exception e) {
    return e instanceof Anomaly a ? a : StorageErrors.unreachable("dev " + files.dir, what, e);
  }

  /** The key's bytes, or null when LMDB cannot hold it. */
  private static byte[] checked(String key) {
    byte[] k = LmdbFiles.utf8(key);
    return k.length == 0 || k.length > LmdbFiles.MAX_KEY ? null : k;
  }

  private static Anomaly invalidKey(String key) {
    return Anomaly.incorrect(
        "storage/invalid-key", "A dev storage key is 1 to " + LmdbFiles.MAX_KEY + " bytes: " + key);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
