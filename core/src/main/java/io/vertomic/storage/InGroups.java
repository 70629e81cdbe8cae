package io.vertomic.storage;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one asynchronous operation per element, a bounded number in flight: a storage's client
 * refuses, or queues without bound, thousands of requests sent at once (deleting a whole database's
 * segments, writing an index job's).
 */
public final class InGroups {
  private InGroups() {}

  /**
   * {@code op} on each of {@code all}, {@code size} in flight at most, the next starting as soon as
   * one ends; fails at the first failure, after which no more start.
   */
  public static <T> Future<Void> run(List<T> all, int size, Function<T, Future<?>> op) {
    int lanes = Math.min(size, all.size());
    if (lanes == 0) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    Iterator<T> it = all.iterator();
    AtomicInteger running = new AtomicInteger(lanes);
    for (int i = 0; i < lanes; i++) {
      step(it, op, done, running);
    }
    return done.future();
  }

  // a lane takes the next element when its previous operation is done; a loop, not recursion,
  // while operations complete at once (in-memory storage), so the stack stays flat
  private static <T> void step(
      Iterator<T> it, Function<T, Future<?>> op, Promise<Void> done, AtomicInteger running) {
    while (true) {
      T next;
      synchronized (it) {
        if (done.future().isComplete() || !it.hasNext()) {
          if (running.decrementAndGet() == 0) {
            done.tryComplete();
          }
          return;
        }
        next = it.next();
      }
      Future<?> f;
      try {
        f = op.apply(next);
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      if (!f.isComplete()) {
        f.onComplete(
            ar -> {
              if (ar.failed()) {
                done.tryFail(ar.cause());
              }
              step(it, op, done, running);
            });
        return;
      }
      if (f.failed()) {
        done.tryFail(f.cause());
      }
    }
  }
}
