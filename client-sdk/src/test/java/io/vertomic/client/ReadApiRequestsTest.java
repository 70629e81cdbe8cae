package io.vertomic.client;

import static io.vertomic.client.PeerFixture.answer;
import static io.vertomic.client.PeerFixture.chunk;
import static io.vertomic.client.PeerFixture.startStream;
import static io.vertomic.client.PeerFixture.writeItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertomic.edn.Keyword;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the SDK sends for {@code indexPull}, {@code dbStats} and {@code q} with options. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReadApiRequestsTest {
  private static final String DB = "/api/databases/people";

  private PeerFixture peer;
  private VertomicClient client;

  @BeforeEach
  void start(Vertx vertx) {
    peer = PeerFixture.start(vertx);
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("db-name", "people");
    described.put("basis-t", 1000L);
    described.put("datoms", 12L);
    described.put("next-t", 1001L);
    described.put(
        "db-stats", Map.of("datoms", 20L, "attrs", Map.of(":person/name", Map.of("count", 3L))));
    peer.on("GET", DB, (req, resp, n) -> answer(resp, 200, described));
    client = VertomicClient.create(vertx, peer.options());
  }

  @AfterEach
  void stop() {
    client.close();
    peer.close();
  }

  private PeerFixture.Received last() {
    List<PeerFixture.Received> all = peer.received();
    return all.get(all.size() - 1);
  }

  @Test
  void indexPullSendsItsArgumentsAndStreamsThePulledMaps() {
    Map<Object, Object> ivan = Map.of(Keyword.of("person/name"), "Ivan");
    Map<Object, Object> oleg = Map.of(Keyword.of("person/name"), "Oleg");
    peer.on(
        "POST",
        DB + "/index-pull",
        (req, resp, n) -> {
          startStream(resp);
          writeItem(resp, chunk(List.of(ivan)));
          writeItem(resp, chunk(List.of(oleg)));
          resp.end();
        });
    Db db = client.connect("people").await().db();
    RecordingSubscriber<Map<Object, Object>> sub = new RecordingSubscriber<>(Long.MAX_VALUE);

    db.indexPull(
            Map.of(
                Keyword.of("index"),
                Keyword.of("avet"),
                Keyword.of("selector"),
                "[:person/name]",
                Keyword.of("start"),
                List.of(Keyword.of("person/age"), 30L),
                Keyword.of("reverse"),
                true,
                Keyword.of("offset"),
                2,
                Keyword.of("limit"),
                5L))
        .subscribe(sub);

    assertEquals(List.of(ivan, oleg), sub.completion().await());
    assertEquals("avet", last().field("index"));
    assertEquals("[:person/name]", last().field("selector"));
    assertEquals("[:person/age 30]", last().field("start"));
    assertEquals(true, last().field("reverse"));
    assertEquals(2L, last().field("offset"));
    assertEquals(5L, last().field("limit"));
    assertEquals(1000L, last().field("basis-t"));
  }

  @Test
  void indexPullWithoutAStartFailsFastNamingIt() {
    Db db = client.connect("people").await().db();
    NullPointerException x =
        assertThrows(
            NullPointerException.class,
            () -> db.indexPull(Map.of(":index", ":avet", ":selector", "[*]")));
    assertEquals(":start", x.getMessage());
  }

  @Test
  void dbStatsAnswersDatomicsShapeAtTheDbsBasis() {
    Db db = client.connect("people").await().db();

    Map<Keyword, Object> stats = db.dbStats().await();

    assertEquals(20L, stats.get(Keyword.of("datoms")));
    assertEquals(
        Map.of(Keyword.of("person/name"), Map.of(Keyword.of("count"), 3L)),
        stats.get(Keyword.of("attrs")));
    assertEquals("sync-t=1000", last().query());
  }

  @Test
  void qWithOptionsSendsOffsetLimitAndTimeout() {
    peer.on(
        "POST",
        DB + "/query",
        (req, resp, n) ->
            answer(resp, 200, Map.of("basis-t", 1000L, "result", List.of(List.of("Ivan")))));
    Db db = client.connect("people").await().db();

    List<List<Object>> rows =
        client
            .q(
                new QueryOptions().setOffset(10).setLimit(1).setTimeoutMillis(2_000),
                "[:find ?n :where [_ :person/name ?n]]",
                db)
            .await();

    assertEquals(List.of(List.of("Ivan")), rows);
    assertEquals(10L, last().field("offset"));
    assertEquals(1L, last().field("limit"));
    assertEquals(2_000L, last().field("timeout-ms"));

    client.q(new QueryOptions(), "[:find ?n :where [_ :person/name ?n]]", db).await();
    Map<?, ?> body = (Map<?, ?>) last().body();
    assertFalse(body.containsKey("offset") || body.containsKey("limit"));
    assertFalse(body.containsKey("timeout-ms"));
  }

  @Test
  void queryOptionsRefuseNegativeValues() {
    assertThrows(IllegalArgumentException.class, () -> new QueryOptions().setOffset(-1));
    assertThrows(IllegalArgumentException.class, () -> new QueryOptions().setLimit(-2));
    assertThrows(IllegalArgumentException.class, () -> new QueryOptions().setTimeoutMillis(-1));
  }
}
