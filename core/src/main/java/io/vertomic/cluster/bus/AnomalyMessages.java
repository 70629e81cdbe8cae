package io.vertomic.cluster.bus;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Anomalies across the event bus: the transactor fails a request with the anomaly's category, code
 * and message as JSON; the peer turns that, or the bus's own failures, back into an anomaly.
 */
public final class AnomalyMessages {
  /** The failure code of a request failed with an anomaly. */
  public static final int ANOMALY = 1;

  /**
   * The code of a transaction no active transactor received (none at the address, or a standby
   * there): it was not applied, so sending it again is safe.
   */
  public static final String NO_TRANSACTOR = "vertomic.error/no-transactor";

  /** The anomaly of a transaction that reached a standby. */
  public static Anomaly notActive() {
    return new Anomaly(
        Category.UNAVAILABLE,
        Keyword.of(NO_TRANSACTOR),
        "This transactor is a standby: read the lease for the active one",
        null);
  }

  /**
   * The code of a transaction whose transactor lost its lease before answering: it may have
   * committed (its outcome is in the log), so only a keyed transaction is sent again.
   */
  public static final String TRANSACTOR_GONE = "vertomic.error/transactor-gone";

  public static Anomaly transactorGone(long epoch) {
    return new Anomaly(
        Category.INTERRUPTED,
        Keyword.of(TRANSACTOR_GONE),
        "The transactor of epoch "
            + epoch
            + " lost its lease before answering: the transaction may have committed; its outcome"
            + " is in the log",
        null);
  }

  public static boolean transactorGone(Anomaly a) {
    return has(a, TRANSACTOR_GONE);
  }

  /**
   * The code of a request the transactor refused because it did not carry the secret of the
   * transactor's epoch (see {@link TransactorSecret}): nothing was applied. A peer whose lease is
   * stale (a takeover since) reads it again and sends the request again; anyone else stays refused.
   */
  public static final String WRONG_SECRET = "vertomic.error/wrong-secret";

  public static Anomaly wrongSecret(long epoch) {
    return Anomaly.forbidden(
        WRONG_SECRET,
        "Request to the transactor without the storage secret of epoch "
            + epoch
            + ": only a process that reads the transactor's lease in storage may send it requests");
  }

  /** True when {@code a} says the transactor refused the request for its secret. */
  public static boolean wrongSecret(Anomaly a) {
    return has(a, WRONG_SECRET);
  }

  /**
   * The anomaly of a request refused for the secret of the lease of {@code epoch} that a takeover
   * has since replaced: no active transactor took it, so it is sent again under the new lease.
   */
  public static Anomaly staleLease(long epoch) {
    return new Anomaly(
        Category.UNAVAILABLE,
        Keyword.of(NO_TRANSACTOR),
        "The transactor lease of epoch "
            + epoch
            + " that this peer read has been taken over: read the lease for the active transactor",
        null);
  }

  /** True when {@code a} says no active transactor received the request. */
  public static boolean notDelivered(Anomaly a) {
    return has(a, NO_TRANSACTOR);
  }

  private static boolean has(Anomaly a, String code) {
    return a.code().toString().equals(":" + code);
  }

  private AnomalyMessages() {}

  public static void fail(Message<?> request, Throwable cause) {
    request.fail(ANOMALY, toJson(cause).encode());
  }

  /** The anomaly {@code cause} stands for, as JSON: its category, code and message. */
  public static JsonObject toJson(Throwable cause) {
    Anomaly a =
        cause instanceof Anomaly x ? x : Anomaly.fault("The transactor failed: " + cause, cause);
    return new JsonObject()
        .put("category", a.category().name())
        .put("code", a.code().toString().substring(1))
        .put("message", a.getMessage());
  }

  /** The anomaly {@link #toJson} wrote. */
  public static Anomaly fromJson(JsonObject j) {
    return new Anomaly(
        Category.valueOf(j.getString("category")),
        Keyword.of(j.getString("code")),
        j.getString("message"),
        null);
  }

  /**
   * The anomaly a failed request stands for: the transactor's own, or {@code unavailable} when no
   * transactor took it, or {@code interrupted} when the answer did not come in time (the
   * transaction may then have committed: its outcome is in the log).
   */
  public static Anomaly from(Throwable failure, String what) {
    if (failure instanceof Anomaly a) {
      return a;
    }
    if (failure instanceof ReplyException r) {
      if (r.failureType() == ReplyFailure.RECIPIENT_FAILURE && r.failureCode() == ANOMALY) {
        try {
          return fromJson(new JsonObject(r.getMessage()));
        } catch (DecodeException | IllegalArgumentException | NullPointerException e) {
          return Anomaly.fault("Unreadable answer from the transactor to " + what, e);
        }
      }
      if (r.failureType() == ReplyFailure.TIMEOUT) {
        return new Anomaly(
            Category.INTERRUPTED,
            Keyword.of("db.error/transaction-timeout"),
            "No answer from the transactor in time to "
                + what
                + ": the transaction may have committed; its outcome is in the log",
            null);
      }
    }
    if (failure instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS) {
      return new Anomaly(
          Category.UNAVAILABLE,
          Keyword.of(NO_TRANSACTOR),
          "No transactor took " + what + ": " + failure.getMessage(),
          null);
    }
    return Anomaly.unavailable("No transactor took " + what + ": " + failure.getMessage(), failure);
  }
}
