package io.vertomic.tx;

import io.vertomic.anomaly.Anomalies;
import io.vertomic.db.DbValue;
import io.vertomic.log.TxLog;
import io.vertomic.peer.LogEntry;
import io.vertx.core.Future;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The single writer of one database: applies transactions one at a time, in the order they arrive,
 * appends each to the log, publishes the result to listeners, and only then answers. A failed
 * transaction changes nothing. Thread-safe.
 */
public final class Writer {
  private final TxProcessor processor;
  private final TxLog log = new TxLog();
  private final List<Consumer<TxResult>> listeners = new CopyOnWriteArrayList<>();
  private volatile DbValue db;

  public Writer(DbValue initial, TxProcessor processor) {
    this.db = initial;
    this.processor = processor;
  }

  /** The most recent database value. */
  public DbValue db() {
    return db;
  }

  /** The log of every transaction this writer applied. */
  public TxLog log() {
    return log;
  }

  /** Calls {@code listener} with every later transaction's result, in {@code t} order. */
  public void listen(Consumer<TxResult> listener) {
    listeners.add(listener);
  }

  /** Stops calling {@code listener}. */
  public void unlisten(Consumer<TxResult> listener) {
    listeners.remove(listener);
  }

  /**
   * Applies {@code txData}. The future fails with the anomaly that explains a rejected transaction;
   * the database is then unchanged.
   */
  public Future<TxResult> transact(Object txData) {
    try {
      return Future.succeededFuture(apply(txData));
    } catch (RuntimeException e) {
      return Future.failedFuture(Anomalies.from(e));
    }
  }

  private synchronized TxResult apply(Object txData) {
    TxResult r = processor.process(db, txData, new Date());
    log.append(new LogEntry(r.after().basisT(), r.txData()));
    db = r.after();
    for (Consumer<TxResult> l : listeners) {
      l.accept(r);
    }
    return r;
  }
}
