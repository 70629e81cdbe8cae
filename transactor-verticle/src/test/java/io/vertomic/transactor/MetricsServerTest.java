package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The transactor's operators' port: /metrics is the registry in Prometheus's text, /health the
 * role, anything else 404, and a port that is taken makes it listen on the next one.
 */
class MetricsServerTest {
  private final Vertx vertx = Vertx.vertx();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private HttpServer start(int port) throws Exception {
    return await(
        MetricsServer.start(
            vertx, port, registry, () -> new JsonObject().put("role", "active").put("epoch", 3)));
  }

  @Test
  void itServesTheRegistryAndTheHealthOfTheTransactor() throws Exception {
    Counter.builder("vertomic_example").register(registry).increment(2);
    int port = start(0).actualPort();
    String base = "http://127.0.0.1:" + port;
    assertEquals(2, new Scrape(Scrape.get(base + "/metrics")).value("vertomic_example_total"));
    JsonObject health = new JsonObject(Scrape.get(base + "/health"));
    assertEquals("active", health.getString("role"));
    assertEquals(3, health.getLong("epoch"));
    AssertionError notFound = assertThrows(AssertionError.class, () -> Scrape.get(base + "/api"));
    assertTrue(notFound.getMessage().contains("404"), notFound.getMessage());
  }

  @Test
  void aTakenPortMakesItListenOnTheNextFreeOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      int got = start(port).actualPort();
      assertTrue(got > port && got <= port + 100, port + " taken, listens on " + got);
      assertEquals(
          "active",
          new JsonObject(Scrape.get("http://127.0.0.1:" + got + "/health")).getString("role"));
    }
  }
}
