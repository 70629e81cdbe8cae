package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow") // PostgreSQL
class UnavailableStorageTest {
  @Test
  void storageThatRefusesConnectionsIsUnavailableAndUnhealthy() {
    // nothing listens on port 1: the storage is unreachable
    try (Server server =
        new Server(
            new JsonObject()
                .put(
                    "storage",
                    "vertomic:sql://*?postgresql://postgres:hunter2@127.0.0.1:1/test"))) {
      var r = server.transact("people", "[]");
      assertEquals(503, r.statusCode(), r.bodyAsString());
      assertEquals("unavailable", r.bodyAsJsonObject().getString("anomaly"));
      assertFalse(r.bodyAsString().contains("hunter2"), r.bodyAsString());
      var health = Server.await(server.http.get("/health").send());
      assertEquals(503, health.statusCode());
      assertEquals("DOWN", health.bodyAsJsonObject().getString("status"));
    }
  }
}
