package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccessAndCapacityTest {
  static final HeldFunction held = new HeldFunction("test.capacity/hold");
  static Server server;
  static String db;

  @BeforeAll
  static void start() {
    server =
        new Server(
            new JsonObject()
                .put("maxConcurrentQueries", 1)
                .put("maxQueuedQueries", 0)
                .put("maxBodyBytes", 4096)
                .put("accessKey", "app")
                .put("secret", "s3cret"));
    db = Server.freshName();
    var h = server.http.post("/api/databases").basicAuthentication("app", "s3cret");
    Server.ok(Server.await(h.sendJsonObject(new JsonObject().put("name", db))));
  }

  @AfterAll
  static void stop() {
    held.release.countDown();
    server.close();
  }

  private static HttpResponse<Buffer> get(String path, String key, String secret) {
    var r = server.http.get(path);
    if (key != null) {
      r.basicAuthentication(key, secret);
    }
    return Server.await(r.send());
  }

  @Test
  void missingCredentialsAre401WithAChallenge() {
    var r = get("/api/databases", null, null);
    assertEquals(401, r.statusCode());
    assertEquals("Basic realm=\"vertomic\"", r.getHeader("WWW-Authenticate"));
    assertEquals("forbidden", r.bodyAsJsonObject().getString("anomaly"));
  }

  @Test
  void wrongCredentialsAre401OnEveryApiRoute() {
    for (String path : new String[] {"/api/databases", "/api/databases/" + db, "/api/nothing"}) {
      var r = get(path, "app", "wrong");
      assertEquals(401, r.statusCode(), path);
      assertEquals("Wrong access key or secret", r.bodyAsJsonObject().getString("message"));
    }
    var post =
        Server.await(
            server
                .http
                .post("/api/databases/" + db + "/transact")
                .basicAuthentication("dev", "dev")
                .sendJsonObject(new JsonObject().put("tx-data", "[]")));
    assertEquals(401, post.statusCode());
  }

  @Test
  void rightCredentialsPass() {
    assertEquals(200, get("/api/databases", "app", "s3cret").statusCode());
  }

  @Test
  void oversizeBodyIs413() {
    String big = "[" + "{:db/doc \"x\"}".repeat(1000) + "]";
    var r =
        Server.await(
            server
                .http
                .post("/api/databases/" + db + "/transact")
                .basicAuthentication("app", "s3cret")
                .sendJsonObject(new JsonObject().put("tx-data", big)));
    assertEquals(413, r.statusCode());
    assertEquals("incorrect", r.bodyAsJsonObject().getString("anomaly"));
    assertTrue(r.bodyAsJsonObject().getString("message").contains("4096 bytes"));
  }

  @Test
  void unknownRouteIs404AndWrongMethodIs405() {
    var r = get("/api/databases/" + db + "/nothing", "app", "s3cret");
    assertEquals(404, r.statusCode());
    assertEquals("not-found", r.bodyAsJsonObject().getString("anomaly"));
    var m =
        Server.await(
            server
                .http
                .request(HttpMethod.PUT, "/api/databases")
                .basicAuthentication("app", "s3cret")
                .send());
    assertEquals(405, m.statusCode());
  }

  @Test
  void readsPastCapacityAreBusyAtOnce() throws Exception {
    JsonObject holding =
        new JsonObject()
            .put("query", "[:find ?x . :where [(ground 1) ?x] [(test.capacity/hold ?x)]]");
    Future<HttpResponse<Buffer>> first =
        server
            .http
            .post("/api/databases/" + db + "/query")
            .basicAuthentication("app", "s3cret")
            .sendJsonObject(holding);
    assertTrue(held.entered.await(30, TimeUnit.SECONDS));
    var second =
        Server.await(
            server
                .http
                .post("/api/databases/" + db + "/query")
                .basicAuthentication("app", "s3cret")
                .sendJsonObject(new JsonObject().put("query", "[:find ?e :where [?e :db/ident]]")));
    assertEquals(429, second.statusCode());
    assertEquals("1", second.getHeader("Retry-After"));
    assertEquals("busy", second.bodyAsJsonObject().getString("anomaly"));
    held.release.countDown();
    assertEquals(200, Server.await(first).statusCode());
    String metrics = Server.await(server.http.get("/metrics").send()).bodyAsString();
    assertTrue(metrics.contains("vertomic_busy_answers_total 1.0"), metrics);
  }

  @Test
  void healthIsUpOnMemWithoutCredentials() {
    var r = Server.await(server.http.get("/health").send());
    assertEquals(200, r.statusCode());
    assertEquals("UP", r.bodyAsJsonObject().getString("status"));
  }
}
