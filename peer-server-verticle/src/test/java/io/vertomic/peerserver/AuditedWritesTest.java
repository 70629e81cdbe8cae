package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every transaction through the peer server carries its access key's id on its transaction entity,
 * {@code :vertomic.tx/access-key}; no client can set that attribute itself.
 */
class AuditedWritesTest {
  static final KeysFile keys = new KeysFile();
  static Server server;
  static String db;

  @BeforeAll
  static void start() {
    keys.key("dev", "dev", "admin", null).key("alice", "write").key("bob", "write").write();
    server = new Server(new JsonObject().put("accessKeysFile", keys.path.toString()));
    db = Server.freshName();
    server.createPeople(db);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<Buffer> post(String key, String route, JsonObject body) {
    return Server.await(
        server
            .http
            .post("/api/databases/" + db + "/" + route)
            .basicAuthentication(key, KeysFile.secretOf(key))
            .sendJsonObject(body));
  }

  private static long txOf(HttpResponse<Buffer> report) {
    return report.bodyAsJsonObject().getJsonArray("tx-data").getJsonArray(0).getLong(3);
  }

  /** Who the log says wrote transaction {@code tx}, by a query on the transaction entity. */
  private static Object writerOf(long tx) {
    var r =
        Server.ok(
            server.query(
                db,
                new JsonObject()
                    .put("query", "[:find ?k . :in $ ?tx :where [?tx :vertomic.tx/access-key ?k]]")
                    .put("args", "[" + tx + "]")));
    return r.bodyAsJsonObject().getValue("result");
  }

  @Test
  void eachTransactionNamesTheKeyItCameWith() {
    long a = txOf(Server.ok(post("alice", "transact", tx("Anna"))));
    long b = txOf(Server.ok(post("bob", "transact", tx("Boris"))));
    assertEquals("alice", writerOf(a));
    assertEquals("bob", writerOf(b));
  }

  @Test
  void everyTransactionOfTheLogThroughTheServerIsAudited() {
    Server.ok(post("alice", "transact", tx("Clara")));
    var txs =
        Server.ok(server.post("/api/databases/" + db + "/tx-range", new JsonObject()))
            .bodyAsJsonObject()
            .getJsonArray("txs");
    assertTrue(txs.size() >= 3, txs.encode());
    var audited =
        Server.ok(
                server.query(
                    db,
                    new JsonObject()
                        .put("query", "[:find ?tx ?k :where [?tx :vertomic.tx/access-key ?k]]")))
            .bodyAsJsonObject()
            .getJsonArray("result");
    // the schema and people of createPeople came as dev, the rest as alice or bob
    assertEquals(txs.size(), audited.size(), audited.encode());
  }

  @Test
  void withShowsTheAuditDatomAsTransactWouldWriteIt() {
    var r = Server.ok(post("bob", "with", tx("Dmitri")));
    boolean sawAudit = false;
    for (Object o : r.bodyAsJsonObject().getJsonArray("tx-data")) {
      JsonArray d = (JsonArray) o;
      sawAudit |= "bob".equals(d.getValue(2)) && d.getLong(0).equals(d.getLong(3));
    }
    assertTrue(sawAudit, r.bodyAsString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[[:db/add \"datomic.tx\" :vertomic.tx/access-key \"bob\"]]",
        "[{:db/id \"datomic.tx\" :vertomic.tx/access-key \"bob\"}]",
        "[{:person/name \"Eve\" :person/friend {:person/name \"Fay\" :vertomic.tx/access-key \"x\"}}]",
        "[[:db/add \"datomic.tx\" 74 \"bob\"]]",
        "[[:db/cas \"datomic.tx\" :vertomic.tx/access-key nil \"bob\"]]"
      })
  void aClientNamingTheAuditAttributeIsForbiddenAndNothingIsWritten(String txData) {
    long before = basisT();
    for (String route : List.of("transact", "with")) {
      var r = post("alice", route, new JsonObject().put("tx-data", txData));
      assertEquals(403, r.statusCode(), r.bodyAsString());
      assertEquals("forbidden", r.bodyAsJsonObject().getString("anomaly"));
      assertTrue(
          r.bodyAsJsonObject()
              .getString("message")
              .contains("may not name :vertomic.tx/access-key"),
          r.bodyAsString());
    }
    assertEquals(before, basisT());
  }

  private static long basisT() {
    return server.get("/api/databases/" + db).bodyAsJsonObject().getLong("basis-t");
  }

  private static JsonObject tx(String name) {
    return new JsonObject().put("tx-data", "[{:person/name \"" + name + "\" :person/age 30}]");
  }
}
