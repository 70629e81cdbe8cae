package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ExtensionValue;
import org.msgpack.value.Value;

class ReadRoutesTest {
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

  private JsonObject post(String route, JsonObject body) {
    return Server.ok(server.post("/api/databases/" + db + "/" + route, body)).bodyAsJsonObject();
  }

  @Test
  void pullByLookupRefFollowsRefs() {
    JsonObject ivan =
        post(
            "pull",
            new JsonObject()
                .put("selector", "[:person/name {:person/friend [:person/age]}]")
                .put("eid", "[:person/name \"Ivan\"]"));
    assertEquals("Ivan", ivan.getString(":person/name"));
    assertEquals(
        37, ivan.getJsonArray(":person/friend").getJsonObject(0).getInteger(":person/age"));
  }

  @Test
  void pullWithoutSelectorNamesTheField() {
    var r = server.post("/api/databases/" + db + "/pull", new JsonObject().put("eid", "1"));
    assertEquals(400, r.statusCode());
    assertEquals("Missing field \"selector\"", r.bodyAsJsonObject().getString("message"));
  }

  @Test
  void pullOfALookupRefThatNamesNoEntityIsNotFound() {
    var r =
        server.post(
            "/api/databases/" + db + "/pull",
            new JsonObject().put("selector", "[*]").put("eid", "[:person/name \"Nobody\"]"));
    assertEquals(404, r.statusCode(), r.bodyAsString());
    assertEquals(
        "No entity for lookup ref [:person/name \"Nobody\"]",
        r.bodyAsJsonObject().getString("message"));
  }

  @Test
  void datomsOfAnIndexByLeadingComponents() {
    JsonArray datoms =
        post("datoms", new JsonObject().put("index", "aevt").put("components", "[:person/age]"))
            .getJsonArray("datoms");
    assertEquals(3, datoms.size());
    for (Object d : datoms) {
      assertTrue(((JsonArray) d).getBoolean(4));
    }
    JsonArray limited =
        post(
                "datoms",
                new JsonObject()
                    .put("index", ":avet")
                    .put("components", "[:person/age]")
                    .put("offset", 1)
                    .put("limit", 1))
            .getJsonArray("datoms");
    assertEquals(1, limited.size());
    assertEquals(37, limited.getJsonArray(0).getInteger(2)); // ages in order: 21, 37, 42
  }

  @Test
  void unknownIndexIsIncorrect() {
    var r =
        server.post(
            "/api/databases/" + db + "/datoms",
            new JsonObject().put("index", "xyz").put("components", "[]"));
    assertEquals(400, r.statusCode(), r.bodyAsString());
  }

  @Test
  void indexRangeOfAnIndexedAttribute() {
    JsonArray datoms =
        post(
                "index-range",
                new JsonObject().put("attrid", ":person/age").put("start", "30").put("end", "40"))
            .getJsonArray("datoms");
    assertEquals(1, datoms.size());
    assertEquals(37, datoms.getJsonArray(0).getInteger(2));
  }

  @Test
  void txRangeGivesTheLogInTOrder() {
    JsonArray txs = post("tx-range", new JsonObject()).getJsonArray("txs");
    assertTrue(txs.size() >= 2, txs.encode());
    long last = txs.getJsonObject(txs.size() - 1).getLong("t");
    JsonArray one = post("tx-range", new JsonObject().put("start", last)).getJsonArray("txs");
    assertEquals(1, one.size());
    assertEquals(last, one.getJsonObject(0).getLong("t"));
    assertTrue(one.getJsonObject(0).getJsonArray("data").size() > 0);
    var streamed =
        server.post(
            "/api/databases/" + db + "/tx-range",
            new JsonObject().put("chunk", 1),
            MultiMap.caseInsensitiveMultiMap().add("Accept", "application/x-ndjson"));
    assertEquals(txs.size(), streamed.bodyAsString().split("\n").length);
  }

  @Test
  void msgpackAnswerKeepsValueTypes() throws Exception {
    var r =
        server.post(
            "/api/databases/" + db + "/query",
            new JsonObject()
                .put(
                    "query",
                    "[:find ?v ?i :where [?a :db/ident :person/name] [?a :db/valueType ?v] [?v :db/ident ?i]]"),
            MultiMap.caseInsensitiveMultiMap().add("Accept", "application/msgpack"));
    assertEquals("application/msgpack", r.getHeader("Content-Type"));
    try (MessageUnpacker u = MessagePack.newDefaultUnpacker(r.body().getBytes())) {
      Value v = u.unpackValue();
      Value result = v.asMapValue().map().get(org.msgpack.value.ValueFactory.newString("result"));
      ExtensionValue ident = result.asArrayValue().get(0).asArrayValue().get(1).asExtensionValue();
      assertEquals(1, ident.getType());
      assertArrayEquals("db.type/string".getBytes(), ident.getData());
    }
  }
}
