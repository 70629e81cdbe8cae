package io.vertomic.storage.cass;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.InGroups;
import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Root;
import io.vertomic.storage.SegmentPartitions;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageErrors;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code cass} storage: segments, roots and logs in one Cassandra table (layout in {@link
 * CassLayout}) through the Vert.x Cassandra client. Compare-and-swap and log append are lightweight
 * transactions ({@code IF rev = ?}, {@code IF NOT EXISTS}) whose {@code [applied]} says who won;
 * roots are read at SERIAL consistency so a reader sees the last swap. Writes use LOCAL_QUORUM. A
 * group of log entries is written as conditional batches, one per log partition ({@link
 * #appendLog(String, List)}). Thread-safe; never blocks.
 */
public final class CassStorage implements Storage {
  static final String SCHEMA_SCRIPT = "scripts/cass-schema";
  private static final char LAST = '\uffff';

  private final CassandraClient client;
  private final String name;
  private final Statements st;
  private volatile boolean closed;

  private CassStorage(CassandraClient client, String name, Statements st) {
    this.client = client;
    this.name = name;
    this.st = st;
  }

  /** Opens a storage on {@code client}'s table {@code keyspace.table} (which must exist). */
  static Future<Storage> open(CassandraClient client, String name, String keyspace, String table) {
    return Statements.prepare(client, keyspace + "." + table)
        .<Storage>map(st -> new CassStorage(client, name, st))
        .recover(
            e -> client.close().transform(ar -> Future.failedFuture(translate(name, "open", e))));
  }

  @Override
  public Future<byte[]> get(String key) {
    return one("get " + key, st.get, SegmentPartitions.of(key), key)
        .map(r -> r == null ? null : bytes(r.getByteBuffer("v")));
  }

  @Override
  public Future<Void> put(String key, byte[] value) {
    return run("put " + key, st.put, SegmentPartitions.of(key), key, ByteBuffer.wrap(value))
        .mapEmpty();
  }

  @Override
  public Future<List<String>> keys(String prefix) {
    String dir = SegmentPartitions.dir(prefix);
    List<Future<List<Row>>> parts = new ArrayList<>();
    for (int b = 0; b < SegmentPartitions.BUCKETS; b++) {
      parts.add(
          rows("list " + prefix, st.range, SegmentPartitions.of(dir, b), prefix, prefix + LAST));
    }
    return Future.all(parts)
        .map(
            all -> {
              TreeSet<String> out = new TreeSet<>();
              for (Future<List<Row>> f : parts) {
                f.result().forEach(r -> out.add(r.getString("k")));
              }
              return List.copyOf(out);
            });
  }

  @Override
  public Future<Void> delete(Collection<String> keys) {
    // a few hundred at a time: the driver refuses requests once its connection's streams are taken
    return InGroups.run(
        List.copyOf(keys), 256, k -> run("delete " + k, st.delete, SegmentPartitions.of(k), k));
  }

  @Override
  public Future<Root> root(String rootName) {
    return one("root " + rootName, st.rootGet, CassLayout.ROOTS, rootName)
        .map(
            r ->
                r == null
                    ? null
                    : new Root(rootName, r.getLong("rev"), bytes(r.getByteBuffer("v"))));
  }

  @Override
  public Future<List<String>> roots(String prefix) {
    return rows("list roots " + prefix, st.range, CassLayout.ROOTS, prefix, prefix + LAST)
        .map(rs -> rs.stream().map(r -> r.getString("k")).toList());
  }

  @Override
  public Future<Long> cas(String rootName, long expected, byte[] value) {
    Future<io.vertx.cassandra.ResultSet> change;
    if (value == null) {
      change = run("cas " + rootName, st.rootDelete, CassLayout.ROOTS, rootName, expected);
    } else if (expected == 0) {
      change =
          run("cas " + rootName, st.rootInsert, CassLayout.ROOTS, rootName, ByteBuffer.wrap(value));
    } else {
      change =
          run(
              "cas " + rootName,
              st.rootUpdate,
              expected + 1,
              ByteBuffer.wrap(value),
              CassLayout.ROOTS,
              rootName,
              expected);
    }
    return change.compose(
        rs -> {
          if (rs.wasApplied()) {
            return Future.succeededFuture(value == null ? 0L : expected + 1);
          }
          return root(rootName)
              .compose(
                  now -> {
                    if (value == null && expected == 0 && now == null) {
                      return Future.succeededFuture(0L);
                    }
                    long actual = now == null ? 0 : now.revision();
                    return Future.failedFuture(StorageErrors.casFailed(rootName, expected, actual));
                  });
        });
  }

  @Override
  public Future<Void> replaceLog(String db, long t, byte[] entry) {
    return run(
            "replace t " + t + " of " + db,
            st.put,
            CassLayout.logPartition(db, CassLayout.logBucket(t)),
            CassLayout.hex16(t),
            ByteBuffer.wrap(entry))
        .mapEmpty();
  }

  @Override
  public Future<Void> appendLog(String db, long t, byte[] entry) {
    long bucket = CassLayout.logBucket(t);
    return run(
            "append t " + t + " to " + db,
            st.put,
            CassLayout.logBuckets(db),
            CassLayout.hex16(bucket),
            ByteBuffer.allocate(0))
        .compose(
            v ->
                run(
                    "append t " + t + " to " + db,
                    st.logInsert,
                    CassLayout.logPartition(db, bucket),
                    CassLayout.hex16(t),
                    ByteBuffer.wrap(entry)))
        .compose(
            rs ->
                rs.wasApplied()
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(StorageErrors.logTExists(db, t)));
  }

  /**
   * Writes the group as one logged batch of conditional inserts ({@code IF NOT EXISTS}) per log
   * partition, which Cassandra applies atomically and in isolation: all of a batch's entries or, if
   * any of its t exists, none of them. A group within one bucket of 65,536 values of t and within
   * {@link CassLogBatches}' budget (1 MiB, 1,024 entries) is thus written all or none. A group that
   * crosses a bucket boundary (or the budget) is written as several batches in t order, each
   * atomic, stopping at the first that fails: there a prefix of the group may have been written, as
   * the {@link Storage} contract allows, never an entry without those before it. A batch that is
   * not applied fails {@code conflict} ({@link Storage#LOG_T_EXISTS}) naming the first t that
   * exists, as the single append does, without reading the entry back. Each batch's bucket is
   * listed ({@code lb:DB}) before the batch is written, as the single append lists it before its
   * insert.
   */
  @Override
  public Future<Void> appendLog(String db, List<LogRecord> entries) {
    if (entries.isEmpty()) {
      return closed ? Future.failedFuture(StorageErrors.closed(name)) : Future.succeededFuture();
    }
    if (entries.size() == 1) {
      return appendLog(db, entries.get(0).t(), entries.get(0).entry());
    }
    return appendBatches(db, CassLogBatches.of(entries), 0, -1);
  }

  private Future<Void> appendBatches(
      String db, List<CassLogBatches.Batch> batches, int i, long listedBucket) {
    if (i >= batches.size()) {
      return Future.succeededFuture();
    }
    CassLogBatches.Batch batch = batches.get(i);
    String what = batch.describe(db);
    Future<?> listed =
        batch.bucket() == listedBucket
            ? Future.succeededFuture()
            : run(
                what,
                st.put,
                CassLayout.logBuckets(db),
                CassLayout.hex16(batch.bucket()),
                ByteBuffer.allocate(0));
    return listed
        .compose(v -> execute(what, batch.statement(st.logInsert, db)))
        .compose(
            rs ->
                rs.wasApplied()
                    ? appendBatches(db, batches, i + 1, batch.bucket())
                    : Future.failedFuture(
                        StorageErrors.logTExists(db, batch.existingT(rs.currentPage()))));
  }

  @Override
  public Future<List<LogRecord>> readLog(String db, long fromT, long untilT, int limit) {
    if (fromT >= untilT || limit <= 0) {
      return closed
          ? Future.failedFuture(StorageErrors.closed(name))
          : Future.succeededFuture(List.of());
    }
    return buckets(db)
        .compose(
            buckets -> {
              List<Long> wanted = new ArrayList<>();
              for (long b : buckets) {
                if (b >= CassLayout.logBucket(fromT) && b <= CassLayout.logBucket(untilT - 1)) {
                  wanted.add(b);
                }
              }
              return readBuckets(db, wanted, 0, fromT, untilT, limit, new ArrayList<>());
            });
  }

  private Future<List<LogRecord>> readBuckets(
      String db,
      List<Long> buckets,
      int i,
      long fromT,
      long untilT,
      int limit,
      List<LogRecord> out) {
    if (i >= buckets.size() || out.size() >= limit) {
      return Future.succeededFuture(out);
    }
    return rows(
            "read log of " + db,
            st.logRange,
            CassLayout.logPartition(db, buckets.get(i)),
            CassLayout.hex16(Math.max(0, fromT)),
            CassLayout.hex16(untilT),
            limit - out.size())
        .compose(
            rs -> {
              for (Row r : rs) {
                out.add(
                    new LogRecord(
                        Long.parseLong(r.getString("k"), 16), bytes(r.getByteBuffer("v"))));
              }
              return readBuckets(db, buckets, i + 1, fromT, untilT, limit, out);
            });
  }

  @Override
  public Future<Void> deleteLog(String db) {
    return buckets(db)
        .compose(
            buckets -> {
              List<Future<?>> all = new ArrayList<>();
              for (long b : buckets) {
                all.add(
                    run("delete log of " + db, st.deletePartition, CassLayout.logPartition(db, b)));
              }
              return Future.all(all);
            })
        .compose(v -> run("delete log of " + db, st.deletePartition, CassLayout.logBuckets(db)))
        .mapEmpty();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return client.close();
  }

  private Future<List<Long>> buckets(String db) {
    return rows("list log buckets of " + db, st.partition, CassLayout.logBuckets(db))
        .map(rs -> rs.stream().map(r -> Long.parseLong(r.getString("k"), 16)).sorted().toList());
  }

  private Future<io.vertx.cassandra.ResultSet> run(
      String what, PreparedStatement ps, Object... args) {
    // roots are read at SERIAL, so a read sees the outcome of the last lightweight transaction
    ConsistencyLevel level =
        ps == st.rootGet ? ConsistencyLevel.SERIAL : ConsistencyLevel.LOCAL_QUORUM;
    return execute(what, ps.bind(args).setConsistencyLevel(level));
  }

  private Future<io.vertx.cassandra.ResultSet> execute(String what, Statement<?> statement) {
    if (closed) {
      return Future.failedFuture(StorageErrors.closed(name));
    }
    return client.execute(statement).recover(e -> Future.failedFuture(translate(name, what, e)));
  }

  private Future<List<Row>> rows(String what, PreparedStatement ps, Object... args) {
    return run(what, ps, args).compose(io.vertx.cassandra.ResultSet::all);
  }

  private Future<Row> one(String what, PreparedStatement ps, Object... args) {
    return rows(what, ps, args).map(rs -> rs.isEmpty() ? null : rs.get(0));
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  /** The one place driver errors become anomalies. */
  static Anomaly translate(String name, String what, Throwable e) {
    if (e instanceof Anomaly a) {
      return a;
    }
    if (e instanceof InvalidQueryException q
        && q.getMessage() != null
        && (q.getMessage().contains("unconfigured table")
            || q.getMessage().contains("does not exist"))) {
      return Anomaly.unavailable(
          "Storage " + name + " has no Vertomic table: run " + SCHEMA_SCRIPT + " (" + what + ")",
          e);
    }
    if (e instanceof AllNodesFailedException
        || e instanceof NoNodeAvailableException
        || e instanceof DriverTimeoutException
        || e instanceof ClosedConnectionException
        || e instanceof HeartbeatException
        || e instanceof BusyConnectionException
        || e instanceof QueryExecutionException
        || e instanceof java.io.IOException
        || e.getCause() instanceof java.net.ConnectException) {
      return StorageErrors.unreachable(name, what, e);
    }
    return Anomaly.fault("Cassandra failed " + what + " on " + name + ": " + e, e);
  }

  /** The prepared statements of one table. */
  record Statements(
      PreparedStatement get,
      PreparedStatement put,
      PreparedStatement range,
      PreparedStatement delete,
      PreparedStatement partition,
      PreparedStatement deletePartition,
      PreparedStatement rootGet,
      PreparedStatement rootInsert,
      PreparedStatement rootUpdate,
      PreparedStatement rootDelete,
      PreparedStatement logInsert,
      PreparedStatement logRange) {

    static Future<Statements> prepare(CassandraClient c, String t) {
      List<String> cql =
          List.of(
              "SELECT v FROM " + t + " WHERE p = ? AND k = ?",
              "INSERT INTO " + t + " (p, k, v) VALUES (?, ?, ?)",
              "SELECT k FROM " + t + " WHERE p = ? AND k >= ? AND k < ?",
              "DELETE FROM " + t + " WHERE p = ? AND k = ?",
              "SELECT k FROM " + t + " WHERE p = ?",
              "DELETE FROM " + t + " WHERE p = ?",
              "SELECT rev, v FROM " + t + " WHERE p = ? AND k = ?",
              "INSERT INTO " + t + " (p, k, rev, v) VALUES (?, ?, 1, ?) IF NOT EXISTS",
              "UPDATE " + t + " SET rev = ?, v = ? WHERE p = ? AND k = ? IF rev = ?",
              "DELETE FROM " + t + " WHERE p = ? AND k = ? IF rev = ?",
              "INSERT INTO " + t + " (p, k, v) VALUES (?, ?, ?) IF NOT EXISTS",
              "SELECT k, v FROM " + t + " WHERE p = ? AND k >= ? AND k < ? LIMIT ?");
      List<Future<PreparedStatement>> all = new ArrayList<>();
      // the first request opens the driver session; requests racing it would each try to
      // (the Vert.x client refuses that with IllegalStateException), so the others wait for it
      Future<PreparedStatement> first = c.prepare(cql.get(0));
      all.add(first);
      for (String q : cql.subList(1, cql.size())) {
        all.add(first.compose(v -> c.prepare(q)));
      }
      return Future.all(all)
          .map(
              done -> {
                PreparedStatement[] p = new PreparedStatement[all.size()];
                for (int i = 0; i < p.length; i++) {
                  p[i] = all.get(i).result();
                }
                return new Statements(
                    p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11]);
              });
    }
  }
}
