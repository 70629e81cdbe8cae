package io.vertomic.tx;

import io.vertomic.anomaly.Anomalies;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.db.DbValue;
import io.vertomic.edn.Keyword;
import io.vertomic.log.TxLog;
import io.vertomic.metrics.TxMeters;
import io.vertomic.peer.LogEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The single writer of one database. Transactions are processed one at a time, in the order they
 * arrive, each against the database the previous one produced; they are made durable in groups:
 * every transaction processed while a log write is in flight goes into the next write (group
 * commit), so a slow storage round trip is paid once per group, not once per transaction. A
 * transaction is acknowledged, and published to listeners, only once its group is durable. A failed
 * transaction changes nothing; a failed write fails its group and the transactions processed on top
 * of it are processed again from what the log holds. Thread-safe.
 */
public final class Writer {
  /** Most transactions one log write takes. */
  static final int MAX_GROUP = 256;

  private final TxProcessor processor;
  private final LogSink sink;
  private final Executor processing;
  private final int maxQueued;
  private final TxMeters meters;
  private final TxLog log = new TxLog();
  private final List<Consumer<TxResult>> listeners = new CopyOnWriteArrayList<>();
  private volatile DbValue db;

  // guarded by this: arrived and not processed; processed and not written; the write in flight
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private final List<Pending> processed = new ArrayList<>();
  private int writingCount;
  // the transaction being processed, if any
  private Pending inProcess;
  // after a failed write, until the database is caught up from the log
  private boolean recovering;
  // the database the processed transactions lead to
  private DbValue speculative;
  // bumped when a failed write invalidates what was processed on top of it
  private long generation;

  /** A writer of a database that lives in memory only, measured in no registry. */
  public Writer(DbValue initial, TxProcessor processor) {
    this(initial, processor, TxMeters.unrecorded());
  }

  /** A writer of a database that lives in memory only, measured in {@code meters}. */
  public Writer(DbValue initial, TxProcessor processor, TxMeters meters) {
    this(initial, processor, LogSink.NONE, Runnable::run, Integer.MAX_VALUE, meters);
  }

  /** The durable writer below, measured in no registry. */
  public Writer(
      DbValue initial, TxProcessor processor, LogSink sink, Executor processing, int maxQueued) {
    this(initial, processor, sink, processing, maxQueued, TxMeters.unrecorded());
  }

  /**
   * A writer that makes every transaction durable in {@code sink} before answering, processes
   * transactions on {@code processing} (never an event loop: processing may read index segments
   * from storage), and answers {@code busy} at once to a transaction that arrives while {@code
   * maxQueued} are waiting for their answer. Every transaction's phases go into {@code meters}.
   */
  public Writer(
      DbValue initial,
      TxProcessor processor,
      LogSink sink,
      Executor processing,
      int maxQueued,
      TxMeters meters) {
    this.db = initial;
    this.speculative = initial;
    this.processor = processor;
    this.sink = sink;
    this.processing = processing;
    this.maxQueued = maxQueued;
    this.meters = meters;
  }

  /** The most recent acknowledged database value. */
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

  /** {@link #transact(Object, long)} with no deadline. */
  public Future<TxResult> transact(Object txData) {
    return transact(txData, Long.MAX_VALUE);
  }

  /**
   * Applies {@code txData} after every transaction that arrived before it. The future fails with
   * the anomaly that explains a rejected transaction, or with the sink's failure; the database is
   * then unchanged. A transaction still waiting when {@code System.nanoTime()} passes {@code
   * deadlineNanos} is never applied and fails {@code interrupted}.
   */
  public Future<TxResult> transact(Object txData, long deadlineNanos) {
    Pending p;
    synchronized (this) {
      if (waiting.size() + processed.size() + writingCount >= maxQueued) {
        meters.refused();
        return Future.failedFuture(
            new Anomaly(
                Category.BUSY,
                Keyword.of("db.error/transactor-busy"),
                maxQueued + " transactions are waiting to be written: try again later",
                null));
      }
      p = new Pending(txData, null, deadlineNanos);
      waiting.add(p);
    }
    meters.arrived();
    pump();
    return p.answer.future();
  }

  /**
   * Replaces the database with {@code f} of it, between transactions, once every earlier one is
   * written: when the durable index has moved on, the database becomes the indexed one plus the
   * transactions after it.
   */
  public Future<Void> rebase(UnaryOperator<DbValue> f) {
    Pending p = new Pending(null, f, Long.MAX_VALUE);
    synchronized (this) {
      waiting.add(p);
    }
    pump();
    return p.answer.future().mapEmpty();
  }

  /** Starts whatever can start: processing the next transaction, writing the processed ones. */
  private void pump() {
    Runnable work = startable();
    if (work != null) {
      execute(
          () -> {
            // one task takes transactions for as long as they keep coming: no hand-off per
            // transaction from one processing thread to the next
            for (Runnable w = work; w != null; w = startable()) {
              w.run();
            }
          });
    }
  }

