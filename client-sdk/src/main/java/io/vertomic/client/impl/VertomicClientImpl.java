package io.vertomic.client.impl;

import io.reactivex.rxjava3.core.Flowable;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.client.ClientOptions;
import io.vertomic.client.Connection;
import io.vertomic.client.Db;
import io.vertomic.client.QueryOptions;
import io.vertomic.client.VertomicClient;
import io.vertomic.edn.Edn;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@link VertomicClient} over {@link HttpTransport}: reads and database management go through
 * {@link Retry}, chunk streams through {@link ChunkedResults}. Also the shared entry point of
 * {@link ConnectionImpl} and {@link DbImpl} to the transport.
 */
public final class VertomicClientImpl implements VertomicClient {
  private final ClientOptions options;
  private final HttpTransport transport;
  private final Retry retry;

  /** A client of {@code options}' peer server; {@code options} is copied. */
  public VertomicClientImpl(Vertx vertx, ClientOptions options) {
    Objects.requireNonNull(vertx, "vertx");
    this.options = new ClientOptions(Objects.requireNonNull(options, "options"));
    this.transport = new HttpTransport(vertx, this.options);
    this.retry = new Retry(vertx, this.options);
  }

  @Override
  public Future<List<String>> listDatabases() {
    return read(HttpMethod.GET, "/api/databases", null)
        .map(answer -> Answers.strings(answer, "databases"));
  }

  @Override
  public Future<Boolean> createDatabase(String name) {
    Objects.requireNonNull(name, "name");
    return read(HttpMethod.POST, "/api/databases", Map.of("name", name))
        .map(answer -> Answers.booleanField(answer, "created"));
  }

  @Override
  public Future<Boolean> deleteDatabase(String name) {
    return read(HttpMethod.DELETE, dbPath(name), null)
        .map(answer -> Answers.booleanField(answer, "deleted"))
        .recover(
            e ->
                e instanceof Anomaly a && a.category() == Category.NOT_FOUND
                    ? Future.succeededFuture(false)
                    : Future.failedFuture(e));
  }

  @Override
  public Future<Connection> connect(String dbName) {
    return read(HttpMethod.GET, dbPath(dbName), null)
        .map(answer -> new ConnectionImpl(this, dbName, Answers.longField(answer, "basis-t")));
  }

  @Override
  public Future<List<List<Object>>> q(Object query, Db db, Object... args) {
    Objects.requireNonNull(query, "query");
    DbImpl d = DbImpl.of(db);
    FindShape shape;
    try {
      shape = FindShape.of(query instanceof String s ? Edn.read(s) : query);
    } catch (Anomaly a) {
      return Future.failedFuture(a);
    }
    return runQuery(query, d, args).map(shape::rows);
  }

  @Override
  public Future<List<List<Object>>> q(QueryOptions options, Object query, Db db, Object... args) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(query, "query");
    DbImpl d = DbImpl.of(db);
    FindShape shape;
    try {
      shape = FindShape.of(query instanceof String s ? Edn.read(s) : query);
    } catch (Anomaly a) {
      return Future.failedFuture(a);
    }
    return runQuery(query, d, args, new QueryOptions(options)).map(shape::rows);
  }

  @Override
  public Future<Object> query(Object query, Db db, Object... args) {
    return runQuery(query, DbImpl.of(db), args);
  }

  private Future<Object> runQuery(Object query, DbImpl db, Object[] args) {
    return runQuery(query, db, args, null);
  }

  private Future<Object> runQuery(Object query, DbImpl db, Object[] args, QueryOptions options) {
    Map<String, Object> body = queryBody(query, db, args);
    if (options != null) {
      if (options.getOffset() > 0) {
        body.put("offset", options.getOffset());
      }
      if (options.getLimit() >= 0) {
        body.put("limit", options.getLimit());
      }
      if (options.getTimeoutMillis() > 0) {
        body.put("timeout-ms", options.getTimeoutMillis());
      }
    }
    return read(HttpMethod.POST, dbPath(db.dbName()) + "/query", body)
        .map(answer -> Answers.field(answer, "result"));
  }

  @Override
  public Flowable<List<List<Object>>> qChunks(Object query, Db db, Object... args) {
    return qChunks(options.getChunkSize(), query, db, args);
  }

  @Override
  public Flowable<List<List<Object>>> qChunks(int chunkSize, Object query, Db db, Object... args) {
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("chunkSize must be positive, not " + chunkSize);
    }
    Objects.requireNonNull(query, "query");
    DbImpl d = DbImpl.of(db);
    FindShape shape;
    try {
      shape = FindShape.of(query instanceof String s ? Edn.read(s) : query);
    } catch (Anomaly a) {
      return Flowable.error(a);
    }
    Map<String, Object> body = queryBody(query, d, args);
    body.put("chunk", chunkSize);
    return stream(dbPath(d.dbName()) + "/query", body, shape::chunkRows);
  }

  private static Map<String, Object> queryBody(Object query, DbImpl db, Object[] args) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", EdnText.of(query, "query"));
    body.put("args", EdnText.args(args == null ? new Object[] {null} : args));
    db.putViewFields(body);
    return body;
  }

  @Override
  public void close() {
    transport.close();
  }

  /** {@code method path} with {@code body}, retried on {@code busy}. */
  Future<Object> read(HttpMethod method, String path, Map<String, ?> body) {
    return retry.onBusy(() -> transport.call(method, path, body));
  }

  /** {@code method path} with {@code body}, sent once whatever the answer. */
  Future<Object> once(HttpMethod method, String path, Map<String, ?> body) {
    return transport.call(method, path, body);
  }

  /** The chunk stream of POST {@code path}, each chunk's rows decoded by {@code decodeChunk}. */
  <T> Flowable<T> stream(String path, Map<String, ?> body, Function<List<?>, T> decodeChunk) {
    return new ChunkedResults<>(
        transport::context,
        () -> retry.onBusy(() -> transport.openStream(path, body)),
        decodeChunk,
        "POST " + path + " at " + transport.endpoint());
  }

  int chunkSize() {
    return options.getChunkSize();
  }

  /** {@code /api/databases/NAME}, the name percent-encoded. */
  static String dbPath(String dbName) {
    Objects.requireNonNull(dbName, "dbName");
    return "/api/databases/"
        + URLEncoder.encode(dbName, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
