package io.vertomic.peerserver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Capacity (API.md section 5, DESIGN "answers busy rather than queueing without bound"): at most
 * {@code maxConcurrent} reads run at once on their own worker threads, at most {@code maxQueued}
 * wait for one, and past that a read is refused {@code busy} at once; at most {@code maxPending}
 * transactions are on their way to the transactor. Thread-safe.
 */
final class Admission {
  private final WorkerExecutor readers;
  private final int maxAdmitted;
  private final int maxPending;
  private final AtomicInteger admitted = new AtomicInteger();
  private final AtomicInteger pending = new AtomicInteger();
  private final Counter refused;

  Admission(Vertx vertx, PeerServerOptions o, MeterRegistry metrics) {
    this.readers = vertx.createSharedWorkerExecutor("vertomic-readers", o.maxConcurrentQueries());
    this.maxAdmitted = o.maxConcurrentQueries() + o.maxQueuedQueries();
    this.maxPending = o.maxPendingTransactions();
    this.refused = Counter.builder("vertomic_busy_answers").register(metrics);
    Gauge.builder("vertomic_reads_admitted", admitted, AtomicInteger::get).register(metrics);
    Gauge.builder("vertomic_transactions_pending", pending, AtomicInteger::get).register(metrics);
  }

  /** Runs the read {@code work} on a reader thread, or fails {@code busy} when full. */
  <T> Future<T> read(Callable<T> work) {
    if (admitted.incrementAndGet() > maxAdmitted) {
      admitted.decrementAndGet();
      refused.increment();
      return Future.failedFuture(busy("reads", maxAdmitted));
    }
    return readers.executeBlocking(work, false).onComplete(r -> admitted.decrementAndGet());
  }

  /**
   * Runs {@code send} (a transaction on its way) unless too many are pending: then {@code busy}.
   */
  <T> Future<T> transaction(Supplier<Future<T>> send) {
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      refused.increment();
      return Future.failedFuture(busy("transactions", maxPending));
    }
    Future<T> f;
    try {
      f = send.get();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    return f.onComplete(r -> pending.decrementAndGet());
  }

  void close() {
    readers.close();
  }

  private static Anomaly busy(String what, int max) {
    return new Anomaly(
        Category.BUSY,
        Keyword.of("vertomic.error/peer-server-busy"),
        "The peer server has " + max + " " + what + " in hand: try again later",
        null);
  }
}
