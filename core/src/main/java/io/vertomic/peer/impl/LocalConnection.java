package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.EntityId;
import io.vertomic.db.DbValue;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Log;
import io.vertomic.peer.LogEntry;
import io.vertomic.peer.TxReport;
import io.vertomic.tx.Idempotency;
import io.vertomic.tx.TxResult;
import io.vertomic.tx.Writer;
import io.vertx.core.Future;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A connection whose database has its single {@link Writer} in this process: a {@code vertomic:mem}
 * database, or (until the transactor process exists) a database in durable storage that this
 * process writes. Reads the writer's latest value, transacts through it. Thread-safe.
 */
final class LocalConnection implements Connection {
  private final Writer writer;
  private final MemLog log;
  private final Supplier<Future<Void>> indexer;
  private final Function<Date, Future<Long>> gc;
  private BlockingQueue<TxReport> queue;
  private Consumer<TxResult> queueFeeder;
  private volatile boolean released;

  /** A connection to a mem database. */
  LocalConnection(Writer writer) {
    this(writer, null, () -> Future.succeededFuture(), olderThan -> Future.succeededFuture(0L));
  }

  /**
   * A connection whose log is read from {@code log} (null: the writer's memory), whose {@code
   * requestIndex} runs {@code indexer} and whose {@code gcStorage} runs {@code gc}.
   */
  LocalConnection(
      Writer writer,
      MemLog.Range log,
      Supplier<Future<Void>> indexer,
      Function<Date, Future<Long>> gc) {
    this.writer = writer;
    this.gc = gc;
    this.log = new MemLog(writer::db, log != null ? log : writer.log()::range);
    this.indexer = indexer;
  }

  Writer writer() {
    return writer;
  }

  @Override
  public Database db() {
    return new PeerDb(writer.db());
  }

  @Override
  public Future<TxReport> transact(Object txData) {
    Anomaly refused = refused(released, txData);
    if (refused != null) {
      return Future.failedFuture(refused);
    }
    return writer
        .transact(txData)
        .map(LocalConnection::report)
        .recover(
            e -> {
              long t = Idempotency.committedT(e);
              return t < 0
                  ? Future.failedFuture(e)
                  : writer.rebase(UnaryOperator.identity()).map(v -> original(t));
            });
  }

  // the report of the transaction a retry's idempotency key names
  private TxReport original(long t) {
    DbValue db = writer.db();
    LogEntry e = StorageLogSink.first(log.entries().read(t, t + 1));
    return new TxReport(
        new PeerDb(db.at(t - 1)),
        new PeerDb(db.at(t)),
        e == null ? List.of() : e.data(),
        Idempotency.tempids(db, EntityId.tToTx(t)));
  }

  /** Why a connection refuses a transaction before sending it anywhere, or null. */
  static Anomaly refused(boolean released, Object txData) {
    if (released) {
      return Anomaly.incorrect("db.error/connection-released", "This connection was released");
    }
    if (txData == null) {
      return Anomaly.incorrect("db.error/invalid-tx-data", "Transaction data is nil");
    }
    return null;
  }

  static TxReport report(TxResult r) {
    return new TxReport(new PeerDb(r.before()), new PeerDb(r.after()), r.txData(), r.tempids());
  }

  @Override
  public Future<Database> sync() {
    return Future.succeededFuture(db());
  }

  @Override
  public Future<Database> sync(long t) {
    Database db = db();
    if (db.basisT() < t) {
      return Future.failedFuture(
          Anomaly.incorrect(
              "db.error/invalid-t",
              "t " + t + " is beyond the basis of this database, " + db.basisT()));
    }
    return Future.succeededFuture(db);
  }

  @Override
  public synchronized BlockingQueue<TxReport> txReportQueue() {
    if (queue == null) {
      BlockingQueue<TxReport> q = new LinkedBlockingQueue<>();
      queueFeeder = r -> q.add(report(r));
      writer.listen(queueFeeder);
      queue = q;
    }
    return queue;
  }

  @Override
  public synchronized void removeTxReportQueue() {
    if (queueFeeder != null) {
      writer.unlisten(queueFeeder);
      queueFeeder = null;
      queue = null;
    }
  }

  @Override
  public Log log() {
    return log;
  }

  @Override
  public Future<Long> gcStorage(Date olderThan) {
    Objects.requireNonNull(olderThan, "olderThan");
    return gc.apply(olderThan);
  }

  @Override
  public Future<Void> requestIndex() {
    return indexer.get();
  }

  @Override
  public void release() {
    close();
    Catalog.instance().released(this);
  }

  void close() {
    released = true;
    removeTxReportQueue();
  }
}
