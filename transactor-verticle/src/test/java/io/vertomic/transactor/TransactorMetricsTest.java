package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real transactor serves /metrics and /health on its metrics port: after a known load its counts
 * of transactions, busy answers and index jobs are what the peer did, and a standby started with
 * the same port takes the next free one and says it is a standby.
 */
class TransactorMetricsTest extends MultiProcessTest {
  private static final String METRICS_ON = " metrics on http://127.0.0.1:";
  private final SimpleMeterRegistry peerRegistry = new SimpleMeterRegistry();

  @AfterEach
  void peerDefaults() {
    Peer.configure(Peer.options().setMeterRegistry(Metrics.globalRegistry));
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static int port(ChildJvm transactor) throws Exception {
    String line = transactor.awaitEver(l -> l.contains(METRICS_ON), 120, "metrics port");
    return Integer.parseInt(line.substring(line.indexOf(METRICS_ON) + METRICS_ON.length()));
  }

  @Test
  void aTransactorCountsTheTransactionsBusyAnswersAndIndexJobsOfAKnownLoad() throws Exception {
    String cluster = "metrics-" + UUID.randomUUID();
    String system = Systems.sqlSystem();
    String uri = system.replace("*", "metrics-" + UUID.randomUUID().toString().substring(0, 8));
    Peer.configure(Peer.options().setMeterRegistry(peerRegistry));
    Peer.createDatabase(uri);
    // a queue of one: transactions sent together while one is written are refused busy
    String config = "\"metricsPort\": 0, \"txQueueMax\": 1, \"indexThresholdDatoms\": 100000000";
    ChildJvm active = kept(Systems.transactor(cluster, system, 5000, config));
    int port = port(active);
    String epoch = active.await(l -> l.contains(" active epoch "), 120, "activation");
    Peer.configure(Peer.options().setClusterName(cluster));
    Connection c = Peer.connect(uri);

    await(
        c.transact(
            "[{:db/ident :item/name :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one}]"));
    for (int i = 0; i < 4; i++) {
      await(c.transact("[{:item/name \"one-by-one " + i + "\"}]"));
    }
    ExecutionException unknown =
        assertThrows(ExecutionException.class, () -> await(c.transact("[{:item/colour 1}]")));
    assertEquals(Category.INCORRECT, ((Anomaly) unknown.getCause()).category());
    List<Future<?>> burst = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      burst.add(c.transact("[{:item/name \"burst " + i + "\"}]"));
    }
    int busy = 0;
    int burstCommitted = 0;
    for (Future<?> f : burst) {
      try {
        await(f);
        burstCommitted++;
      } catch (ExecutionException e) {
        assertEquals(Category.BUSY, ((Anomaly) e.getCause()).category(), e.toString());
        busy++;
      }
    }
    await(c.requestIndex());

    Scrape s = Scrape.of("http://127.0.0.1:" + port + "/metrics");
    assertEquals(5 + burstCommitted, s.value("vertomic_transactions_committed_total"));
    assertEquals(1, s.value("vertomic_transactions_failed_total"));
    assertTrue(busy > 0, "a burst past a queue of one meets busy answers");
    assertEquals(busy, s.value("vertomic_tx_busy_answers_total"));
    assertEquals(1, s.value("vertomic_index_job_duration_seconds_count"));
    assertTrue(s.value("vertomic_index_segments_written_total") > 0);
    assertEquals(
        6 + burstCommitted, s.value("vertomic_tx_latency_seconds_count", "phase=processing"));
    assertEquals(1, s.value("vertomic_lease_takeovers_total"));
    assertTrue(s.value("vertomic_storage_write_seconds_count", "storage=sql") > 0);
    assertTrue(s.has("jvm_memory_used_bytes"));
    assertTrue(
        peerRegistry.find("vertomic_bus_tx_round_trip_seconds").timer().count() > 0,
        "the peer timed its round trips to the transactor");

    JsonObject health = new JsonObject(Scrape.get("http://127.0.0.1:" + port + "/health"));
    assertEquals("active", health.getString("role"));
    assertEquals(
        Long.parseLong(epoch.substring(epoch.lastIndexOf(' ') + 1)), health.getLong("epoch"));

    ChildJvm standby = kept(Systems.transactor(cluster, system, 5000, "\"metricsPort\": " + port));
    int standbyPort = port(standby);
    assertNotEquals(port, standbyPort, "the standby takes the next free port");
    standby.await(l -> l.contains(" standby on "), 120, "standby");
    JsonObject standbyHealth =
        new JsonObject(Scrape.get("http://127.0.0.1:" + standbyPort + "/health"));
    assertEquals("standby", standbyHealth.getString("role"));
  }
}
