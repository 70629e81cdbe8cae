package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code /api} route for every role (a key named after its role), then keys restricted to
 * some databases: allowed routes answer as usual, the others 403 {@code forbidden} naming the
 * right.
 */
class RouteRightsTest {
  static final KeysFile keys = new KeysFile();
  static Server server;
  static String db;
  static String orders;
  static String other;

  /** Each route's answer for a key of role read, write, admin (403: refused), and its right. */
  static final Object[][] TABLE = {
    // route         read write admin  right needed
    {"list", 200, 200, 200, "read"},
    {"create", 403, 403, 201, "admin"},
    {"describe", 200, 200, 200, "read"},
    {"delete", 403, 403, 200, "admin"},
    {"transact", 403, 200, 200, "write"},
    {"with", 403, 200, 200, "write"},
    {"query", 200, 200, 200, "read"},
    {"pull", 200, 200, 200, "read"},
    {"datoms", 200, 200, 200, "read"},
    {"index-range", 200, 200, 200, "read"},
    {"tx-range", 200, 200, 200, "read"},
    {"index-pull", 200, 200, 200, "read"},
  };

  static Stream<Arguments> table() {
    String[] roles = {"read", "write", "admin"};
    List<Arguments> out = new ArrayList<>();
    for (Object[] row : TABLE) {
      for (int i = 0; i < roles.length; i++) {
        out.add(Arguments.of(row[0], roles[i], row[i + 1], row[4]));
      }
    }
    return out.stream();
  }

  /** The routes that name a database, and their right. */
  static Stream<Arguments> routesOnADatabase() {
    return Stream.of(TABLE)
        .filter(row -> !row[0].equals("list"))
        .map(r -> Arguments.of(r[0], r[4]));
  }

