package io.vertomic.storage;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one asynchronous operation per element, a group at a time: a storage's client refuses, or
 * queues without bound, thousands of requests sent at once (deleting a whole database's segments).
 */
public final class InGroups {
  private InGroups() {}

  /**
   * {@code op} on each of {@code all}, {@code size} in flight at most; fails at the first failure.
   */
  public static <T> Future<Void> run(List<T> all, int size, Function<T, Future<?>> op) {
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < all.size(); from += size) {
      List<T> group = all.subList(from, Math.min(all.size(), from + size));
      chain = chain.compose(v -> Future.all(group.stream().map(op).toList()).mapEmpty());
    }
    return chain;
  }
}
