package io.vertomic.peerserver;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A peer server in this JVM on {@code vertomic:mem://*} (or another storage) on a free port, and a
 * raw HTTP client for it: what the route tests drive, as a curl user would.
 */
final class Server implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final WebClient http;
  final int port;
  private final String deployment;

  Server(JsonObject config) {
    JsonObject c = new JsonObject().put("storage", "vertomic:mem://*").put("port", 0);
    c.mergeIn(config);
    PeerServerVerticle v = new PeerServerVerticle();
    deployment = await(vertx.deployVerticle(v, new io.vertx.core.DeploymentOptions().setConfig(c)));
    port = v.port();
    http =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  Server() {
    this(new JsonObject());
  }

  /** A fresh database name, so tests sharing the process's mem catalog never meet. */
  static String freshName() {
    return "db-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A request with the default credentials. */
  HttpRequest<Buffer> request(HttpMethod method, String path) {
    return http.request(method, path).basicAuthentication("dev", "dev");
  }

  HttpResponse<Buffer> get(String path) {
    return await(request(HttpMethod.GET, path).send());
  }

  HttpResponse<Buffer> post(String path, JsonObject body) {
    return await(request(HttpMethod.POST, path).sendJsonObject(body));
  }

  HttpResponse<Buffer> post(String path, JsonObject body, MultiMap headers) {
    return await(request(HttpMethod.POST, path).putHeaders(headers).sendJsonObject(body));
  }

  HttpResponse<Buffer> delete(String path) {
    return await(request(HttpMethod.DELETE, path).send());
  }

  /** Creates database {@code name} with a small people schema and three people. */
  void createPeople(String name) {
    ok(post("/api/databases", new JsonObject().put("name", name)));
    ok(
        transact(
            name,
            "[{:db/ident :person/name :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one :db/unique :db.unique/identity}"
                + " {:db/ident :person/age :db/valueType :db.type/long"
                + " :db/cardinality :db.cardinality/one :db/index true}"
                + " {:db/ident :person/friend :db/valueType :db.type/ref"
                + " :db/cardinality :db.cardinality/many}]"));
    ok(
        transact(
            name,
            "[{:db/id \"ivan\" :person/name \"Ivan\" :person/age 42 :person/friend \"petr\"}"
                + " {:db/id \"petr\" :person/name \"Petr\" :person/age 37}"
                + " {:person/name \"Oleg\" :person/age 21}]"));
  }

  HttpResponse<Buffer> transact(String db, String txData) {
    return post("/api/databases/" + db + "/transact", new JsonObject().put("tx-data", txData));
  }

  HttpResponse<Buffer> query(String db, JsonObject body) {
    return post("/api/databases/" + db + "/query", body);
  }

  static HttpResponse<Buffer> ok(HttpResponse<Buffer> r) {
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError("HTTP " + r.statusCode() + ": " + r.bodyAsString());
    }
    return r;
  }

  static <T> T await(io.vertx.core.Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    await(vertx.undeploy(deployment));
    await(vertx.close());
  }
}
