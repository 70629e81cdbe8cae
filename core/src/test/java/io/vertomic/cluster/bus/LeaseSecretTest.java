package io.vertomic.cluster.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The secret a transactor writes with its lease: fresh at every takeover, the same across renewals,
 * kept by the storage encoding, and never printed.
 */
class LeaseSecretTest {
  @Test
  void everyTakeoverDrawsAFreshSecretOf32RandomBytes() {
    Lease first = Lease.takeOver(null, "a", 1_000);
    Lease second = Lease.takeOver(first, "b", 2_000);
    Lease again = Lease.takeOver(second, "b", 3_000);
    assertEquals(32, Base64.getDecoder().decode(first.secret()).length);
    assertNotEquals(first.secret(), second.secret());
    assertNotEquals(second.secret(), again.secret(), "the same owner's next epoch too");
    assertEquals(3, again.epoch());
  }

  @Test
  void aRenewalKeepsTheSecretOfItsEpoch() {
    Lease held = Lease.takeOver(null, "a", 1_000);
    Lease renewed = held.renewed(2_000).renewed(3_000);
    assertEquals(held.secret(), renewed.secret());
    assertEquals(held.epoch(), renewed.epoch());
  }

  @Test
  void theStorageEncodingKeepsTheSecret() {
    Lease held = Lease.takeOver(null, "a", 1_000);
    assertEquals(held, Lease.decode(held.encode()));
  }

  @Test
  void aLeaseWrittenBeforeSecretsDecodesWithNone() {
    byte[] old =
        new JsonObject()
            .put("owner", "a")
            .put("epoch", 4)
            .put("expiresAtMillis", 1_000)
            .put("address", "vertomic.transactor.a")
            .encode()
            .getBytes(StandardCharsets.UTF_8);
    Lease l = Lease.decode(old);
    assertEquals(4, l.epoch());
    assertNull(l.secret());
    assertNull(TransactorSecret.options(l, 100).getHeaders(), "a request with no secret header");
  }

  @Test
  void theSecretIsNeverPrinted() {
    Lease held = Lease.takeOver(null, "a", 1_000);
    assertNotNull(held.secret());
    assertFalse(held.toString().contains(held.secret()), held.toString());
    assertFalse(
        AnomalyMessages.wrongSecret(held.epoch()).getMessage().contains(held.secret()),
        "nor in the refusal");
  }
}
