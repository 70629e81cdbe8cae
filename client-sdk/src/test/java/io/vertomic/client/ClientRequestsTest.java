package io.vertomic.client;

import static io.vertomic.client.PeerFixture.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the SDK sends for each call and how it reads the answers of docs/http-api.md. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientRequestsTest {
  private static final String DB = "/api/databases/people";

  private PeerFixture peer;
  private VertomicClient client;
  private final AtomicReference<Object> result = new AtomicReference<>();

  @BeforeEach
  void start(Vertx vertx) {
    peer = PeerFixture.start(vertx);
    peer.on(
        "GET",
        DB,
        (req, resp, n) ->
            answer(resp, 200, Map.of("db-name", "people", "basis-t", 1000L + n, "datoms", 12L)));
    peer.on(
        "POST",
        DB + "/query",
        (req, resp, n) -> {
          Map<String, Object> answer = new LinkedHashMap<>();
          answer.put("basis-t", 1000L);
          answer.put("result", result.get());
          answer(resp, 200, answer);
        });
    client = VertomicClient.create(vertx, peer.options().setAccessKey("app").setSecret("s3cret"));
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
  void everyRequestCarriesBasicAuthAndAsksForMessagePack() {
    peer.on(
        "GET",
        "/api/databases",
        (req, resp, n) -> answer(resp, 200, Map.of("databases", List.of())));

    client.listDatabases().await();

    String expected =
        "Basic "
            + Base64.getEncoder().encodeToString("app:s3cret".getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, last().headers().get("Authorization"));
    assertEquals("application/msgpack", last().headers().get("Accept"));
  }

  @Test
  void databasesAreListedCreatedAndDeleted() {
    peer.on(
        "GET",
        "/api/databases",
        (req, resp, n) -> answer(resp, 200, Map.of("databases", List.of("a", "b"))));
    peer.on(
        "POST",
        "/api/databases",
        (req, resp, n) -> answer(resp, n == 1 ? 201 : 200, Map.of("created", n == 1)));
    peer.on(
        "DELETE",
        "/api/databases/a%20b",
        (req, resp, n) -> answer(resp, 200, Map.of("deleted", true)));

    assertEquals(List.of("a", "b"), client.listDatabases().await());
    assertTrue(client.createDatabase("c").await());
    assertEquals(Map.of("name", "c"), last().body());
    assertEquals("application/msgpack", last().headers().get("Content-Type"));
    assertFalse(client.createDatabase("c").await());
    assertTrue(client.deleteDatabase("a b").await());
  }

  @Test
  void connectKnowsTheBasisAndSyncAdvancesIt() {
    Connection conn = client.connect("people").await();
    assertEquals("people", conn.dbName());
    assertEquals(1001L, conn.db().basisT());

    Db synced = conn.sync(1002).await();

    assertEquals("sync-t=1002", last().query());
    assertEquals(1002L, synced.basisT());
    assertEquals(1002L, conn.db().basisT());
    assertEquals(1003L, conn.withDb().await().basisT());
  }

  @Test
  void transactSendsTheTxDataAndAnswersDatomsTempidsAndBothDatabases() {
    peer.on(
        "POST",
        DB + "/transact",
        (req, resp, n) ->
            answer(
                resp,
                200,
                Map.of(
                    "t-before",
                    1000L,
                    "t-after",
                    1001L,
                    "tx-data",
                    List.of(
                        List.of(13194139534313L, 50L, new Date(0), 13194139534313L, true),
                        List.of(17592186045418L, 72L, "Ivan", 13194139534313L, true)),
                    "tempids",
                    Map.of("ivan", 17592186045418L))));
    Connection conn = client.connect("people").await();

    TxResult r =
        conn.transact(
                List.of(Map.of(Keyword.of("db/id"), "ivan", Keyword.of("person/name"), "Ivan")))
            .await();

    assertEquals("[{:db/id \"ivan\", :person/name \"Ivan\"}]", last().field("tx-data"));
    assertEquals(1000L, r.dbBefore().basisT());
    assertEquals(1001L, r.dbAfter().basisT());
    assertEquals(new Datom(17592186045418L, 72, "Ivan", 13194139534313L, true), r.txData().get(1));
    assertEquals(Map.of("ivan", 17592186045418L), r.tempids());
    assertEquals(1001L, conn.db().basisT());
  }

  @Test
  void qShapesEveryFindSpecAsRows() {
    Db db = client.connect("people").await().db();

    result.set(List.of(List.of(1L, "a"), List.of(2L, "b")));
    assertEquals(
        List.of(List.of(1L, "a"), List.of(2L, "b")),
        client.q("[:find ?e ?n :where [?e :n ?n]]", db).await());

    result.set(List.of("a", "b"));
    assertEquals(
        List.of(List.of("a"), List.of("b")),
        client.q("[:find [?n ...] :where [_ :n ?n]]", db).await());

    result.set(List.of(1L, "a"));
    assertEquals(
        List.of(List.of(1L, "a")), client.q("[:find [?e ?n] :where [?e :n ?n]]", db).await());

    result.set(3L);
    assertEquals(List.of(List.of(3L)), client.q("[:find (count ?e) . :where [?e :n]]", db).await());

    result.set(null);
    assertEquals(List.of(), client.q("[:find ?e . :where [?e :n \"zz\"]]", db).await());

    Map<Object, Object> row = new LinkedHashMap<>();
    row.put(Keyword.of("e"), 1L);
    row.put(Keyword.of("n"), "a");
    result.set(List.of(row));
    assertEquals(
        List.of(List.of(1L, "a")),
        client.q("[:find ?e ?n :keys e n :where [?e :n ?n]]", db).await());
    assertEquals(
        List.of(row), client.query("[:find ?e ?n :keys e n :where [?e :n ?n]]", db).await());

    result.set(List.of(List.of(1L, "a")));
    assertEquals(
        List.of(List.of(1L, "a")),
        client
            .q(
                Map.of(
                    Keyword.of("find"),
                    List.of(sym("?e"), sym("?n")),
                    Keyword.of("where"),
                    List.of()),
                db)
            .await());
  }

  private static Symbol sym(String s) {
    return Symbol.of(s);
  }

  @Test
  void queryArgsAreOneEdnVectorOfJavaValues() {
    Db db = client.connect("people").await().db();
    result.set(List.of());

    client
        .q("[:find ?e :in $ ?n ?k :where [?e :person/name ?n]]", db, "Ivan", Keyword.of("a/b"))
        .await();

    assertEquals("[:find ?e :in $ ?n ?k :where [?e :person/name ?n]]", last().field("query"));
    assertEquals("[\"Ivan\" :a/b]", last().field("args"));
    assertEquals(1001L, last().field("basis-t"));
  }

  @Test
  void everyReadSendsTheViewOfItsDb() {
    Db db = client.connect("people").await().db();
    result.set(List.of());

    client.q("[:find ?e :where [?e :a]]", db.asOf(900).since(800).history()).await();

    Map<?, ?> body = (Map<?, ?>) last().body();
    assertEquals(900L, body.get("as-of"));
    assertEquals(800L, body.get("since"));
    assertEquals(true, body.get("history"));
    assertFalse(body.containsKey("with"));

    client.q("[:find ?e :where [?e :a]]", db).await();
    body = (Map<?, ?>) last().body();
    assertFalse(
        body.containsKey("as-of") || body.containsKey("since") || body.containsKey("history"));
  }

  @Test
  void withDatabasesCarryTheirTxDataIntoLaterReads() {
    peer.on(
        "POST",
        DB + "/with",
        (req, resp, n) ->
            answer(
                resp,
                200,
                Map.of(
                    "t-before",
                    1000L,
                    "t-after",
                    1000L + n,
                    "tx-data",
                    List.of(),
                    "tempids",
                    Map.of("x", 5L))));
    Db db = client.connect("people").await().db();

    TxResult first = db.with("[[:db/add \"x\" :a/b 1]]").await();
    TxResult second = first.dbAfter().with("[[:db/add \"x\" :a/b 2]]").await();

    assertEquals(List.of("[[:db/add \"x\" :a/b 1]]"), last().field("with"));
    assertEquals("[[:db/add \"x\" :a/b 2]]", last().field("tx-data"));
    assertEquals(Map.of("x", 5L), second.tempids());
    result.set(List.of());
    client.q("[:find ?e :where [?e :a/b]]", second.dbAfter()).await();
    assertEquals(
        List.of("[[:db/add \"x\" :a/b 1]]", "[[:db/add \"x\" :a/b 2]]"), last().field("with"));
    assertEquals(1001L, second.dbAfter().basisT());
  }

  @Test
  void pullSendsSelectorAndEidAsEdnAndAnswersTheKeywordMap() {
    Map<Object, Object> pulled =
        Map.of(Keyword.of("db/id"), 17592186045418L, Keyword.of("person/name"), "Ivan");
    peer.on("POST", DB + "/pull", (req, resp, n) -> answer(resp, 200, pulled));
    Db db = client.connect("people").await().db();

    assertEquals(pulled, db.pull("[*]", List.of(Keyword.of("person/email"), "i@x.org")).await());
    assertEquals("[*]", last().field("selector"));
    assertEquals("[:person/email \"i@x.org\"]", last().field("eid"));

    db.pull(List.of(Keyword.of("person/name")), 17592186045418L).await();
    assertEquals("[:person/name]", last().field("selector"));
    assertEquals("17592186045418", last().field("eid"));
  }

  @Test
  void misuseFailsFastNamingTheBadArgument() {
    Db db = client.connect("people").await().db();

    NullPointerException npe = assertThrows(NullPointerException.class, () -> client.q(null, db));
    assertEquals("query", npe.getMessage());
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> db.datoms("spo"));
    assertTrue(bad.getMessage().contains("\"spo\""), bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> client.qChunks(0, "[:find ?e]", db));
    assertNull(db.asOfT());
    assertEquals(Arrays.asList(5L, null), Arrays.asList(db.asOf(5).asOfT(), db.asOf(5).sinceT()));
  }
}
