package io.vertomic.anomaly;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Boundary translation: any {@link Throwable} seen at an API edge becomes an {@link Anomaly}. */
public final class Anomalies {
  private Anomalies() {}

  /**
   * The anomaly that {@code t} is or wraps; timeouts become {@link Category#INTERRUPTED}, anything
   * else unexpected becomes {@link Category#FAULT}.
   */
  public static Anomaly from(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof CompletionException || cur instanceof ExecutionException)
        && cur.getCause() != null) {
      cur = cur.getCause();
    }
    if (cur instanceof Anomaly a) {
      return a;
    }
    if (cur instanceof TimeoutException || cur instanceof InterruptedException) {
      return new Anomaly(
          Category.INTERRUPTED,
          io.vertomic.edn.Keyword.of("vertomic.error/interrupted"),
          String.valueOf(cur.getMessage()),
          null,
          cur);
    }
    return Anomaly.fault(cur.getClass().getName() + ": " + cur.getMessage(), cur);
  }
}
