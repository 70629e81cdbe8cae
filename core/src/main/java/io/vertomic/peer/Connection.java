package io.vertomic.peer;

import io.vertx.core.Future;
import java.util.concurrent.BlockingQueue;

/**
 * A connection to one database. Thread-safe. Reads go through {@link #db()}, an immutable value;
 * writes go through {@link #transact}, applied by the database's single writer in the order this
 * connection issued them.
 */
public interface Connection {

  /** The most recent database value this peer knows. Cheap: no I/O, no copying. */
  Database db();

  /**
   * Submits a transaction: an EDN string such as {@code "[[:db/add \"t\" :item/name \"x\"]]"} or a
   * {@code List} of list and map forms. The future succeeds with the report once the transaction is
   * durable, or fails with an {@link io.vertomic.anomaly.Anomaly} ({@code incorrect}, {@code
   * conflict}, ...) and then the database is unchanged.
   *
   * <p>The transactions of one connection apply in the order {@code transact} was called, whether
   * or not the caller waits for each one: one thread may pipeline many and await them all (as
   * Datomic promises its peers). The one exception is a transaction sent again because its
   * transactor failed over before taking it: it goes behind those sent since.
   */
  Future<TxReport> transact(Object txData);

  /** A database value that includes every transaction acknowledged before this call. */
  Future<Database> sync();

  /** A database value whose basis is at least {@code t}. */
  Future<Database> sync(long t);

  /**
   * A queue that receives the report of every transaction applied after this call, from any
   * connection to this database. Each call returns the same queue until {@link
   * #removeTxReportQueue()}.
   */
  BlockingQueue<TxReport> txReportQueue();

  /** Stops filling the queue {@link #txReportQueue()} returned. */
  void removeTxReportQueue();

  /** The transaction log of this database. */
  Log log();

  /** Asks for the in-memory novelty to be merged into the durable indexes. */
  Future<Void> requestIndex();

  /**
   * A database value whose basis is at least {@code t}, once the durable indexes cover {@code t}
   * (Datomic's {@code syncIndex}): it asks for an index job when the index is behind, where Datomic
   * waits for one. On a mem database, whose index is its memory, as {@link #sync(long)}.
   */
  default Future<Database> syncIndex(long t) {
    return sync(t).compose(db -> requestIndex().map(v -> db));
  }

  /**
   * A database value whose basis is at least {@code t}, once the excisions of transactions up to
   * {@code t} are complete (Datomic's {@code syncExcise}): the excised datoms left every database
   * value when their transaction applied; their bytes leave storage (index segments, the log, the
   * segment cache) with the index job that covers {@code t}, which this asks for, as {@link
   * #syncIndex}. On a mem database, as {@link #sync(long)}.
   */
  default Future<Database> syncExcise(long t) {
    return syncIndex(t);
  }

  /**
   * A database value whose basis is at least {@code t}, with the schema as of {@code t} (Datomic's
   * {@code syncSchema}): the schema is part of every database value here, so this is {@link
   * #sync(long)}.
   */
  default Future<Database> syncSchema(long t) {
    return sync(t);
  }

  /**
   * Deletes the index segments of this database that its current index no longer reaches and that
   * were written before {@code olderThan} (Datomic's {@code gcStorage}); the future holds how many
   * were deleted. A database value older than {@code olderThan} may fail to read afterwards. On a
   * peer of a transactor system the transactor, which owns the index, collects them. A mem database
   * has no segments: 0.
   */
  default Future<Long> gcStorage(java.util.Date olderThan) {
    return Future.succeededFuture(0L);
  }

  /**
   * Releases the resources of this connection; a later {@link Peer#connect} opens a new one. A
   * transaction of a peer's connection to a transactor still unanswered then fails at once, {@code
   * interrupted} {@code :db.error/connection-released}: it may have been committed.
   */
  void release();
}
