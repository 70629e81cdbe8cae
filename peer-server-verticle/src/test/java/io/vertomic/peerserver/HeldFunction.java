package io.vertomic.peerserver;

import io.vertomic.query.fn.Functions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A query function that holds the query calling it until the test releases it: what fills a peer
 * server's read capacity on purpose. {@link #entered} opens when a query is held.
 */
final class HeldFunction {
  final CountDownLatch entered = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);

  /** Registers the function as {@code name} (a symbol queries call, {@code [(name)]}). */
  HeldFunction(String name) {
    Functions.register(
        name,
        args -> {
          entered.countDown();
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return true;
        });
  }
}
