package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomalies;
import io.vertomic.anomaly.Anomaly;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one bridge from asynchronous storage to the synchronous peer API (API.md section 3): waits
 * for a future on the calling thread, and refuses to do so on a Vert.x event loop, where waiting
 * would stall every other task of that loop.
 */
final class Blocking {
  static final long TIMEOUT_SECONDS = 120;

  private Blocking() {}

  static <T> T await(Future<T> f, String what) {
    if (Context.isOnEventLoopThread()) {
      throw Anomaly.incorrect(
          "vertomic.error/blocking-on-event-loop",
          "The synchronous peer API cannot wait for storage on an event loop thread ("
              + what
              + "); call it from a worker (executeBlocking) or use the asynchronous API");
    }
    try {
      return f.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw Anomalies.from(e.getCause());
    } catch (TimeoutException e) {
      throw Anomaly.unavailable(
          "Storage did not answer within " + TIMEOUT_SECONDS + " s: " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Anomaly.unavailable("Interrupted while waiting for storage: " + what, e);
    }
  }
}
