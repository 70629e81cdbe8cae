package io.vertomic.client;

import static io.vertomic.client.PeerFixture.anomaly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Failure answers, unreachable servers and timeouts become anomalies with category and message. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AnomalyAnswerTest {
  private Vertx vertx;
  private PeerFixture peer;
  private VertomicClient client;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    peer = PeerFixture.start(vertx);
    client = VertomicClient.create(vertx, peer.options().setRetryDeadlineMillis(0));
  }

  @AfterEach
  void stop() {
    client.close();
    peer.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "400, incorrect,   INCORRECT,   :db.error/not-an-entity,  Unknown attribute :person/nam in [:find ?e]",
    "401, forbidden,   FORBIDDEN,   :vertomic.error/unauthorized, Missing or wrong access key or secret",
    "404, not-found,   NOT_FOUND,   :vertomic.error/no-such-database, No database named \"people\"",
    "409, conflict,    CONFLICT,    :db.error/unique-conflict, Unique conflict: :person/email i@x.org",
    "429, busy,        BUSY,        :vertomic.error/busy,     Transactor queue full",
    "503, unavailable, UNAVAILABLE, :vertomic.error/no-transactor, No transactor holds the lease",
    "504, interrupted, INTERRUPTED, :vertomic.error/timeout,  Query passed its timeout of 10 ms",
    "500, fault,       FAULT,       :vertomic.error/fault,    Internal error 42: it is logged",
  })
  void anAnomalyAnswerBecomesAnAnomalyWithItsCategoryCodeAndMessage(
      int status, String wireName, Category category, String code, String message) {
    peer.on(
        "GET",
        "/api/databases/people",
        (req, resp, n) -> anomaly(resp, status, wireName, message, code));

    Anomaly a = assertThrows(Anomaly.class, () -> client.connect("people").await());

    assertEquals(category, a.category());
    assertEquals(Keyword.of(code), a.code());
    assertEquals(message, a.getMessage());
  }

  @Test
  void anAnswerWithoutAnomalyGetsTheCategoryOfItsStatusAndNamesTheRequest() {
    peer.on(
        "POST",
        "/api/databases",
        (req, resp, n) ->
            resp.setStatusCode(413)
                .putHeader("Content-Type", "text/plain")
                .end("Request Entity Too Large"));

    Anomaly a = assertThrows(Anomaly.class, () -> client.createDatabase("people").await());

    assertEquals(Category.INCORRECT, a.category());
    assertNull(a.code());
    assertTrue(a.getMessage().contains("HTTP 413"), a.getMessage());
    assertTrue(a.getMessage().contains("POST /api/databases"), a.getMessage());
    assertTrue(a.getMessage().contains("Request Entity Too Large"), a.getMessage());
  }

  @Test
  void aJsonAnomalyAnswerIsReadToo() {
    peer.on(
        "GET",
        "/api/databases",
        (req, resp, n) ->
            resp.setStatusCode(403)
                .putHeader("Content-Type", "application/json")
                .end(
                    "{\"anomaly\":\"forbidden\",\"message\":\"Function not allowed: eval\","
                        + "\"code\":\":vertomic.error/forbidden-fn\"}"));

    Anomaly a = assertThrows(Anomaly.class, () -> client.listDatabases().await());

    assertEquals(Category.FORBIDDEN, a.category());
    assertEquals(Keyword.of("vertomic.error/forbidden-fn"), a.code());
    assertEquals("Function not allowed: eval", a.getMessage());
  }

  @Test
  void anUnreachableServerIsUnavailableNamingTheEndpoint() {
    String endpoint = peer.options().getEndpoint();
    peer.close();

    Anomaly a = assertThrows(Anomaly.class, () -> client.listDatabases().await());

    assertEquals(Category.UNAVAILABLE, a.category());
    assertTrue(a.getMessage().contains(endpoint), a.getMessage());
    assertTrue(a.getMessage().contains("GET /api/databases"), a.getMessage());
    peer = PeerFixture.start(vertx);
  }

  @Test
  void aRequestPastItsTimeoutIsInterrupted() {
    peer.on("GET", "/api/databases", (req, resp, n) -> {});
    VertomicClient impatient =
        VertomicClient.create(vertx, peer.options().setRequestTimeoutMillis(50));

    Anomaly a = assertThrows(Anomaly.class, () -> impatient.listDatabases().await());

    assertEquals(Category.INTERRUPTED, a.category());
    assertTrue(a.getMessage().contains("within 50 ms"), a.getMessage());
    impatient.close();
  }

  @Test
  void aMissingDatabaseIsNotFoundOnConnectAndFalseOnDelete() {
    Anomaly a = assertThrows(Anomaly.class, () -> client.connect("nobody").await());

    assertEquals(Category.NOT_FOUND, a.category());
    assertEquals(false, client.deleteDatabase("nobody").await());
  }
}
