package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.query.fn.Functions;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryRouteTest {
  static Server server;
  static String db;

  @BeforeAll
  static void start() {
    server = new Server(new JsonObject().put("maxResultRows", 500));
    db = Server.freshName();
    server.createPeople(db);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject q(String query) {
    return new JsonObject().put("query", query);
  }

  private JsonObject ok(JsonObject body) {
    return Server.ok(server.query(db, body)).bodyAsJsonObject();
  }

  @Test
  void relationWithArgsKeepsItsShape() {
    JsonObject a =
        ok(
            q("[:find ?n ?a :in $ ?min :where [?e :person/age ?a] [(>= ?a ?min)] [?e :person/name ?n]]")
                .put("args", "[30]"));
    assertTrue(a.getLong("basis-t") > 0);
    List<String> rows = new ArrayList<>();
    a.getJsonArray("result").forEach(r -> rows.add(((JsonArray) r).encode()));
    rows.sort(null);
    assertEquals(List.of("[\"Ivan\",42]", "[\"Petr\",37]"), rows);
  }

  @Test
  void collectionTupleScalarAndKeysShapes() {
    assertEquals(
        3, ok(q("[:find [?n ...] :where [_ :person/name ?n]]")).getJsonArray("result").size());
    assertEquals(
        new JsonArray().add("Ivan").add(42),
        ok(q(
                "[:find [?n ?a] :where [?e :person/name \"Ivan\"] [?e :person/name ?n] [?e :person/age ?a]]"))
            .getJsonArray("result"));
    assertEquals(
        42L,
        ok(q("[:find ?a . :where [?e :person/name \"Ivan\"] [?e :person/age ?a]]"))
            .getLong("result"));
    assertNull(
        ok(q("[:find ?a . :where [?e :person/name \"Nobody\"] [?e :person/age ?a]]"))
            .getValue("result"));
    JsonObject m =
        ok(q("[:find ?n :keys name :where [?e :person/name ?n] [?e :person/age 21]]"))
            .getJsonArray("result")
            .getJsonObject(0);
    assertEquals("Oleg", m.getString(":name"));
  }

  @Test
  void keywordsAndPullInResultsAreWrittenAsStrings() {
    JsonObject a =
        ok(
            q(
                "[:find (pull ?e [:person/name {:person/friend [:person/name]}]) . :where [?e :person/name \"Ivan\"]]"));
    JsonObject ivan = a.getJsonObject("result");
    assertEquals("Ivan", ivan.getString(":person/name"));
    assertEquals(
        "Petr", ivan.getJsonArray(":person/friend").getJsonObject(0).getString(":person/name"));
    assertEquals(
        ":db.type/string",
        ok(q(
                "[:find ?t . :where [?a :db/ident :person/name] [?a :db/valueType ?v] [?v :db/ident ?t]]"))
            .getString("result"));
  }

  @Test
  void offsetAndLimitPageTheRows() {
    JsonObject all = ok(q("[:find ?n :where [_ :person/name ?n]]"));
    JsonObject page =
        ok(q("[:find ?n :where [_ :person/name ?n]]").put("offset", 1).put("limit", 1));
    assertEquals(1, page.getJsonArray("result").size());
    assertEquals(all.getJsonArray("result").getValue(1), page.getJsonArray("result").getValue(0));
  }

  @Test
  void asOfSinceAndHistoryViews() {
    String name = Server.freshName();
    server.createPeople(name);
    long t1 = server.get("/api/databases/" + name).bodyAsJsonObject().getLong("basis-t");
    Server.ok(server.transact(name, "[[:db/add [:person/name \"Oleg\"] :person/age 22]]"));
    String age = "[:find ?a . :where [?e :person/name \"Oleg\"] [?e :person/age ?a]]";
    assertEquals(22L, Server.ok(server.query(name, q(age))).bodyAsJsonObject().getLong("result"));
    assertEquals(
        21L,
        Server.ok(server.query(name, q(age).put("as-of", t1)))
            .bodyAsJsonObject()
            .getLong("result"));
    assertEquals(
        1,
        Server.ok(server.query(name, q("[:find ?a :where [_ :person/age ?a]]").put("since", t1)))
            .bodyAsJsonObject()
            .getJsonArray("result")
            .size());
    JsonArray history =
        Server.ok(
                server.query(
                    name,
                    q("[:find ?a ?added :where [?e :person/name \"Oleg\"] [?e :person/age ?a _ ?added]]")
                        .put("history", true)))
            .bodyAsJsonObject()
            .getJsonArray("result");
    assertEquals(3, history.size(), history.encode()); // 21 asserted, 21 retracted, 22 asserted
  }

  @Test
  void badQueryIsIncorrect() {
    var r = server.query(db, q("[:find ?x :where [?e :person/name]"));
    assertEquals(400, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getString("message").startsWith("Field \"query\": "));
    var unbound = server.query(db, q("[:find ?x :where [?e :person/name ?n]]"));
    assertEquals(400, unbound.statusCode(), unbound.bodyAsString());
  }

  @Test
  void functionNotAllowedIsForbidden() {
    var r =
        server.query(db, q("[:find ?e :where [?e :person/name ?n] [(java.lang.System/exit 0)]]"));
    assertEquals(403, r.statusCode(), r.bodyAsString());
    assertEquals("forbidden", r.bodyAsJsonObject().getString("anomaly"));
  }

  @Test
  void runawayQueryIsInterruptedAtItsTimeout() {
    String name = Server.freshName();
    server.createPeople(name);
    StringBuilder tx = new StringBuilder("[");
    for (int i = 0; i < 400; i++) {
      tx.append("{:person/name \"p").append(i).append("\" :person/age ").append(i).append("}");
    }
    Server.ok(server.transact(name, tx.append("]").toString()));
    var r =
        server.query(
            name,
            q("[:find (count ?a) :where [_ :person/age ?a] [_ :person/age ?b] [_ :person/age ?c]"
                    + " [(< ?a ?b)] [(< ?b ?c)]]")
                .put("timeout-ms", 50));
    assertEquals(504, r.statusCode(), r.bodyAsString());
    assertEquals("interrupted", r.bodyAsJsonObject().getString("anomaly"));
  }

  @Test
  void resultOverTheRowLimitMustBePagedOrStreamed() {
    String name = Server.freshName();
    server.createPeople(name);
    StringBuilder tx = new StringBuilder("[");
    for (int i = 0; i < 600; i++) {
      tx.append("{:person/name \"q").append(i).append("\"}");
    }
    Server.ok(server.transact(name, tx.append("]").toString()));
    var r = server.query(name, q("[:find ?n :where [_ :person/name ?n]]"));
    assertEquals(400, r.statusCode());
    assertTrue(
        r.bodyAsJsonObject().getString("message").contains("more than 500"), r.bodyAsString());
    assertEquals(
        200,
        server
            .query(name, q("[:find ?n :where [_ :person/name ?n]]").put("limit", 500))
            .statusCode());
  }

  @Test
  void ndjsonStreamsOneLinePerChunk() {
    var r =
        server.post(
            "/api/databases/" + db + "/query",
            q("[:find ?n :where [_ :person/name ?n]]").put("chunk", 2),
            MultiMap.caseInsensitiveMultiMap().add("Accept", "application/x-ndjson"));
    assertEquals(200, r.statusCode());
    assertEquals("application/x-ndjson", r.getHeader("Content-Type"));
    String[] lines = r.bodyAsString().split("\n");
    assertEquals(2, lines.length, r.bodyAsString());
    assertEquals(2, new JsonObject(lines[0]).getJsonArray("chunk").size());
    assertEquals(1, new JsonObject(lines[1]).getJsonArray("chunk").size());
  }

  @Test
  void faultIsLoggedAndAnsweredWithoutItsDetails() {
    Functions.register(
        "test.fail/boom",
        args -> {
          throw new IllegalStateException("secret detail");
        });
    var r = server.query(db, q("[:find ?e :where [?e :person/name ?n] [(test.fail/boom ?n)]]"));
    assertEquals(500, r.statusCode(), r.bodyAsString());
    assertEquals("fault", r.bodyAsJsonObject().getString("anomaly"));
    assertTrue(!r.bodyAsString().contains("secret detail"), r.bodyAsString());
  }
}
