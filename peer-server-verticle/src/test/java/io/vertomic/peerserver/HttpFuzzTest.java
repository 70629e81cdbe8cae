package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.transactor.ChildJvm;
import io.vertomic.transactor.MultiProcessTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API under fuzzing (issue 21, "hardening of every door"): a real transactor and peer
 * server process (256 MB heap) with two databases of people, then {@value #REQUESTS} generated
 * hostile requests ({@code -Dvertomic.fuzz.requests=100000} for the full run, {@code
 * -Dvertomic.fuzz.seed=N} to replay one). Every answer is an anomaly of the right status, no 500,
 * the process is alive and healthy afterwards, its heap stayed under its limit, and both databases
 * are exactly as they were.
 */
class HttpFuzzTest extends MultiProcessTest {
  private static final int REQUESTS = Integer.getInteger("vertomic.fuzz.requests", 10_000);
  private static final long SEED = Long.getLong("vertomic.fuzz.seed", 20260421L);
  private static final long HEAP = 256L << 20;
  // a PostgreSQL database of its own (scripts/services/postgres makes it): no transactor of another
  // test holds its lease, and the fuzzer's databases are the only ones there
  private static final String SYSTEM =
      "vertomic:sql://*?postgresql://postgres@127.0.0.1:5432/vertomic_fuzz";
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() {
    Server.await(vertx.close());
  }

  @Test
  void hostileRequestsGetAnomaliesAndChangeNoDatabase() throws Exception {
    List<ChildJvm> children = new ArrayList<>();
    // a request deadline short enough that slow senders end soon, long enough that a megabyte
    // body sent among 32 others on a busy machine is in well before it
    int port =
        RemoteSystem.start(
            c -> {
              children.add(c);
              return kept(c);
            },
            "256m",
            "\"requestDeadlineMillis\": 5000, \"maxStreamsPerClient\": 8, \"maxConcurrentQueries\": 4,"
                + " \"maxIntermediateRows\": 100000,"
                + " \"queryTimeoutMillis\": 5000",
            SYSTEM);
    ChildJvm peerServer = children.get(children.size() - 1);
    WebClient http =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    List<String> dbs = List.of("fuzz-a-" + suffix, "fuzz-b-" + suffix);
    for (String db : dbs) {
      people(http, db);
    }
    List<JsonObject> before = describe(http, dbs);
    JsonObject listBefore = list(http);

    HttpFuzzer fuzz = new HttpFuzzer("127.0.0.1", port).run(SEED, REQUESTS, 32, dbs);
    System.out.print(fuzz.report());

    assertEquals(REQUESTS, fuzz.total());
    assertTrue(fuzz.problems.isEmpty(), fuzz.report());
    assertEquals(before, describe(http, dbs), "a database changed under the fuzzing");
    assertEquals(listBefore, list(http), "a database was created or deleted under the fuzzing");
    HttpResponse<Buffer> health = Server.await(http.get("/health").send());
    assertEquals(200, health.statusCode(), health.bodyAsString());
    assertTrue(fuzz.peakHeap.get() < HEAP, fuzz.report());
    assertTrue(
        peerServer.output().stream().noneMatch(l -> l.contains("OutOfMemoryError")),
        "the peer server ran out of heap");
    // a fault the client never saw (its connection was gone) is a bug all the same
    List<String> faults =
        peerServer.output().stream().filter(l -> l.contains(" fault ")).limit(5).toList();
    assertEquals(List.of(), faults, "faults logged by the peer server");
  }

  /** A database with a people schema and 300 people, each the friend of the next. */
  private static void people(WebClient http, String db) {
    ok(post(http, "/api/databases", new JsonObject().put("name", db)));
    transact(
        http,
        db,
        "[{:db/ident :person/name :db/valueType :db.type/string"
            + " :db/cardinality :db.cardinality/one :db/unique :db.unique/identity}"
            + " {:db/ident :person/age :db/valueType :db.type/long"
            + " :db/cardinality :db.cardinality/one :db/index true}"
            + " {:db/ident :person/friend :db/valueType :db.type/ref"
            + " :db/cardinality :db.cardinality/many}]");
    StringBuilder tx = new StringBuilder("[");
    for (int i = 0; i < 300; i++) {
      tx.append("{:db/id \"p")
          .append(i)
          .append("\" :person/name \"p")
          .append(i)
          .append("\" :person/age ")
          .append(i % 90)
          .append(i < 299 ? " :person/friend \"p" + (i + 1) + "\"" : "")
          .append("}");
    }
    transact(http, db, tx.append("]").toString());
  }

  private static void transact(WebClient http, String db, String txData) {
    ok(post(http, "/api/databases/" + db + "/transact", new JsonObject().put("tx-data", txData)));
  }

  private static HttpResponse<Buffer> post(WebClient http, String path, JsonObject body) {
    return Server.await(http.post(path).basicAuthentication("dev", "dev").sendJsonObject(body));
  }

  private static HttpResponse<Buffer> ok(HttpResponse<Buffer> r) {
    return Server.ok(r);
  }

  private static JsonObject list(WebClient http) {
    return ok(Server.await(http.get("/api/databases").basicAuthentication("dev", "dev").send()))
        .bodyAsJsonObject();
  }

  private static List<JsonObject> describe(WebClient http, List<String> dbs) {
    List<JsonObject> out = new ArrayList<>();
    for (String db : dbs) {
      out.add(
          ok(Server.await(
                  http.get("/api/databases/" + db).basicAuthentication("dev", "dev").send()))
              .bodyAsJsonObject());
    }
    return out;
  }
}
