package io.vertomic.cluster.bus;

import io.vertomic.anomaly.Anomaly;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The active transactor of a storage system, as kept in the storage root {@value #ROOT}: who holds
 * it, its {@code epoch} (one more at every takeover), until when ({@code expiresAtMillis}, wall
 * clock), the event-bus address it takes transactions on and the {@code secret} every request to it
 * must carry (see {@link TransactorSecret}). The holder renews it by compare-and-swap before it
 * expires, with the same secret; a standby takes it over, with the next epoch and a fresh secret,
 * once it has. Peers read it to find the transactor, as Datomic's peers find theirs through
 * storage: only a process that can read storage learns the secret.
 *
 * <p>Stored as JSON: {@code {"owner", "epoch", "expiresAtMillis", "address", "secret"}}. A lease
 * written before secrets existed has none: it decodes with a null secret, which no transactor
 * accepts. {@link #toString()} leaves the secret out, so a lease may be logged.
 */
public record Lease(String owner, long epoch, long expiresAtMillis, String address, String secret) {
  /** The storage root that holds the lease. */
  public static final String ROOT = "transactor/lease";

  public boolean expired(long nowMillis) {
    return nowMillis >= expiresAtMillis;
  }

  /**
   * This lease held by {@code owner} until {@code expiresAtMillis}, at the next epoch and with a
   * fresh secret: requests made with the last holder's are refused from now on.
   */
  public static Lease takeOver(Lease previous, String owner, long expiresAtMillis) {
    long epoch = previous == null ? 1 : previous.epoch + 1;
    return new Lease(
        owner, epoch, expiresAtMillis, Addresses.transactor(owner), TransactorSecret.fresh());
  }

  public Lease renewed(long expiresAtMillis) {
    return new Lease(owner, epoch, expiresAtMillis, address, secret);
  }

  public byte[] encode() {
    return new JsonObject()
        .put("owner", owner)
        .put("epoch", epoch)
        .put("expiresAtMillis", expiresAtMillis)
        .put("address", address)
        .put("secret", secret)
        .toBuffer()
        .getBytes();
  }

  public static Lease decode(byte[] bytes) {
    try {
      JsonObject j = new JsonObject(Buffer.buffer(bytes));
      return new Lease(
          j.getString("owner"),
          j.getLong("epoch"),
          j.getLong("expiresAtMillis"),
          j.getString("address"),
          j.getString("secret"));
    } catch (DecodeException | ClassCastException | NullPointerException e) {
      throw Anomaly.fault("The transactor lease in storage is not readable", e);
    }
  }

  // the secret is storage's to give: never in a log line or a message
  @Override
  public String toString() {
    return "Lease[owner="
        + owner
        + ", epoch="
        + epoch
        + ", expiresAtMillis="
        + expiresAtMillis
        + ", address="
        + address
        + "]";
  }
}
