package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.client.ClientOptions;
import io.vertomic.client.Db;
import io.vertomic.client.VertomicClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fulltext searches through the peer server (issue 19, item 5): the HTTP query route and the SDK
 * run {@code fulltext} like any other query, the search given as an input, and a bad search is an
 * {@code incorrect} anomaly naming the problem that leaves the database as it was. The scores are
 * those Datomic's in-memory peer gave for the same values ({@code FulltextQueryTest} in core).
 */
class FulltextQueryRouteTest {
  private static final String A = "The quick brown fox jumps over the lazy dog";
  private static final String B = "A quick brown dog";
  private static final String C = "Foxes are quick and clever; the fox is quick";
  private static final String SEARCH =
      "[:find ?v ?score :in $ ?search"
          + " :where [(fulltext $ :doc/text ?search) [[?e ?v _ ?score]]]]";

  private static final String BAD_SEARCH = ":query.error/invalid-fulltext-search";

  static Server server;
  static String db;

  @BeforeAll
  static void start() {
    server = new Server();
    db = Server.freshName();
    Server.ok(server.post("/api/databases", new JsonObject().put("name", db)));
    Server.ok(
        server.transact(
            db,
            "[{:db/ident :doc/text :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one :db/fulltext true}]"));
    Server.ok(
        server.transact(
            db, "[{:doc/text \"" + A + "\"} {:doc/text \"" + B + "\"} {:doc/text \"" + C + "\"}]"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject search(String argsEdn) {
    return new JsonObject().put("query", SEARCH).put("args", argsEdn);
  }

  /** The rows [value score], best first. */
  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing(r -> -((Number) r.get(1)).doubleValue()));
    return out;
  }

  private static void assertFoxHits(List<List<Object>> rows) {
    List<List<Object>> hits = sorted(rows);
    assertEquals(2, hits.size(), hits::toString);
    assertEquals(C, hits.get(0).get(0));
    assertEquals(1.0, ((Number) hits.get(0).get(1)).doubleValue(), 1e-6);
    assertEquals(A, hits.get(1).get(0));
    assertEquals(0.8571428117991948, ((Number) hits.get(1).get(1)).doubleValue(), 1e-6);
  }

  @Test
  void theQueryRouteRunsAFulltextSearchGivenAsAnInputAndAnswersTheRowsWithTheirScores() {
    JsonArray result =
        Server.ok(server.query(db, search("[\"fox\"]"))).bodyAsJsonObject().getJsonArray("result");
    List<List<Object>> rows = new ArrayList<>();
    result.forEach(r -> rows.add(((JsonArray) r).getList()));
    assertFoxHits(rows);
  }

  @Test
  void theSdkRunsAFulltextSearchAndGetsTheRowsWithTheirScores() throws Exception {
    VertomicClient client = client();
    try {
      Db sdkDb = EndToEndTest.await(client.connect(db)).db();
      assertFoxHits(EndToEndTest.await(client.q(SEARCH, sdkDb, "fox")));
      List<List<Object>> phrase = EndToEndTest.await(client.q(SEARCH, sdkDb, "\"quick brown\""));
      assertEquals(
          List.of(B, A),
          phrase.stream().map(r -> (String) r.get(0)).sorted().toList(),
          "" + phrase);
    } finally {
      client.close();
    }
  }

  @Test
  void aMalformedSearchIsIncorrectNamingTheSearchAndChangesNothing() {
    assertIncorrect("[\"(quick\"]", BAD_SEARCH, "cannot parse the search \"(quick\"");
    assertIncorrect("[\"\\\"unclosed\"]", BAD_SEARCH, "cannot parse the search \"\\\"unclosed\"");
  }

  @Test
  void anEmptySearchIsIncorrectAndChangesNothing() {
    assertIncorrect("[\"\"]", BAD_SEARCH, "cannot parse the search \"\"");
  }

  @Test
  void aSearchThatIsNotAStringIsIncorrectNamingTheArgumentAndChangesNothing() {
    assertIncorrect(
        "[42]",
        ":query.error/invalid-call",
        "fulltext takes a search string as its third argument, not 42");
  }

  @Test
  void theSdkGetsTheSameIncorrectAnomalyForEachBadSearch() throws Exception {
    VertomicClient client = client();
    try {
      Db sdkDb = EndToEndTest.await(client.connect(db)).db();
      for (Object bad : List.of("(quick", "", 42L)) {
        Anomaly a =
            assertThrows(Anomaly.class, () -> EndToEndTest.await(client.q(SEARCH, sdkDb, bad)));
        assertEquals(Category.INCORRECT, a.category(), a.getMessage());
        assertTrue(
            a.getMessage().contains(bad instanceof String ? "cannot parse the search" : "not 42"),
            a.getMessage());
      }
    } finally {
      client.close();
    }
  }

  private static VertomicClient client() {
    return VertomicClient.create(
        server.vertx, new ClientOptions().setEndpoint("http://127.0.0.1:" + server.port));
  }

  // a 400 incorrect anomaly of `code` whose message contains `expected`; the database unchanged
  private static void assertIncorrect(String argsEdn, String code, String expected) {
    JsonObject before = Server.ok(server.get("/api/databases/" + db)).bodyAsJsonObject();
    var r = server.query(db, search(argsEdn));
    assertEquals(400, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals("incorrect", body.getString("anomaly"), r.bodyAsString());
    assertEquals(code, body.getString("code"), r.bodyAsString());
    assertTrue(body.getString("message").contains(expected), r.bodyAsString());
    JsonObject after = Server.ok(server.get("/api/databases/" + db)).bodyAsJsonObject();
    assertEquals(before.getLong("basis-t"), after.getLong("basis-t"));
    assertEquals(before.getLong("datoms"), after.getLong("datoms"));
    JsonArray still =
        Server.ok(server.query(db, search("[\"fox\"]"))).bodyAsJsonObject().getJsonArray("result");
    assertEquals(2, still.size(), still.encode());
  }
}
