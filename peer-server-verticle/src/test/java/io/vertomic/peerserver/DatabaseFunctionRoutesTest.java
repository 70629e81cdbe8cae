package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.peer.Peer;
import io.vertomic.peer.PeerOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Database functions over HTTP, on databases the peer server writes itself ({@code mem}): the
 * {@code #db/fn} literal in tx data, the function as its EDN text in a pulled map, and calls only
 * when the server's {@code databaseFunctions} config turns them on.
 */
class DatabaseFunctionRoutesTest {
  private static final String FN =
      "[{:db/ident :person/birthday :db/fn #db/fn {:lang \"java\" :params [db e]"
          + " :code \"Object age = ((io.vertomic.peer.Database) db).entity(e).get(\\\":person/age\\\");"
          + " return java.util.List.of(java.util.List.of(\\\":db/add\\\", e, \\\":person/age\\\","
          + " (Long) age + 1));\"}}]";

  @AfterEach
  void defaults() {
    Peer.configure(new PeerOptions());
  }

  @Test
  void aServerWithDatabaseFunctionsOnRunsACallAndShowsTheFunctionAsEdn() {
    try (Server server = new Server(new JsonObject().put("databaseFunctions", true))) {
      String db = Server.freshName();
      server.createPeople(db);
      Server.ok(server.transact(db, FN));
      Server.ok(server.transact(db, "[[:person/birthday [:person/name \"Oleg\"]]]"));
      JsonObject oleg =
          Server.ok(
                  server.post(
                      "/api/databases/" + db + "/pull",
                      new JsonObject()
                          .put("selector", "[:person/age]")
                          .put("eid", "[:person/name \"Oleg\"]")))
              .bodyAsJsonObject();
      assertEquals(22L, oleg.getLong(":person/age"));
      JsonObject fn =
          Server.ok(
                  server.post(
                      "/api/databases/" + db + "/pull",
                      new JsonObject().put("selector", "[:db/fn]").put("eid", ":person/birthday")))
              .bodyAsJsonObject();
      assertTrue(
          fn.getString(":db/fn").startsWith("#db/fn{:lang :java, :imports [], :requires [],"),
          fn.encode());
    }
  }

  @Test
  void aServerWithTheDefaultConfigAnswersACallForbiddenAndAppliesNothing() {
    try (Server server = new Server()) {
      String db = Server.freshName();
      server.createPeople(db);
      Server.ok(server.transact(db, FN));
      var r = server.transact(db, "[[:person/birthday [:person/name \"Oleg\"]]]");
      assertEquals(403, r.statusCode(), r.bodyAsString());
      JsonObject a = r.bodyAsJsonObject();
      assertEquals("forbidden", a.getString("anomaly"));
      assertTrue(a.getString("message").contains(":person/birthday"), a.encode());
    }
  }
}
