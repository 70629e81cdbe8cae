package io.vertomic.client;

import static io.vertomic.client.PeerFixture.anomaly;
import static io.vertomic.client.PeerFixture.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code busy} answers are retried by the SDK, reads always and transactions only with an
 * idempotency key (the waits themselves are checked in {@code impl.RetryTest}).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BusyRetryTest {
  private static final String DB = "/api/databases/people";
  private static final String TRANSACT = DB + "/transact";

  private Vertx vertx;
  private PeerFixture peer;
  private VertomicClient client;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    peer = PeerFixture.start(vertx);
    peer.on("GET", DB, (req, resp, n) -> answer(resp, 200, Map.of("basis-t", 1000L)));
    client = VertomicClient.create(vertx, peer.options().setInitialBackoffMillis(1));
  }

  @AfterEach
  void stop() {
    client.close();
    peer.close();
  }

  private static void busy(HttpServerResponse resp) {
    resp.putHeader("Retry-After", "1");
    anomaly(resp, 429, "busy", "Peer server full: 64 queries queued", "vertomic.error/busy");
  }

  private static void transacted(HttpServerResponse resp) {
    answer(
        resp,
        200,
        Map.of(
            "t-before",
            1000L,
            "t-after",
            1001L,
            "tx-data",
            List.of(List.of(13194139534313L, 50L, 1L, 13194139534313L, true)),
            "tempids",
            Map.of()));
  }

  @Test
  void aBusyReadIsRetriedUntilItSucceeds() {
    peer.on(
        "GET",
        "/api/databases",
        (req, resp, n) -> {
          if (n <= 4) {
            busy(resp);
          } else {
            answer(resp, 200, Map.of("databases", List.of("people")));
          }
        });

    assertEquals(List.of("people"), client.listDatabases().await());
    assertEquals(5, peer.attempts("GET", "/api/databases"));
  }

  @Test
  void busyUntilTheDeadlineReachesTheCallerAsBusy() {
    peer.on("GET", "/api/databases", (req, resp, n) -> busy(resp));
    VertomicClient quick =
        VertomicClient.create(
            vertx,
            peer.options()
                .setInitialBackoffMillis(1)
                .setMaxBackoffMillis(2)
                .setRetryDeadlineMillis(30));

    Anomaly a = assertThrows(Anomaly.class, () -> quick.listDatabases().await());

    assertEquals(Category.BUSY, a.category());
    assertEquals("Peer server full: 64 queries queued", a.getMessage());
    assertTrue(peer.attempts("GET", "/api/databases") >= 1);
    quick.close();
  }

  @Test
  void aTransactionWithoutIdempotencyKeyIsNeverRetried() {
    peer.on(
        "POST",
        TRANSACT,
        (req, resp, n) -> {
          if (n == 1) {
            busy(resp);
          } else {
            transacted(resp);
          }
        });
    Connection conn = client.connect("people").await();

    Anomaly a =
        assertThrows(Anomaly.class, () -> conn.transact("[[:db/add \"x\" :a/b 1]]").await());

    assertEquals(Category.BUSY, a.category());
    assertEquals(1, peer.attempts("POST", TRANSACT));
  }

  @Test
  void aTransactionWithIdempotencyKeyIsRetriedAndCarriesTheKey() {
    peer.on(
        "POST",
        TRANSACT,
        (req, resp, n) -> {
          if (n <= 2) {
            busy(resp);
          } else {
            transacted(resp);
          }
        });
    Connection conn = client.connect("people").await();

    TxResult r = conn.transact("[[:db/add \"x\" :a/b 1]]", "order-42").await();

    assertEquals(1001L, r.dbAfter().basisT());
    assertEquals(3, peer.attempts("POST", TRANSACT));
    for (PeerFixture.Received req : peer.received().subList(1, 4)) {
      assertEquals(
          Edn.read(
              "[[:db/add \"x\" :a/b 1]"
                  + " {:db/id \"datomic.tx\" :vertomic.tx/idempotency-key \"order-42\"}]"),
          Edn.read((String) req.field("tx-data")));
    }
  }

  @Test
  void anIdempotencyKeyIsAddedToJavaTxDataToo() {
    peer.on("POST", TRANSACT, (req, resp, n) -> transacted(resp));
    Connection conn = client.connect("people").await();

    conn.transact(List.of(Map.of(Keyword.of("db/id"), "x", Keyword.of("a/b"), 1L)), "k-1").await();

    assertEquals(
        Edn.read(
            "[{:db/id \"x\" :a/b 1} {:db/id \"datomic.tx\" :vertomic.tx/idempotency-key \"k-1\"}]"),
        Edn.read((String) peer.received().get(1).field("tx-data")));
  }

  @Test
  void idempotentTxDataMustBeAList() {
    Connection conn = client.connect("people").await();

    Anomaly a =
        assertThrows(Anomaly.class, () -> conn.transact("{:db/id \"x\" :a/b 1}", "k-2").await());

    assertEquals(Category.INCORRECT, a.category());
    assertTrue(a.getMessage().contains("must be a list"), a.getMessage());
    assertEquals(0, peer.attempts("POST", TRANSACT));
  }
}