  @BeforeAll
  static void start() {
    db = Server.freshName();
    orders = Server.freshName();
    other = Server.freshName();
    keys.key("dev", "dev", "admin", null)
        .key("read", "read")
        .key("write", "write")
        .key("admin", "admin")
        .key("orders-writer", "write", List.of(orders))
        .key("orders-admin", "admin", List.of(orders, "orders-2"))
        .write();
    server = new Server(new JsonObject().put("accessKeysFile", keys.path.toString()));
    server.createPeople(db);
    server.createPeople(orders);
    server.createPeople(other);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Route {@code route} on database {@code name}, as key {@code key}. */
  static HttpResponse<Buffer> call(String route, String name, String key) {
    String base = "/api/databases/" + name;
    String fresh = "Person " + UUID.randomUUID();
    String tx = "[{:person/name \"" + fresh + "\" :person/age 1}]";
    return switch (route) {
      case "list" -> send(key, HttpMethod.GET, "/api/databases", null);
      case "create" -> send(key, HttpMethod.POST, "/api/databases", body("name", name));
      case "describe" -> send(key, HttpMethod.GET, base, null);
      case "delete" -> send(key, HttpMethod.DELETE, base, null);
      case "transact" -> send(key, HttpMethod.POST, base + "/transact", body("tx-data", tx));
      case "with" -> send(key, HttpMethod.POST, base + "/with", body("tx-data", tx));
      case "query" ->
          send(
              key,
              HttpMethod.POST,
              base + "/query",
              body("query", "[:find ?n :where [_ :person/name ?n]]"));
      case "pull" ->
          send(
              key,
              HttpMethod.POST,
              base + "/pull",
              body("selector", "[*]").put("eid", "[:person/name \"Ivan\"]"));
      case "datoms" ->
          send(
              key,
              HttpMethod.POST,
              base + "/datoms",
              body("index", "aevt").put("components", "[:person/name]"));
      case "index-range" ->
          send(
              key,
              HttpMethod.POST,
              base + "/index-range",
              body("attrid", ":person/age").put("start", "30").put("end", "40"));
      case "tx-range" ->
          send(key, HttpMethod.POST, base + "/tx-range", new JsonObject().put("start", 1000));
      case "index-pull" ->
          send(
              key,
              HttpMethod.POST,
              base + "/index-pull",
              body("index", "avet")
                  .put("selector", "[:person/name]")
                  .put("start", "[:person/age]"));
      default -> throw new IllegalArgumentException(route);
    };
  }

  private static JsonObject body(String field, String value) {
    return new JsonObject().put(field, value);
  }

  private static HttpResponse<Buffer> send(
      String key, HttpMethod method, String path, JsonObject body) {
    var r = server.http.request(method, path).basicAuthentication(key, KeysFile.secretOf(key));
    return Server.await(body == null ? r.send() : r.sendJsonObject(body));
  }

  /** The database {@code route} acts on: a new name to create, a new database to delete. */
  private static String target(String route) {
    return switch (route) {
      case "create" -> Server.freshName();
      case "delete" -> {
        String victim = Server.freshName();
        Server.ok(server.post("/api/databases", new JsonObject().put("name", victim)));
        yield victim;
      }
      default -> db;
    };
  }

  @ParameterizedTest(name = "{0} as {1}: {2}")
  @MethodSource("table")
  void eachRouteAnswersEachRoleAsTheTableSays(
      String route, String role, int expected, String right) {
    String name = target(route);
    var r = call(route, name, role);
    assertEquals(expected, r.statusCode(), r.bodyAsString());
    if (expected == 403) {
      assertForbidden(
          r,
          "Access key "
              + role
              + " (role "
              + role
              + ") lacks the "
              + right
              + " right"
              + (route.equals("list") ? "" : " on database " + name));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routesOnADatabase")
  void aRestrictedAdminIsRefusedEveryRouteOnAnotherDatabase(String route, String right) {
    String name = route.equals("create") ? Server.freshName() : other;
    var r = call(route, name, "orders-admin");
    assertForbidden(
        r,
        "Access key orders-admin lacks the "
            + right
            + " right on database "
            + name
            + ": it may touch only the databases "
            + new java.util.TreeSet<>(List.of(orders, "orders-2")));
  }

  @Test
  void aRestrictedKeyWorksOnItsOwnDatabases() {
    for (String route :
        List.of(
            "describe",
            "transact",
            "with",
            "query",
            "pull",
            "datoms",
            "index-range",
            "tx-range",
            "index-pull")) {
      assertEquals(200, call(route, orders, "orders-writer").statusCode(), route);
    }
    assertEquals(201, call("create", "orders-2", "orders-admin").statusCode());
    assertEquals(200, call("delete", "orders-2", "orders-admin").statusCode());
  }

  @Test
  void aRestrictedKeyListsOnlyItsDatabases() {
    var r = Server.ok(call("list", null, "orders-writer"));
    assertEquals(new JsonArray().add(orders), r.bodyAsJsonObject().getJsonArray("databases"));
    var all = Server.ok(call("list", null, "read")).bodyAsJsonObject().getJsonArray("databases");
    assertEquals(true, all.contains(other) && all.contains(orders), all.encode());
  }

  @Test
  void aRestrictedKeyLacksTheRightItsRoleLacksFirst() {
    var r = call("delete", orders, "orders-writer");
    assertForbidden(
        r, "Access key orders-writer (role write) lacks the admin right on database " + orders);
  }

  @Test
  void aDatabaseOutsideTheListIsForbiddenEvenWhenThereIsNone() {
    var r = call("query", "no-such-db", "orders-writer");
    assertEquals(403, r.statusCode(), r.bodyAsString());
  }

  @Test
  void aWrongSecretOrAnUnknownKeyIs401() {
    var wrong =
        Server.await(
            server.http.get("/api/databases").basicAuthentication("admin", "read-secret").send());
    assertEquals(401, wrong.statusCode());
    assertEquals("Wrong access key or secret", wrong.bodyAsJsonObject().getString("message"));
    var unknown =
        Server.await(server.http.get("/api/databases").basicAuthentication("nobody", "x").send());
    assertEquals(401, unknown.statusCode());
    var devDefault =
        Server.await(server.http.get("/api/databases").basicAuthentication("dev", "wrong").send());
    assertEquals(401, devDefault.statusCode());
  }

  @Test
  void aRightSecretAfterAWrongOneStillPasses() {
    var wrong =
        Server.await(server.http.get("/api/databases").basicAuthentication("read", "nope").send());
    assertEquals(401, wrong.statusCode());
    assertEquals(200, call("list", null, "read").statusCode());
    assertEquals(200, call("list", null, "read").statusCode());
    var again =
        Server.await(server.http.get("/api/databases").basicAuthentication("read", "nope").send());
    assertEquals(401, again.statusCode());
  }

  static void assertForbidden(HttpResponse<Buffer> r, String message) {
    assertEquals(403, r.statusCode(), r.bodyAsString());
    assertEquals("forbidden", r.bodyAsJsonObject().getString("anomaly"));
    assertEquals(message, r.bodyAsJsonObject().getString("message"));
  }
}
