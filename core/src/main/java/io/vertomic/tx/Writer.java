package io.vertomic.tx;

import io.vertomic.anomaly.Anomalies;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.db.DbValue;
import io.vertomic.edn.Keyword;
import io.vertomic.log.TxLog;
import io.vertomic.peer.LogEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The single writer of one database: applies transactions one at a time, in the order they arrive,
 * appends each to the log, publishes the result to listeners, and only then answers. A failed
 * transaction changes nothing. Thread-safe.
 */
public final class Writer {
  private final TxProcessor processor;
  private final LogSink sink;
  private final Executor processing;
  private final int maxQueued;
  // transactions accepted and not yet answered
  private int queued;
  private final TxLog log = new TxLog();
  private final List<Consumer<TxResult>> listeners = new CopyOnWriteArrayList<>();
  private volatile DbValue db;
  // completes when the previous transaction has been answered: transactions run one at a time
  private Future<Void> tail = Future.succeededFuture();

  /** A writer of a database that lives in memory only. */
  public Writer(DbValue initial, TxProcessor processor) {
    this(initial, processor, LogSink.NONE, Runnable::run, Integer.MAX_VALUE);
  }

  /**
   * A writer that makes every transaction durable in {@code sink} before answering, processes
   * transactions on {@code processing} (never an event loop: processing may read index segments
   * from storage), and answers {@code busy} at once to a transaction that arrives while {@code
   * maxQueued} are waiting for their answer.
   */
  public Writer(
      DbValue initial, TxProcessor processor, LogSink sink, Executor processing, int maxQueued) {
    this.db = initial;
    this.processor = processor;
    this.sink = sink;
    this.processing = processing;
    this.maxQueued = maxQueued;
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
   * Applies {@code txData} once every earlier transaction has been answered. The future fails with
   * the anomaly that explains a rejected transaction, or with the sink's failure; the database is
   * then unchanged.
   */
  public synchronized Future<TxResult> transact(Object txData) {
    if (queued >= maxQueued) {
      return Future.failedFuture(
          new Anomaly(
              Category.BUSY,
              Keyword.of("db.error/transactor-busy"),
              maxQueued + " transactions are waiting to be written: try again later",
              null));
    }
    queued++;
    Future<TxResult> result = tail.transform(ignored -> apply(txData)).andThen(ar -> answered());
    tail = result.transform(ar -> Future.succeededFuture());
    return result;
  }

  private synchronized void answered() {
    queued--;
  }

  /**
   * Replaces the database with {@code f} of it, in turn with transactions: when the durable index
   * has moved on, the database becomes the indexed one plus the transactions after it.
   */
  public synchronized Future<Void> rebase(UnaryOperator<DbValue> f) {
    Future<Void> result =
        tail.transform(
            ignored ->
                on(
                    () -> {
                      db = f.apply(db);
                      return null;
                    }));
    tail = result.transform(ar -> Future.succeededFuture());
    return result;
  }

  private Future<TxResult> apply(Object txData) {
    return on(() -> processor.process(db, txData, new Date())).compose(this::append);
  }

  private <T> Future<T> on(Supplier<T> work) {
    Promise<T> p = Promise.promise();
    try {
      processing.execute(
          () -> {
            try {
              p.complete(work.get());
            } catch (RuntimeException e) {
              p.fail(Anomalies.from(e));
            }
          });
    } catch (RuntimeException e) {
      p.fail(Anomalies.from(e));
    }
    return p.future();
  }

  private Future<TxResult> append(TxResult r) {
    return sink.append(r)
        .transform(
            ar -> {
              if (ar.succeeded()) {
                commit(r);
                return Future.succeededFuture(r);
              }
              // the entry may have reached storage even so: continue from what the log holds
              return sink.catchUp(db)
                  .transform(
                      caught -> {
                        if (caught.succeeded()) {
                          db = caught.result();
                        }
                        return Future.failedFuture(Anomalies.from(ar.cause()));
                      });
            });
  }

  private synchronized void commit(TxResult r) {
    log.append(new LogEntry(r.after().basisT(), r.txData()));
    db = r.after();
    for (Consumer<TxResult> l : listeners) {
      l.accept(r);
    }
  }
}
