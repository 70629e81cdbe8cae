package io.vertomic.cluster.bus;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that authenticates a request to the transactor: Datomic's rule that access to storage
 * is the authority. The transactor draws a fresh one at each takeover and writes it with its {@link
 * Lease}; a peer reads it from there and sends it in the header {@value #HEADER} of every request
 * (transactions, index, gc, rename). A cluster member that cannot read storage cannot learn it, so
 * its requests are refused {@code forbidden}. It never goes in a message body, a log line or an
 * anomaly.
 */
public final class TransactorSecret {
  /** The event-bus header that carries the secret. */
  public static final String HEADER = "vertomic-secret";

  // 256 bits: guessing is hopeless, and SecureRandom is seeded by the OS
  private static final int BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TransactorSecret() {}

  /** A new secret, for a new epoch: 32 random bytes in Base64. */
  public static String fresh() {
    byte[] b = new byte[BYTES];
    RANDOM.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  /**
   * Options for a request to the holder of {@code lease}: its secret in the header (none when the
   * lease has none: the transactor then refuses) and the time to wait for the answer.
   */
  public static DeliveryOptions options(Lease lease, long timeoutMillis) {
    DeliveryOptions o = new DeliveryOptions().setSendTimeout(timeoutMillis);
    if (lease.secret() != null) {
      o.addHeader(HEADER, lease.secret());
    }
    return o;
  }

  /**
   * True when {@code request} carries {@code expected}; false when either is missing. Compared in
   * constant time, so the answer's timing says nothing of how much of a guess was right.
   */
  public static boolean carries(Message<?> request, String expected) {
    String given = request.headers().get(HEADER);
    if (given == null || expected == null) {
      return false;
    }
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
