package io.vertomic.cluster.bus;

import io.vertomic.anomaly.Anomaly;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The active transactor of a storage system, as kept in the storage root {@value #ROOT}: who holds
 * it, its {@code epoch} (one more at every takeover), until when ({@code expiresAtMillis}, wall
 * clock) and the event-bus address it takes transactions on. The holder renews it by
 * compare-and-swap before it expires; a standby takes it over, with the next epoch, once it has.
 * Peers read it to find the transactor, as Datomic's peers find theirs through storage.
 */
public record Lease(String owner, long epoch, long expiresAtMillis, String address) {
  /** The storage root that holds the lease. */
  public static final String ROOT = "transactor/lease";

  public boolean expired(long nowMillis) {
    return nowMillis >= expiresAtMillis;
  }

  /** This lease held by {@code owner} until {@code expiresAtMillis}, at the next epoch. */
  public static Lease takeOver(Lease previous, String owner, long expiresAtMillis) {
    long epoch = previous == null ? 1 : previous.epoch + 1;
    return new Lease(owner, epoch, expiresAtMillis, Addresses.transactor(owner));
  }

  public Lease renewed(long expiresAtMillis) {
    return new Lease(owner, epoch, expiresAtMillis, address);
  }

  public byte[] encode() {
    return new JsonObject()
        .put("owner", owner)
        .put("epoch", epoch)
        .put("expiresAtMillis", expiresAtMillis)
        .put("address", address)
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
          j.getString("address"));
    } catch (DecodeException | ClassCastException | NullPointerException e) {
      throw Anomaly.fault("The transactor lease in storage is not readable", e);
    }
  }
}
