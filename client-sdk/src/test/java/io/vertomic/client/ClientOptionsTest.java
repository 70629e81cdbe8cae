package io.vertomic.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Defaults, validation, copies and configuration objects of {@link ClientOptions}. */
class ClientOptionsTest {

  @Test
  void defaultsReachTheLocalDevPeerServer() {
    ClientOptions o = new ClientOptions();

    assertEquals("http://127.0.0.1:8998", o.getEndpoint());
    assertEquals("dev", o.getAccessKey());
    assertEquals("dev", o.getSecret());
    assertEquals(30_000, o.getRequestTimeoutMillis());
    assertEquals(60_000, o.getRetryDeadlineMillis());
    assertEquals(10, o.getInitialBackoffMillis());
    assertEquals(1_000, o.getMaxBackoffMillis());
    assertEquals(1_000, o.getChunkSize());
    assertFalse(o.isTrustAll());
    assertNull(o.getPemTrustCertPath());
  }

  @Test
  void badValuesAreRefusedNamingTheOptionAndValue() {
    ClientOptions o = new ClientOptions();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> o.setRequestTimeoutMillis(0));
    assertEquals("requestTimeoutMillis must be positive, not 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> o.setEndpoint("ftp://x"));
    assertEquals("endpoint must start with http:// or https://, not \"ftp://x\"", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> o.setRetryDeadlineMillis(-1));
    assertEquals("retryDeadlineMillis must not be negative, not -1", e.getMessage());
    assertThrows(NullPointerException.class, () -> o.setSecret(null));
  }

  @Test
  void aCopyAndTheJsonFormKeepEveryOption() {
    ClientOptions o =
        new ClientOptions()
            .setEndpoint("https://peer:9443/prefix")
            .setAccessKey("k")
            .setSecret("s")
            .setRequestTimeoutMillis(5)
            .setRetryDeadlineMillis(6)
            .setInitialBackoffMillis(7)
            .setMaxBackoffMillis(8)
            .setChunkSize(9)
            .setTrustAll(true)
            .setPemTrustCertPath("/ca.pem");

    assertEquals(o.toJson(), new ClientOptions(o).toJson());
    assertEquals(o.toJson(), new ClientOptions(new JsonObject(o.toJson().encode())).toJson());
    assertEquals(9, new ClientOptions(new JsonObject().put("chunkSize", 9)).getChunkSize());
    assertTrue(o.toString().contains("***") && !o.toString().contains("\"s\""), o.toString());
  }
}
