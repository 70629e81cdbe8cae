package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatabaseRoutesTest {
  static Server server;

  @BeforeAll
  static void start() {
    server = new Server();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void createdDatabaseIsListedDescribedAndDeleted() {
    String name = Server.freshName();
    var created = server.post("/api/databases", new JsonObject().put("name", name));
    assertEquals(201, created.statusCode());
    assertEquals(new JsonObject().put("created", true), created.bodyAsJsonObject());
    var again = server.post("/api/databases", new JsonObject().put("name", name));
    assertEquals(200, again.statusCode());
    assertEquals(false, again.bodyAsJsonObject().getBoolean("created"));

    var list = server.get("/api/databases").bodyAsJsonObject();
    assertTrue(list.getJsonArray("databases").contains(name), list.encode());

    var described = server.get("/api/databases/" + name);
    assertEquals(200, described.statusCode());
    JsonObject d = described.bodyAsJsonObject();
    assertEquals(name, d.getString("db-name"));
    assertTrue(d.getLong("basis-t") >= 0);
    assertTrue(d.getLong("datoms") > 0);

    var deleted = server.delete("/api/databases/" + name);
    assertEquals(200, deleted.statusCode());
    assertEquals(new JsonObject().put("deleted", true), deleted.bodyAsJsonObject());
    assertEquals(404, server.get("/api/databases/" + name).statusCode());
    assertEquals(404, server.delete("/api/databases/" + name).statusCode());
  }

  @Test
  void describeWithSyncTAnswersOnceThePeerHasThatT() {
    String name = Server.freshName();
    server.createPeople(name);
    long t =
        Server.ok(server.transact(name, "[{:person/name \"Anna\"}]"))
            .bodyAsJsonObject()
            .getLong("t-after");
    JsonObject d = server.get("/api/databases/" + name + "?sync-t=" + t).bodyAsJsonObject();
    assertEquals(t, d.getLong("basis-t"));
  }

  @Test
  void unknownDatabaseIsNotFoundByName() {
    var r = server.get("/api/databases/no-such-db");
    assertEquals(404, r.statusCode());
    JsonObject a = r.bodyAsJsonObject();
    assertEquals("not-found", a.getString("anomaly"));
    assertEquals("No database named 'no-such-db'", a.getString("message"));
    assertEquals(":db.error/db-not-found", a.getString("code"));
  }

  @Test
  void invalidDatabaseNameIsIncorrect() {
    var r = server.post("/api/databases", new JsonObject().put("name", "a b"));
    assertEquals(400, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getString("message").contains("Invalid database name 'a b'"));
  }

  @Test
  void createWithoutNameSaysWhichFieldIsMissing() {
    var r = server.post("/api/databases", new JsonObject());
    assertEquals(400, r.statusCode());
    assertEquals("Missing field \"name\"", r.bodyAsJsonObject().getString("message"));
  }

  @Test
  void syncTThatIsNotANumberIsIncorrect() {
    String name = Server.freshName();
    server.createPeople(name);
    var r = server.get("/api/databases/" + name + "?sync-t=soon");
    assertEquals(400, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getString("message").contains("sync-t"));
  }
}
