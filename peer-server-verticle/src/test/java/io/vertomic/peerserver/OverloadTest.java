package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.client.ClientOptions;
import io.vertomic.client.Connection;
import io.vertomic.client.Db;
import io.vertomic.client.VertomicClient;
import io.vertomic.transactor.MultiProcessTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A peer server limited to 4 concurrent queries and 4 waiting, with a 128 MB heap, under 200
 * concurrent callers: the SDK's callers all get their answers through retries with backoff; raw
 * HTTP callers see 429s; the server stays up and healthy.
 */
class OverloadTest extends MultiProcessTest {
  private static final int CALLERS = 200;
  private static final String QUERY =
      "[:find (count ?e) . :where [?e :person/age ?a] [(> ?a 10)] [?e :person/name ?n]]";
  private static final String BUSY = "vertomic_busy_answers_total";
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void twoHundredSdkCallersAllSucceedThroughRetriesWhileRawCallersSeeBusy() throws Exception {
    int port =
        RemoteSystem.start(
            this::kept, "128m", "\"maxConcurrentQueries\": 4, \"maxQueuedQueries\": 4");
    VertomicClient client =
        VertomicClient.create(
            vertx,
            new ClientOptions()
                .setEndpoint("http://127.0.0.1:" + port)
                .setRetryDeadlineMillis(120_000)
                .setMaxConnections(CALLERS));
    String name = "overload-" + UUID.randomUUID().toString().substring(0, 8);
    EndToEndTest.await(client.createDatabase(name));
    Connection conn = EndToEndTest.await(client.connect(name));
    EndToEndTest.await(
        conn.transact(
            "[{:db/ident :person/name :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one}"
                + " {:db/ident :person/age :db/valueType :db.type/long"
                + " :db/cardinality :db.cardinality/one}]"));
    StringBuilder tx = new StringBuilder("[");
    for (int i = 0; i < 3000; i++) {
      tx.append("{:person/name \"p")
          .append(i)
          .append("\" :person/age ")
          .append(i % 100)
          .append('}');
    }
    EndToEndTest.await(conn.transact(tx.append(']').toString()));
    Db db = conn.db();

    List<Future<Object>> sdkCalls = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      sdkCalls.add(client.query(QUERY, db));
    }
    for (Future<Object> f : sdkCalls) {
      assertEquals(2670L, EndToEndTest.await(f)); // ages 11..99 of every 100
    }
    WebClient raw =
        WebClient.create(
            vertx,
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
            new PoolOptions().setHttp1MaxSize(CALLERS));
    double sdkBusy = metric(EndToEndTest.await(raw.get("/metrics").send()).bodyAsString(), BUSY);
    assertTrue(sdkBusy > 0, "the SDK's callers were never answered busy");

    List<Future<HttpResponse<Buffer>>> rawCalls = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      rawCalls.add(
          raw.post("/api/databases/" + name + "/query")
              .basicAuthentication("dev", "dev")
              .sendJsonObject(new JsonObject().put("query", QUERY)));
    }
    int ok = 0;
    int busy = 0;
    for (Future<HttpResponse<Buffer>> f : rawCalls) {
      HttpResponse<Buffer> r = EndToEndTest.await(f);
      if (r.statusCode() == 200) {
        ok++;
      } else {
        assertEquals(429, r.statusCode(), r.bodyAsString());
        assertEquals("busy", r.bodyAsJsonObject().getString("anomaly"));
        busy++;
      }
    }
    assertTrue(ok >= 4 && busy > 0, "ok " + ok + ", busy " + busy);

    HttpResponse<Buffer> health = EndToEndTest.await(raw.get("/health").send());
    assertEquals(200, health.statusCode());
    String metrics = EndToEndTest.await(raw.get("/metrics").send()).bodyAsString();
    double busyAnswers = metric(metrics, BUSY);
    double heapUsed = metric(metrics, "jvm_memory_used_bytes{area=\"heap\"");
    System.out.printf(
        "overload: %d SDK callers all answered after %.0f busy answers; raw callers %d ok, %d"
            + " busy; heap used %.1f MB of 128%n",
        CALLERS, sdkBusy, ok, busy, heapUsed / 1e6);
    assertEquals(sdkBusy + busy, busyAnswers);
    client.close();
  }

  /** The sum of the samples of {@code prefix} in a Prometheus text. */
  private static double metric(String text, String prefix) {
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(prefix)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }
}
