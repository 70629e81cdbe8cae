package io.vertomic.peerserver;

import static io.vertomic.peerserver.Server.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.transactor.ExampleExtensionJar;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer server whose {@code classpath} config key names the example extension jar of
 * docs/extensions.md (built from its source; on no class path) runs its function for its clients.
 */
class ExtensionJarRouteTest {
  @TempDir Path dir;

  @Test
  void withAndTransactRunTheFunctionsOfTheJarsTheClasspathKeyNames() throws Exception {
    Path jar = ExampleExtensionJar.build(dir);
    try (Server server = new Server(new JsonObject().put("classpath", jar.toString()))) {
      String db = Server.freshName();
      ok(server.post("/api/databases", new JsonObject().put("name", db)));
      ok(
          server.transact(
              db,
              "[{:db/ident :account/id :db/valueType :db.type/string :db/cardinality"
                  + " :db.cardinality/one :db/unique :db.unique/identity}"
                  + " {:db/ident :account/balance :db/valueType :db.type/long :db/cardinality"
                  + " :db.cardinality/one :db.attr/preds bank/non-negative?}]"));
      ok(server.transact(db, "[{:account/id \"alice\" :account/balance 100}]"));
      String deposit = "[[bank/deposit [:account/id \"alice\"] 50]]";
      JsonObject with =
          ok(server.post(
                  "/api/databases/" + db + "/with", new JsonObject().put("tx-data", deposit)))
              .bodyAsJsonObject();
      assertTrue(asserts(with, 150L), with.encode());
      assertTrue(asserts(ok(server.transact(db, deposit)).bodyAsJsonObject(), 150L));
      var overdrawn = server.transact(db, "[[bank/deposit [:account/id \"alice\"] -500]]");
      assertEquals(400, overdrawn.statusCode());
      assertTrue(overdrawn.bodyAsString().contains("bank/non-negative?"), overdrawn.bodyAsString());
    }
  }

  private static boolean asserts(JsonObject report, long value) {
    for (Object o : report.getJsonArray("tx-data")) {
      JsonArray d = (JsonArray) o;
      if (Long.valueOf(value).equals(d.getLong(2)) && d.getBoolean(4)) {
        return true;
      }
    }
    return false;
  }
}
