package io.vertomic.client;

import io.reactivex.rxjava3.core.Flowable;
import io.vertomic.client.impl.VertomicClientImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * The remote client of a Vertomic peer server: manages databases, connects to them and runs
 * queries. It speaks MessagePack over HTTP (docs/http-api.md) with HTTP Basic credentials.
 *
 * <pre>{@code
 * VertomicClient client = VertomicClient.create(vertx, new ClientOptions());
 * client.createDatabase("people")
 *     .compose(created -> client.connect("people"))
 *     .compose(conn -> conn.transact("[{:db/id \"ivan\" :person/name \"Ivan\"}]")
 *         .compose(r -> client.q("[:find ?n :where [_ :person/name ?n]]", r.dbAfter())))
 *     .onSuccess(rows -> System.out.println(rows)); // [["Ivan"]]
 * }</pre>
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Thread-safe; every method may be called from any thread. Futures complete and Flowables
 *       emit on a Vert.x event loop: do not block in their callbacks ({@code observeOn} a scheduler
 *       for slow consumers).
 *   <li>Every failure is an {@link io.vertomic.anomaly.Anomaly} inside the Future or the Flowable's
 *       {@code onError}, with the category the peer server answered ({@code incorrect}, {@code
 *       not-found}, {@code conflict}, {@code forbidden}, {@code busy}, {@code unavailable}, {@code
 *       interrupted}, {@code fault}); an unreachable server is {@code unavailable} naming the
 *       endpoint, a request past {@link ClientOptions#getRequestTimeoutMillis()} is {@code
 *       interrupted}. Misuse (a null argument, a {@link Db} of another SDK) throws at once.
 *   <li>A {@code busy} answer is retried with exponential backoff and full jitter until {@link
 *       ClientOptions#getRetryDeadlineMillis()} after the first attempt; only then does the caller
 *       see {@code busy}. Reads and database management are retried; a transaction only when it
 *       carries an idempotency key ({@link Connection#transact(Object, String)}).
 *   <li>A query is an EDN string or the same data as Java values ({@code List}, {@code Map}, {@link
 *       io.vertomic.edn.Keyword}, {@link io.vertomic.edn.Symbol}, ...); the {@code args} are Java
 *       values (the inputs after the database), sent as one EDN vector.
 * </ul>
 *
 * <p>Lifecycle: {@link #create} opens nothing; connections to the server are pooled and opened on
 * demand; {@link #close} releases them.
 */
public interface VertomicClient {

  /** A client of the peer server {@code options} names; {@code options} is copied. */
  static VertomicClient create(Vertx vertx, ClientOptions options) {
    return new VertomicClientImpl(vertx, options);
  }

  /** The names of the server's databases. */
  Future<List<String>> listDatabases();

  /** Creates the database {@code name}: true when it was created, false when it already existed. */
  Future<Boolean> createDatabase(String name);

  /** Deletes the database {@code name}: true when it was deleted, false when there was none. */
  Future<Boolean> deleteDatabase(String name);

  /**
   * A connection to the database {@code dbName}, knowing its latest basis-t. Fails {@code
   * not-found} when there is no such database.
   */
  Future<Connection> connect(String dbName);

  /**
   * The rows of {@code query} against {@code db}, whatever its find spec: a relation's tuples as
   * they are (a {@code :keys} map becomes the row of its values), {@code [?x ...]} one-element
   * rows, a tuple one row, a scalar one row or none.
   *
   * <pre>{@code
   * client.q("[:find ?e ?n :in $ ?n :where [?e :person/name ?n]]", db, "Ivan")
   * // => [[17592186045418, "Ivan"]]
   * }</pre>
   */
  Future<List<List<Object>>> q(Object query, Db db, Object... args);

  /**
   * {@link #q(Object, Db, Object...)} with Datomic's client {@code q} options: the server skips
   * {@code options}' offset rows, answers at most its limit, and fails the query {@code
   * interrupted} past its timeout.
   *
   * <pre>{@code
   * client.q(new QueryOptions().setLimit(10), "[:find ?n :where [_ :person/name ?n]]", db)
   * // => at most 10 rows
   * }</pre>
   */
  Future<List<List<Object>>> q(QueryOptions options, Object query, Db db, Object... args);

  /**
   * The result of {@code query} shaped by its find spec as the server answers it: a list of tuples,
   * a list of values, one tuple, a scalar (null when none) or a list of maps for {@code :keys}.
   */
  Future<Object> query(Object query, Db db, Object... args);

  /**
   * The rows of {@code query} (as {@link #q}) streamed in chunks of {@link
   * ClientOptions#getChunkSize()} rows.
   *
   * @see #qChunks(int, Object, Db, Object...)
   */
  Flowable<List<List<Object>>> qChunks(Object query, Db db, Object... args);

  /**
   * The rows of {@code query} (as {@link #q}) streamed in chunks of at most {@code chunkSize} rows,
   * in order. The query runs when the Flowable is subscribed; chunks are read from the server only
   * as fast as the subscriber requests them (the server writes the next chunk only when the client
   * has read the previous one), so a slow subscriber holds at most about one chunk in memory.
   * Cancelling resets the request. A failure after some chunks ends the Flowable with the anomaly.
   */
  Flowable<List<List<Object>>> qChunks(int chunkSize, Object query, Db db, Object... args);

  /** Closes the pooled HTTP connections; later calls fail. Idempotent. */
  void close();
}
