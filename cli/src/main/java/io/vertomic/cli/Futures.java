package io.vertomic.cli;

import io.vertomic.anomaly.Anomalies;
import io.vertx.core.Future;

/** Waiting on the tool's main thread (never an event loop) for what the libraries answer. */
final class Futures {
  private Futures() {}

  /** The result of {@code f}, or its failure as an anomaly. */
  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().join();
    } catch (RuntimeException e) {
      throw Anomalies.from(e);
    }
  }
}
