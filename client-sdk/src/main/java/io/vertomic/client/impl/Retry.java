package io.vertomic.client.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.client.ClientOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Retries an operation whose answer is {@code busy}, the one retry policy of the SDK (API.md
 * section 4): exponential backoff with full jitter, bounded by a deadline. Thread-safe.
 *
 * <p>Retry {@code n} (0 for the first) waits a random time in {@code [0, cap(n))} where {@code
 * cap(n) = min(maxBackoffMillis, initialBackoffMillis * 2^n)}. A retry is made only if it would
 * start before {@code retryDeadlineMillis} after the first attempt started; otherwise the caller
 * gets the last {@code busy} anomaly. Any other outcome, success or failure, is final. Waits are
 * Vert.x timers, never a sleeping thread.
 */
public final class Retry {
  /** Runs {@code action} after {@code delayMillis}; {@code vertx::setTimer} in production. */
  interface Timer {
    void schedule(long delayMillis, Runnable action);
  }

  private final Timer timer;
  private final LongSupplier clockMillis;
  private final DoubleSupplier jitter;
  private final long initialBackoffMillis;
  private final long maxBackoffMillis;
  private final long deadlineMillis;

  /** The policy of {@code options}, waiting on {@code vertx}'s timers. */
  public Retry(Vertx vertx, ClientOptions options) {
    this(
        (delay, action) -> vertx.setTimer(Math.max(1, delay), id -> action.run()),
        () -> System.nanoTime() / 1_000_000,
        () -> ThreadLocalRandom.current().nextDouble(),
        options.getInitialBackoffMillis(),
        options.getMaxBackoffMillis(),
        options.getRetryDeadlineMillis());
  }

  /** For tests: a given timer, clock and jitter (a value in {@code [0, 1]}). */
  Retry(
      Timer timer,
      LongSupplier clockMillis,
      DoubleSupplier jitter,
      long initialBackoffMillis,
      long maxBackoffMillis,
      long deadlineMillis) {
    this.timer = timer;
    this.clockMillis = clockMillis;
    this.jitter = jitter;
    this.initialBackoffMillis = initialBackoffMillis;
    this.maxBackoffMillis = maxBackoffMillis;
    this.deadlineMillis = deadlineMillis;
  }

  /**
   * The outcome of {@code attempt}, run again while it fails {@code busy} and the deadline allows.
   * {@code attempt} is called once per try and must start a new request each time.
   */
  public <T> Future<T> onBusy(Supplier<Future<T>> attempt) {
    Promise<T> result = Promise.promise();
    run(attempt, 0, clockMillis.getAsLong(), result);
    return result.future();
  }

  private <T> void run(Supplier<Future<T>> attempt, int retry, long start, Promise<T> result) {
    Future<T> f;
    try {
      f = attempt.get();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    f.onComplete(
        ar -> {
          if (ar.succeeded() || !isBusy(ar.cause())) {
            result.handle(ar);
            return;
          }
          long delay = (long) (jitter.getAsDouble() * cap(retry));
          if (clockMillis.getAsLong() + delay - start >= deadlineMillis) {
            result.fail(ar.cause());
            return;
          }
          timer.schedule(delay, () -> run(attempt, retry + 1, start, result));
        });
  }

  /** The cap of retry {@code retry}'s random wait. */
  long cap(int retry) {
    long cap = Math.min(initialBackoffMillis, maxBackoffMillis);
    for (int i = 0; i < retry && cap < maxBackoffMillis; i++) {
      cap = Math.min(maxBackoffMillis, cap * 2);
    }
    return cap;
  }

  private static boolean isBusy(Throwable t) {
    return t instanceof Anomaly a && a.category() == Category.BUSY;
  }
}
