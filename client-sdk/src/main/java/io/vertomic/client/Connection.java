package io.vertomic.client;

import io.reactivex.rxjava3.core.Flowable;
import io.vertx.core.Future;

/**
 * A client's connection to one database of the peer server, obtained from {@link
 * VertomicClient#connect}. It holds no socket of its own, only the database's name and the latest
 * basis-t it has seen; it is thread-safe and needs no release.
 *
 * <pre>{@code
 * conn.transact("[{:db/id \"ivan\" :person/name \"Ivan\"}]", "order-42")   // retried on busy
 *     .compose(r -> r.dbAfter().pull("[*]", r.tempids().get("ivan")));
 * }</pre>
 *
 * <p>Failures are {@link io.vertomic.anomaly.Anomaly anomalies} inside the Future or Flowable (see
 * {@link VertomicClient}); tx data is an EDN string or the same data as Java values.
 */
public interface Connection {

  /** The database's name. */
  String dbName();

  /**
   * The database at the latest basis-t this connection knows (from {@code connect}, {@code
   * transact}, {@code sync}, {@code withDb}); no request is made. Reads of it see at least that t.
   */
  Db db();

  /**
   * Transacts {@code txData}. Never retried: a {@code busy} answer reaches the caller at once,
   * since resending could apply the transaction twice; use {@link #transact(Object, String)} to
   * retry. Fails {@code incorrect} (bad tx data), {@code conflict} (unique or {@code :db/cas}),
   * {@code busy}, {@code unavailable} or {@code interrupted} (outcome unknown).
   */
  Future<TxResult> transact(Object txData);

  /**
   * Transacts {@code txData} with {@code idempotencyKey}: {@code {:db/id "datomic.tx"
   * :vertomic.tx/idempotency-key KEY}} is added to the tx data, so the transactor applies it at
   * most once and answers a repeat with the original transaction. Hence {@code busy} answers are
   * retried like reads. {@code txData} must be a list (EDN vector or Java {@code List}).
   */
  Future<TxResult> transact(Object txData, String idempotencyKey);

  /**
   * The transactions of the log from {@code start} (inclusive) to {@code end} (exclusive), in t
   * order, streamed in chunks as the subscriber requests them; a null bound is open.
   */
  Flowable<Tx> txRange(Long start, Long end);

  /**
   * A database at basis-t {@code t} or later, once the peer server has it ({@code GET
   * /api/databases/{db}?sync-t=t}). Fails {@code interrupted} when that takes longer than the
   * request timeout.
   */
  Future<Db> sync(long t);

  /** A database at the server's latest basis-t, to build on with {@link Db#with}. */
  Future<Db> withDb();
}
