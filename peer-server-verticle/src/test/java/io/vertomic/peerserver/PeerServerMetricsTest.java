package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.peer.Peer;
import io.vertomic.peer.PeerOptions;
import io.vertomic.transactor.Scrape;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer server that writes its databases itself (dev storage, no transactor) shows in /metrics
 * what a known load did: the transactions committed and failed, the busy answers, the index job,
 * the queries and the storage calls.
 */
class PeerServerMetricsTest {
  private static final HeldFunction held = new HeldFunction("test.metrics/hold");

  @TempDir Path dir;
  private Server server;

  @BeforeEach
  void start() {
    Peer.configure(Peer.options().setDataDir(dir.toString()));
    server =
        new Server(
            new JsonObject()
                .put("storage", "vertomic:dev://127.0.0.1:4339/*")
                .put("maxConcurrentQueries", 1)
                .put("maxQueuedQueries", 0));
  }

  @AfterEach
  void stop() {
    held.release.countDown();
    server.close();
    Peer.shutdown();
    Peer.configure(new PeerOptions());
  }

  private HttpResponse<Buffer> query(String db, String q) {
    return server.query(db, new JsonObject().put("query", q));
  }

  @Test
  void metricsCountTheTransactionsBusyAnswersIndexJobAndQueriesOfAKnownLoad() throws Exception {
    String db = Server.freshName();
    Server.ok(server.post("/api/databases", new JsonObject().put("name", db)));
    Server.ok(
        server.transact(
            db,
            "[{:db/ident :item/name :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one}]"));
    for (int i = 0; i < 4; i++) {
      Server.ok(server.transact(db, "[{:item/name \"item " + i + "\"}]"));
    }
    assertEquals(400, server.transact(db, "[{:item/colour \"red\"}]").statusCode());
    Server.ok(query(db, "[:find ?n :where [_ :item/name ?n]]"));
    Future<HttpResponse<Buffer>> holding =
        server
            .request(io.vertx.core.http.HttpMethod.POST, "/api/databases/" + db + "/query")
            .sendJsonObject(
                new JsonObject()
                    .put("query", "[:find ?x . :where [(ground 1) ?x] [(test.metrics/hold ?x)]]"));
    assertTrue(held.entered.await(30, TimeUnit.SECONDS));
    assertEquals(429, query(db, "[:find ?e :where [?e :db/ident]]").statusCode());
    held.release.countDown();
    assertEquals(200, Server.await(holding).statusCode());
    Server.await(Peer.connect("vertomic:dev://127.0.0.1:4339/" + db).requestIndex());

    Scrape s = new Scrape(Server.ok(server.get("/metrics")).bodyAsString());
    assertEquals(5, s.value("vertomic_transactions_committed_total"));
    assertEquals(1, s.value("vertomic_transactions_failed_total"));
    assertEquals(1, s.value("vertomic_busy_answers_total"));
    assertEquals(1, s.value("vertomic_index_job_duration_seconds_count"));
    assertEquals(2, s.value("vertomic_query_latency_seconds_count"));
    assertEquals(5, s.value("vertomic_query_rows_sum"), "four names, then one scalar");
    assertTrue(s.value("vertomic_storage_write_seconds_count", "storage=dev") > 0);
  }
}
