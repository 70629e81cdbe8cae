package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The HTTP door's limits: sane defaults, set by config, environment or flag, refused when bad. */
class ServerLimitsTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    ServerLimits l = ServerLimits.from(new JsonObject(), Map.of(), new Properties());
    assertEquals(new ServerLimits(120, 30_000, 8192, 4096, 8, 1_000_000), l);
  }

  @Test
  void theEnvironmentOverridesTheConfigAndAFlagOverridesBoth() {
    Properties flags = new Properties();
    flags.setProperty("vertomic.maxStreamsPerClient", "3");
    ServerLimits l =
        ServerLimits.from(
            new JsonObject().put("requestDeadlineMillis", 5000).put("maxStreamsPerClient", 1),
            Map.of(
                "VERTOMIC_REQUEST_DEADLINE_MILLIS", "7000", "VERTOMIC_MAX_STREAMS_PER_CLIENT", "2"),
            flags);
    assertEquals(7000, l.requestDeadlineMillis());
    assertEquals(3, l.maxStreamsPerClient());
  }

  @Test
  void aLimitThatIsNoPositiveNumberIsIncorrectNamingIt() {
    Anomaly a =
        assertThrows(
            Anomaly.class,
            () ->
                ServerLimits.from(
                    new JsonObject().put("maxStreamsPerClient", 0), Map.of(), new Properties()));
    assertEquals(Category.INCORRECT, a.category());
    assertEquals(
        "Bad peer server config: maxStreamsPerClient must be at least 1, not 0", a.getMessage());
  }

  @Test
  void tlsSpeaksOnlyTls12And13() {
    HttpServerOptions http =
        ServerLimits.from(new JsonObject(), Map.of(), new Properties())
            .apply(new HttpServerOptions(), true);
    assertEquals(Set.of("TLSv1.2", "TLSv1.3"), http.getEnabledSecureTransportProtocols());
    assertEquals(120, http.getIdleTimeout());
    assertEquals(false, http.isHttp2ClearTextEnabled());
  }
}
