package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.cluster.bus.AnomalyMessages;
import io.vertomic.cluster.bus.Lease;
import io.vertomic.cluster.bus.TransactorSecret;
import io.vertx.core.eventbus.Message;
import java.util.concurrent.TimeUnit;

/**
 * What a transactor lets through to its writers: nothing while it is a standby, and while it holds
 * the lease only the requests that carry the lease's secret (see {@link TransactorSecret}). Every
 * refusal is logged, without the secret: the first at once, the ones that follow within {@link
 * #LOG_EVERY_NANOS} counted into the next line, so a rogue member that keeps sending cannot flood
 * the log. Thread-safe.
 */
final class TransactorGate {
  private static final System.Logger LOG = System.getLogger(TransactorGate.class.getName());
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  // null while a standby
  private volatile Lease held;
  // guarded by this: when the last refusal line was written, and refusals since not written
  private long loggedAt;
  private boolean loggedOnce;
  private long unlogged;

  /** Lets through, from now on, the requests that carry {@code lease}'s secret. */
  void open(Lease lease) {
    held = lease;
  }

  /** Lets nothing through from now on. */
  void close() {
    held = null;
  }

  /** Null when {@code request} may go through, else the anomaly to refuse it with. */
  Anomaly refusal(Message<?> request) {
    Lease l = held;
    if (l == null) {
      return AnomalyMessages.notActive();
    }
    if (TransactorSecret.carries(request, l.secret())) {
      return null;
    }
    logRefused(request, l.epoch());
    return AnomalyMessages.wrongSecret(l.epoch());
  }

  private void logRefused(Message<?> request, long epoch) {
    long now = System.nanoTime();
    long more;
    synchronized (this) {
      if (loggedOnce && now - loggedAt < LOG_EVERY_NANOS) {
        unlogged++;
        return;
      }
      more = unlogged;
      unlogged = 0;
      loggedAt = now;
      loggedOnce = true;
    }
    boolean missing = request.headers().get(TransactorSecret.HEADER) == null;
    LOG.log(
        System.Logger.Level.WARNING,
        "Refused a request to "
            + request.address()
            + (missing ? " without" : " with a wrong secret instead of")
            + " the storage secret of epoch "
            + epoch
            + " (forbidden)"
            + (more == 0 ? "" : ", and " + more + " more since the last such line"));
  }
}
