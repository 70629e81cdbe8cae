package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.client.ClientOptions;
import io.vertomic.client.Db;
import io.vertomic.client.QueryOptions;
import io.vertomic.client.VertomicClient;
import io.vertomic.edn.Keyword;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/databases/{db}/index-pull} and the database's stats in {@code GET
 * /api/databases/{db}}.
 */
class IndexPullRouteTest {
  static Server server;
  static String db;

  @BeforeAll
  static void start() {
    server = new Server();
    db = Server.freshName();
    server.createPeople(db);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject body(String index, String selector, String start) {
    return new JsonObject().put("index", index).put("selector", selector).put("start", start);
  }

  private static List<Object> names(JsonArray pulled) {
    List<Object> out = new ArrayList<>();
    pulled.forEach(m -> out.add(((JsonObject) m).getString(":person/name")));
    return out;
  }

  @Test
  void indexPullWalksAvetAndPullsEachEntity() {
    JsonArray pulled =
        Server.ok(
                server.post(
                    "/api/databases/" + db + "/index-pull",
                    body("avet", "[:person/name]", "[:person/age]")))
            .bodyAsJsonObject()
            .getJsonArray("pulled");
    assertEquals(List.of("Oleg", "Petr", "Ivan"), names(pulled));
  }

  @Test
  void indexPullTakesReverseOffsetAndLimit() {
    JsonArray pulled =
        Server.ok(
                server.post(
                    "/api/databases/" + db + "/index-pull",
                    body("avet", "[:person/name]", "[:person/age]")
                        .put("reverse", true)
                        .put("offset", 1)
                        .put("limit", 1)))
            .bodyAsJsonObject()
            .getJsonArray("pulled");
    assertEquals(List.of("Petr"), names(pulled));
  }

  @Test
  void indexPullStreamsNdjsonChunks() {
    var r =
        server.post(
            "/api/databases/" + db + "/index-pull",
            body("aevt", "[:person/name]", "[:person/friend]").put("chunk", 1),
            MultiMap.caseInsensitiveMultiMap().add("Accept", "application/x-ndjson"));
    String[] lines = r.bodyAsString().split("\n");
    assertEquals(1, lines.length, r.bodyAsString());
    assertEquals(
        "Petr",
        new JsonObject(lines[0]).getJsonArray("chunk").getJsonObject(0).getString(":person/name"));
  }

  @Test
  void indexPullOnAnAttributeThatIsNotIndexedIsIncorrectNamingIt() {
    var r =
        server.post(
            "/api/databases/" + db + "/index-pull",
            body("avet", "[:person/name]", "[:person/friend]"));
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertEquals("incorrect", r.bodyAsJsonObject().getString("anomaly"));
    assertTrue(
        r.bodyAsJsonObject().getString("message").contains(":person/friend is not indexed"),
        r.bodyAsString());
  }

  @Test
  void describeGivesNextTAndPerAttributeCounts() {
    JsonObject d = Server.ok(server.get("/api/databases/" + db)).bodyAsJsonObject();
    assertTrue(d.getLong("next-t") > d.getLong("basis-t"), d.encode());
    JsonObject stats = d.getJsonObject("db-stats");
    assertEquals(3L, stats.getJsonObject("attrs").getJsonObject(":person/age").getLong("count"));
    assertTrue(stats.getLong("datoms") >= d.getLong("datoms"), d.encode());
  }

  @Test
  void theSdkPullsAnIndexReadsStatsAndPagesQueriesThroughTheServer() throws Exception {
    VertomicClient client =
        VertomicClient.create(
            server.vertx, new ClientOptions().setEndpoint("http://127.0.0.1:" + server.port));
    try {
      Db sdkDb = EndToEndTest.await(client.connect(db)).db();
      List<Object> pulled = new ArrayList<>();
      sdkDb
          .indexPull(
              Map.of(
                  ":index", ":avet",
                  ":selector", "[:person/name]",
                  ":start", "[:person/age 30]",
                  ":reverse", true))
          .blockingForEach(m -> pulled.add(m.get(Keyword.of("person/name"))));
      assertEquals(List.of("Oleg"), pulled);
      Map<Keyword, Object> stats = EndToEndTest.await(sdkDb.dbStats());
      assertEquals(
          Map.of(Keyword.of("count"), 3L),
          ((Map<?, ?>) stats.get(Keyword.of("attrs"))).get(Keyword.of("person/age")));
      List<List<Object>> page =
          EndToEndTest.await(
              client.q(
                  new QueryOptions().setOffset(1).setLimit(1).setTimeoutMillis(5_000),
                  "[:find ?n :where [_ :person/name ?n]]",
                  sdkDb));
      assertEquals(1, page.size());
    } finally {
      client.close();
    }
  }
}