  /** Starts the write of the processed transactions if it can; the processing that can start. */
  private Runnable startable() {
    Runnable work = null;
    List<Pending> group = null;
    synchronized (this) {
      Pending next = waiting.peek();
      if (inProcess == null && !recovering && next != null) {
        if (next.rebase != null && processed.isEmpty() && writingCount == 0) {
          waiting.poll();
          inProcess = next;
          work = () -> runRebase(next);
        } else if (next.rebase == null && processed.size() < MAX_GROUP) {
          waiting.poll();
          inProcess = next;
          DbValue base = speculative;
          long gen = generation;
          work = () -> process(next, base, gen);
        }
      }
      if (writingCount == 0 && !processed.isEmpty()) {
        group = new ArrayList<>(processed);
        processed.clear();
        writingCount = group.size();
      }
    }
    if (group != null) {
      write(group);
    }
    return work;
  }

  private void execute(Runnable work) {
    try {
      processing.execute(work);
    } catch (RuntimeException e) {
      // a rejected task (executor shut down): nothing was processed
      synchronized (this) {
        inProcess = null;
      }
      throw Anomalies.from(e);
    }
  }

  private void process(Pending p, DbValue base, long gen) {
    TxResult r = null;
    Throwable failure = null;
    long start = System.nanoTime();
    meters.queued(start - p.arrivedNanos);
    if (start - p.deadlineNanos > 0) {
      failure = expired();
    } else {
      try {
        r = processor.process(base, p.txData, new Date());
      } catch (RuntimeException e) {
        failure = Anomalies.from(e);
      }
      meters.processed(System.nanoTime() - start);
    }
    synchronized (this) {
      if (gen != generation) {
        return; // processed on a database a failed write invalidated: writeFailed queued it again
      }
      inProcess = null;
      if (r != null) {
        p.result = r;
        processed.add(p);
        speculative = r.after();
      }
    }
    if (failure != null) {
      meters.failed();
      p.answer.fail(failure);
    }
  }

  private void runRebase(Pending p) {
    Throwable failure = null;
    try {
      DbValue next = p.rebase.apply(db);
      synchronized (this) {
        db = next;
        speculative = next;
      }
    } catch (RuntimeException e) {
      failure = Anomalies.from(e);
    }
    synchronized (this) {
      inProcess = null;
    }
    if (failure == null) {
      p.answer.complete();
    } else {
      p.answer.fail(failure);
    }
  }

  private void write(List<Pending> group) {
    List<TxResult> results = new ArrayList<>(group.size());
    group.forEach(p -> results.add(p.result));
    long start = System.nanoTime();
    sink.append(results)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                meters.written(group.size(), System.nanoTime() - start);
                committed(group);
              } else {
                writeFailed(group, ar.cause());
              }
            });
  }

  private void committed(List<Pending> group) {
    long durable = System.nanoTime();
    synchronized (this) {
      for (Pending p : group) {
        log.append(new LogEntry(p.result.after().basisT(), p.result.txData()));
      }
      db = group.get(group.size() - 1).result.after();
    }
    // the next group is written only after this one is published: listeners see t in order
    for (Pending p : group) {
      for (Consumer<TxResult> l : listeners) {
        l.accept(p.result);
      }
      p.answer.complete(p.result);
      meters.committed(System.nanoTime() - durable);
    }
    synchronized (this) {
      writingCount = 0;
    }
    pump();
  }

  // the group may have reached storage even so: continue from what the log holds, and process
  // again whatever was processed on top of the group
  private void writeFailed(List<Pending> group, Throwable cause) {
    DbValue before;
    synchronized (this) {
      generation++;
      recovering = true;
      if (inProcess != null) {
        waiting.addFirst(inProcess);
        inProcess = null;
      }
      for (int i = processed.size() - 1; i >= 0; i--) {
        waiting.addFirst(processed.get(i));
      }
      processed.clear();
      before = db;
    }
    sink.catchUp(before)
        .onComplete(
            caught -> {
              synchronized (this) {
                if (caught.succeeded()) {
                  db = caught.result();
                }
                speculative = db;
                writingCount = 0;
                recovering = false;
              }
              Anomaly a = Anomalies.from(cause);
              group.forEach(
                  p -> {
                    meters.failed();
                    p.answer.fail(a);
                  });
              pump();
            });
  }

  private static Anomaly expired() {
    return new Anomaly(
        Category.INTERRUPTED,
        Keyword.of("db.error/transaction-timeout"),
        "The transaction waited past its timeout and was not applied",
        null);
  }

  /** A transaction (or a rebase) on its way through the writer. */
  private static final class Pending {
    final Object txData;
    final UnaryOperator<DbValue> rebase;
    final long deadlineNanos;
    final Promise<TxResult> answer = Promise.promise();
    final long arrivedNanos = System.nanoTime();
    TxResult result;

    Pending(Object txData, UnaryOperator<DbValue> rebase, long deadlineNanos) {
      this.txData = txData;
      this.rebase = rebase;
      this.deadlineNanos = deadlineNanos;
    }
  }
}
