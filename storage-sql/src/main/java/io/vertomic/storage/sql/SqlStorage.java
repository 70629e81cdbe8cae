package io.vertomic.storage.sql;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.Chunks;
import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageErrors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The {@code sql} storage: segments, roots and logs in three PostgreSQL tables (see {@code
 * schema.sql}, installed by {@code scripts/sql-schema}), through a Vert.x PG client pool.
 * Compare-and-swap is one conditional UPDATE (or INSERT for a new root), a log append an INSERT
 * that does nothing when the {@code t} exists; both report through the affected row count, so
 * PostgreSQL's row locking makes them atomic. A statement that succeeded is committed, which is
 * durable under PostgreSQL's defaults. Thread-safe; never blocks.
 */
public final class SqlStorage implements Storage {
  static final String SCHEMA_SCRIPT = "scripts/sql-schema";
  private static final char LAST = '\uffff';
  // the most segments, and (past the first) bytes, one putAll statement carries
  private static final int PUT_ROWS = 1_000;
  private static final long PUT_BYTES = 4L << 20;

  private final Pool pool;
  private final String name;
  private volatile boolean closed;

  private SqlStorage(Pool pool, String name) {
    this.pool = pool;
    this.name = name;
  }

  /**
   * Opens a pool on the database {@code postgresUri} names ({@code
   * postgresql://USER:PASS@HOST:PORT/DATABASE}) and checks that the schema is there.
   */
  public static Future<Storage> open(Vertx vertx, String postgresUri, int poolSize) {
    String shown = SqlStorageProvider.masked(postgresUri);
    PgConnectOptions options;
    try {
      options = PgConnectOptions.fromUri(postgresUri);
    } catch (RuntimeException e) {
      return Future.failedFuture(
          Anomaly.incorrect("db.error/invalid-uri", "Invalid PostgreSQL URI " + shown));
    }
    Pool pool =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(poolSize))
            .connectingTo(options)
            .using(vertx)
            .build();
    SqlStorage s = new SqlStorage(pool, "sql " + shown);
    return s.guard("open", pool.query("SELECT 1 FROM vertomic_roots LIMIT 1").execute())
        .<Storage>map(rows -> s)
        .onFailure(e -> pool.close());
  }

  @Override
  public Future<byte[]> get(String key) {
    return run("get " + key, "SELECT val FROM vertomic_segments WHERE key = $1", Tuple.of(key))
        .map(rows -> rows.size() == 0 ? null : bytes(rows.iterator().next()));
  }

  @Override
  public Future<Void> put(String key, byte[] value) {
    return run(
            "put " + key,
            "INSERT INTO vertomic_segments (key, val) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
            Tuple.of(key, Buffer.buffer(value)))
        .mapEmpty();
  }

  /**
   * Puts the segments in statements of up to {@link #PUT_ROWS} rows and {@link #PUT_BYTES} bytes,
   * one after another: each statement is one transaction, so an index job's thousands of segments
   * cost a few commits instead of one each, and leave the pool's other connections to log appends.
   */
  @Override
  public Future<Void> putAll(List<Map.Entry<String, byte[]>> segments) {
    Future<Void> chain =
        closed ? Future.failedFuture(StorageErrors.closed(name)) : Future.succeededFuture();
    for (List<Map.Entry<String, byte[]>> chunk :
        Chunks.of(segments, PUT_ROWS, PUT_BYTES, e -> e.getValue().length)) {
      chain = chain.compose(v -> putChunk(chunk));
    }
    return chain;
  }

  private Future<Void> putChunk(List<Map.Entry<String, byte[]>> chunk) {
    String[] keys = new String[chunk.size()];
    Buffer[] values = new Buffer[chunk.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = chunk.get(i).getKey();
      values[i] = Buffer.buffer(chunk.get(i).getValue());
    }
    return run(
            "put " + keys.length + " segments from " + keys[0],
            "INSERT INTO vertomic_segments (key, val) SELECT * FROM UNNEST($1::text[], $2::bytea[])"
                + " ON CONFLICT (key) DO NOTHING",
            Tuple.tuple().addArrayOfString(keys).addArrayOfBuffer(values))
        .mapEmpty();
  }

  @Override
  public Future<List<String>> keys(String prefix) {
    return names("vertomic_segments", "key", prefix);
  }

  @Override
  public Future<Void> delete(Collection<String> keys) {
    if (keys.isEmpty()) {
      return closed ? Future.failedFuture(StorageErrors.closed(name)) : Future.succeededFuture();
    }
    return run(
            "delete",
            "DELETE FROM vertomic_segments WHERE key = ANY($1)",
            Tuple.of(keys.toArray(new String[0])))
        .mapEmpty();
  }

  @Override
  public Future<Root> root(String rootName) {
    return run(
            "root " + rootName,
            "SELECT rev, val FROM vertomic_roots WHERE name = $1",
            Tuple.of(rootName))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return null;
              }
              Row r = rows.iterator().next();
              return new Root(rootName, r.getLong("rev"), bytes(r));
            });
  }

  @Override
  public Future<List<String>> roots(String prefix) {
    return names("vertomic_roots", "name", prefix);
  }

  @Override
  public Future<Long> cas(String rootName, long expected, byte[] value) {
    Future<RowSet<Row>> change;
    if (value == null) {
      change =
          run(
              "cas " + rootName,
              "DELETE FROM vertomic_roots WHERE name = $1 AND rev = $2",
              Tuple.of(rootName, expected));
    } else if (expected == 0) {
      change =
          run(
              "cas " + rootName,
              "INSERT INTO vertomic_roots (name, rev, val) VALUES ($1, 1, $2)"
                  + " ON CONFLICT (name) DO NOTHING",
              Tuple.of(rootName, Buffer.buffer(value)));
    } else {
      change =
          run(
              "cas " + rootName,
              "UPDATE vertomic_roots SET rev = rev + 1, val = $3 WHERE name = $1 AND rev = $2",
              Tuple.of(rootName, expected, Buffer.buffer(value)));
    }
    return change.compose(
        rows -> {
          if (rows.rowCount() == 1) {
            return Future.succeededFuture(value == null ? 0L : expected + 1);
          }
          return root(rootName)
              .compose(
                  now -> {
                    long actual = now == null ? 0 : now.revision();
                    if (value == null && expected == 0 && now == null) {
                      return Future.succeededFuture(0L);
                    }
                    return Future.failedFuture(StorageErrors.casFailed(rootName, expected, actual));
                  });
        });
  }

  @Override
  public Future<Void> appendLog(String db, long t, byte[] entry) {
    return run(
            "append t " + t + " to " + db,
            "INSERT INTO vertomic_log (db, t, val) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            Tuple.of(db, t, Buffer.buffer(entry)))
        .compose(
            rows ->
                rows.rowCount() == 1
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(StorageErrors.logTExists(db, t)));
  }

  @Override
  public Future<Void> replaceLog(String db, long t, byte[] entry) {
    return run(
            "replace t " + t + " of " + db,
            "UPDATE vertomic_log SET val = $3 WHERE db = $1 AND t = $2",
            Tuple.of(db, t, Buffer.buffer(entry)))
        .mapEmpty();
  }

  /**
   * One INSERT of every entry, without ON CONFLICT: an existing {@code t} fails the whole statement
   * (unique violation), so the entries land all or none.
   */
  @Override
  public Future<Void> appendLog(String db, List<LogRecord> entries) {
    if (entries.size() == 1) {
      return appendLog(db, entries.get(0).t(), entries.get(0).entry());
    }
    StringBuilder sql = new StringBuilder("INSERT INTO vertomic_log (db, t, val) VALUES ");
    Tuple args = Tuple.tuple().addString(db);
    for (int i = 0; i < entries.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("($1, $").append(2 * i + 2).append(", $");
      sql.append(2 * i + 3).append(')');
      args.addLong(entries.get(i).t()).addBuffer(Buffer.buffer(entries.get(i).entry()));
    }
    String what = "append " + entries.size() + " entries to " + db;
    return run(what, sql.toString(), args)
        .<Void>mapEmpty()
        .recover(
            e ->
                e.getCause() instanceof PgException pg && "23505".equals(pg.getSqlState())
                    ? Future.failedFuture(StorageErrors.logTExists(db, entries.get(0).t()))
                    : Future.failedFuture(e));
  }

  @Override
  public Future<List<LogRecord>> readLog(String db, long fromT, long untilT, int limit) {
    return run(
            "read log of " + db,
            "SELECT t, val FROM vertomic_log WHERE db = $1 AND t >= $2 AND t < $3"
                + " ORDER BY t LIMIT $4",
            Tuple.of(db, fromT, untilT, (long) limit))
        .map(
            rows -> {
              List<LogRecord> out = new ArrayList<>(rows.size());
              for (Row r : rows) {
                out.add(new LogRecord(r.getLong("t"), bytes(r)));
              }
              return out;
            });
  }

  @Override
  public Future<Void> deleteLog(String db) {
    return run("delete log of " + db, "DELETE FROM vertomic_log WHERE db = $1", Tuple.of(db))
        .mapEmpty();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return pool.close();
  }

  private Future<List<String>> names(String table, String column, String prefix) {
    return run(
            "list " + prefix,
            "SELECT "
                + column
                + " FROM "
                + table
                + " WHERE "
                + column
                + " >= $1 AND "
                + column
                + " < $2 ORDER BY "
                + column,
            Tuple.of(prefix, prefix + LAST))
        .map(
            rows -> {
              List<String> out = new ArrayList<>(rows.size());
              rows.forEach(r -> out.add(r.getString(0)));
              return out;
            });
  }

  private Future<RowSet<Row>> run(String what, String sql, Tuple args) {
    if (closed) {
      return Future.failedFuture(StorageErrors.closed(name));
    }
    return guard(what, pool.preparedQuery(sql).execute(args));
  }

  private static byte[] bytes(Row r) {
    return r.getBuffer("val").getBytes();
  }

  private <T> Future<T> guard(String what, Future<T> f) {
    return f.recover(e -> Future.failedFuture(translate(what, e)));
  }

  /** The one place PostgreSQL and connection errors become anomalies. */
  private Anomaly translate(String what, Throwable e) {
    if (e instanceof Anomaly a) {
      return a;
    }
    if (e instanceof PgException pg) {
      String state = pg.getSqlState() == null ? "" : pg.getSqlState();
      if (state.equals("42P01")) {
        return Anomaly.unavailable(
            "Storage "
                + name
                + " has no Vertomic tables: run "
                + SCHEMA_SCRIPT
                + " for this database ("
                + what
                + ")",
            e);
      }
      if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
        return StorageErrors.unreachable(name, what, e);
      }
      return Anomaly.fault("PostgreSQL failed " + what + " on " + name + ": " + pg.getMessage(), e);
    }
    return StorageErrors.unreachable(name, what, e);
  }
}
