package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransactRouteTest {
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

  private long basisT() {
    return server.get("/api/databases/" + db).bodyAsJsonObject().getLong("basis-t");
  }

  @Test
  void transactAnswersTheReportWithStringTempids() {
    long before = basisT();
    var r = server.transact(db, "[{:db/id \"anna\" :person/name \"Anna\" :person/age 30}]");
    assertEquals(200, r.statusCode());
    JsonObject a = r.bodyAsJsonObject();
    assertEquals(before, a.getLong("t-before"));
    assertTrue(a.getLong("t-after") > before);
    long anna = a.getJsonObject("tempids").getLong("anna");
    JsonArray data = a.getJsonArray("tx-data");
    boolean sawName = false;
    for (Object o : data) {
      JsonArray d = (JsonArray) o;
      assertEquals(5, d.size());
      if (d.getLong(0) == anna && "Anna".equals(d.getValue(2))) {
        sawName = d.getBoolean(4);
      }
    }
    assertTrue(sawName, data.encode());
  }

  @Test
  void excisionIsTxDataLikeAnyOtherAndABadOneIsIncorrect() {
    var made = server.transact(db, "[{:db/id \"e\" :person/name \"Erased\" :person/age 41}]");
    long e = made.bodyAsJsonObject().getJsonObject("tempids").getLong("e");
    var r = server.transact(db, "[{:db/id \"x\" :db/excise " + e + "}]");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    var q =
        server.post(
            "/api/databases/" + db + "/query",
            new JsonObject()
                .put("query", "[:find ?e :where [?e :person/name \"Erased\"]]")
                .put("history", true));
    assertEquals(200, q.statusCode(), q.bodyAsString());
    assertEquals(0, q.bodyAsJsonObject().getJsonArray("result").size(), q.bodyAsString());
    long before = basisT();
    var bad = server.transact(db, "[{:db/id \"x\" :db.excise/attrs [:person/age]}]");
    assertEquals(400, bad.statusCode());
    assertEquals("incorrect", bad.bodyAsJsonObject().getString("anomaly"));
    assertTrue(bad.bodyAsJsonObject().getString("message").contains("names nothing"));
    assertEquals(before, basisT());
  }

  @Test
  void badEdnIsIncorrectAndNamesTheFieldAndChangesNothing() {
    long before = basisT();
    var r = server.transact(db, "[{:person/name \"x\"");
    assertEquals(400, r.statusCode());
    JsonObject a = r.bodyAsJsonObject();
    assertEquals("incorrect", a.getString("anomaly"));
    assertTrue(a.getString("message").startsWith("Field \"tx-data\": "), a.encode());
    assertEquals(before, basisT());
  }

  @Test
  void badJsonIsIncorrect() {
    var r =
        Server.await(
            server
                .request(HttpMethod.POST, "/api/databases/" + db + "/transact")
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"tx-data\": ")));
    assertEquals(400, r.statusCode());
    assertTrue(
        r.bodyAsJsonObject().getString("message").startsWith("The request body is not valid JSON"));
  }

  @Test
  void jsonThatIsNotAnObjectIsIncorrect() {
    var r =
        Server.await(
            server
                .request(HttpMethod.POST, "/api/databases/" + db + "/transact")
                .sendBuffer(Buffer.buffer("[1, 2]")));
    assertEquals(400, r.statusCode());
    assertEquals(
        "The request body is not a JSON object", r.bodyAsJsonObject().getString("message"));
  }

  @Test
  void fieldOfTheWrongTypeIsIncorrect() {
    var r = server.post("/api/databases/" + db + "/transact", new JsonObject().put("tx-data", 17));
    assertEquals(400, r.statusCode());
    assertEquals(
        "Field \"tx-data\" must be a string, not 17", r.bodyAsJsonObject().getString("message"));
  }

  @Test
  void unknownAttributeIsIncorrect() {
    long before = basisT();
    var r = server.transact(db, "[[:db/add \"x\" :person/nickname \"Vanya\"]]");
    assertEquals(400, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getString("message").contains(":person/nickname"));
    assertEquals(before, basisT());
  }

  @Test
  void uniqueConflictIsConflict() {
    var r = server.transact(db, "[[:db/add [:person/name \"Petr\"] :person/name \"Ivan\"]]");
    assertEquals(409, r.statusCode(), r.bodyAsString());
    assertEquals("conflict", r.bodyAsJsonObject().getString("anomaly"));
  }

  @Test
  void casMismatchIsConflict() {
    var r = server.transact(db, "[[:db/cas [:person/name \"Petr\"] :person/age 99 100]]");
    assertEquals(409, r.statusCode(), r.bodyAsString());
  }

  @Test
  void transactionToUnknownDatabaseIsNotFound() {
    assertEquals(404, server.transact("nobody-here", "[]").statusCode());
  }

  @Test
  void withAppliesSpeculativelyAndWritesNothing() {
    long before = basisT();
    var r =
        server.post(
            "/api/databases/" + db + "/with",
            new JsonObject().put("tx-data", "[{:db/id \"w\" :person/name \"Wanda\"}]"));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertTrue(r.bodyAsJsonObject().getLong("t-after") > before);
    assertEquals(before, basisT());
    var q =
        server.query(
            db,
            new JsonObject()
                .put("query", "[:find ?e . :where [?e :person/name \"Wanda\"]]")
                .put("with", new JsonArray().add("[{:db/id \"w\" :person/name \"Wanda\"}]")));
    assertTrue(q.bodyAsJsonObject().getLong("result") > 0, q.bodyAsString());
  }
}
