package io.vertomic.client.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The busy retry policy with a recording timer and a clock that only the timer moves: the waits it
 * asks for and the attempts it makes, without any real time passing.
 */
class RetryTest {
  private final List<Long> waits = new ArrayList<>();
  private long now;
  private final AtomicInteger attempts = new AtomicInteger();

  private Retry retry(double jitter, long initial, long max, long deadline) {
    return new Retry(
        (delay, action) -> {
          waits.add(delay);
          now += delay;
          action.run();
        },
        () -> now,
        () -> jitter,
        initial,
        max,
        deadline);
  }

  private static Anomaly busy() {
    return new Anomaly(
        Category.BUSY, Keyword.of("vertomic.error/busy"), "Transactor queue full", null);
  }

  /** An operation answering busy {@code busyTimes} times, then {@code "done"}. */
  private Supplier<Future<String>> busyThenDone(int busyTimes) {
    return () ->
        attempts.incrementAndGet() <= busyTimes
            ? Future.failedFuture(busy())
            : Future.succeededFuture("done");
  }

  @Test
  void busyIsRetriedUntilSuccessWithWaitsDoublingUpToTheMaximum() {
    Future<String> result = retry(1.0, 1, 8, 60_000).onBusy(busyThenDone(6));

    assertEquals("done", result.result());
    assertEquals(7, attempts.get());
    assertEquals(List.of(1L, 2L, 4L, 8L, 8L, 8L), waits);
  }

  @Test
  void fullJitterWaitsARandomFractionOfTheCap() {
    retry(0.5, 10, 1000, 60_000).onBusy(busyThenDone(3));

    assertEquals(List.of(5L, 10L, 20L), waits);
  }

  @Test
  void busyPastTheDeadlineReachesTheCallerAsBusy() {
    Future<String> result = retry(1.0, 1, 8, 20).onBusy(busyThenDone(Integer.MAX_VALUE));

    Anomaly a = (Anomaly) result.cause();
    assertEquals(Category.BUSY, a.category());
    assertEquals("Transactor queue full", a.getMessage());
    assertEquals(List.of(1L, 2L, 4L, 8L), waits, "a fifth wait would end past the deadline");
    assertEquals(5, attempts.get());
  }

  @Test
  void aZeroDeadlineMeansOneAttempt() {
    Future<String> result = retry(1.0, 1, 8, 0).onBusy(busyThenDone(1));

    assertEquals(Category.BUSY, ((Anomaly) result.cause()).category());
    assertEquals(1, attempts.get());
    assertTrue(waits.isEmpty());
  }

  @Test
  void otherFailuresAreNotRetried() {
    Anomaly conflict = Anomaly.conflict("db.error/unique-conflict", "Unique conflict: :a/b 1");
    Future<String> result =
        retry(1.0, 1, 8, 60_000)
            .onBusy(
                () -> {
                  attempts.incrementAndGet();
                  return Future.failedFuture(conflict);
                });

    assertSame(conflict, result.cause());
    assertEquals(1, attempts.get());
  }

  @Test
  void capsDoubleFromTheInitialBackoffAndStopAtTheMaximum() {
    Retry r = retry(1.0, 10, 1000, 60_000);

    assertEquals(10, r.cap(0));
    assertEquals(80, r.cap(3));
    assertEquals(640, r.cap(6));
    assertEquals(1000, r.cap(7));
    assertEquals(1000, r.cap(1000));
  }
}
