package io.vertomic.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertomic.peer.PeerOptions;
import io.vertomic.peer.TxReport;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that embeds the peer library and passes its own registry through {@link
 * PeerOptions#setMeterRegistry} finds the peer's meters there, counting exactly what it did.
 */
class EmbeddedPeerMetersTest {
  private static final String SCHEMA =
      "[{:db/ident :item/name :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
          + " :db/unique :db.unique/identity}]";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  @TempDir Path dir;

  @BeforeEach
  void ownRegistry() {
    Peer.configure(new PeerOptions().setDataDir(dir.toString()).setMeterRegistry(registry));
  }

  @AfterEach
  void defaults() {
    Peer.shutdown();
    Peer.configure(new PeerOptions());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private double count(String name, String... tags) {
    Search s = registry.find(name).tags(tags);
    if (s.counter() != null) {
      return s.counter().count();
    }
    if (s.timer() != null) {
      return s.timer().count();
    }
    if (s.functionCounter() != null) {
      return s.functionCounter().count();
    }
    return s.summary().count();
  }

  @Test
  void transactionsAndQueriesOfAMemDatabaseAreCountedInTheApplicationsRegistry() throws Exception {
    String uri = "vertomic:mem://meters-" + UUID.randomUUID();
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    await(c.transact(SCHEMA));
    for (int i = 0; i < 5; i++) {
      await(c.transact("[{:item/name \"item" + i + "\"}]"));
    }
    assertThrows(Exception.class, () -> await(c.transact("[{:item/colour \"red\"}]")));
    Peer.q("[:find ?n :where [_ :item/name ?n]]", c.db());
    Peer.q("[:find ?e . :where [?e :item/name \"item1\"]]", c.db());
    assertThrows(Anomaly.class, () -> Peer.q("[:find ?n :where [_ :no/such ?n]]", c.db()));
    Iterable<?> lazy = Peer.qseq("[:find (pull ?e [:item/name]) :where [?e :item/name]]", c.db());

    assertEquals(6, count("vertomic_transactions_committed"));
    assertEquals(1, count("vertomic_transactions_failed"));
    assertEquals(7, count("vertomic_tx_latency_seconds", "phase", "queued"));
    assertEquals(7, count("vertomic_tx_latency_seconds", "phase", "processing"));
    assertEquals(6, count("vertomic_tx_latency_seconds", "phase", "log_write"));
    assertEquals(6, count("vertomic_tx_latency_seconds", "phase", "acknowledgement"));
    assertEquals(6, registry.find("vertomic_tx_group_size").summary().totalAmount());
    assertEquals(0, registry.find("vertomic_tx_queue_depth").gauge().value());
    assertEquals(
        4, count("vertomic_query_latency_seconds"), "the qseq counted once its rows are found");
    assertEquals(3, count("vertomic_query_rows"), "rows of the queries that answered");
    assertEquals(11, registry.find("vertomic_query_rows").summary().totalAmount());
    lazy.forEach(row -> {});
    assertEquals(4, count("vertomic_query_latency_seconds"), "its pulls are not another query");
  }

  @Test
  void anIndexJobOfADurableDatabaseIsCountedWithItsDatomsSegmentsAndStorageCalls()
      throws Exception {
    String uri = "vertomic:dev://127.0.0.1:4338/meters-" + UUID.randomUUID();
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    long datoms = 0;
    for (String tx : List.of(SCHEMA, "[{:item/name \"pen\"}]", "[{:item/name \"ink\"}]")) {
      TxReport r = await(c.transact(tx));
      datoms += r.txData().size();
    }
    assertEquals(datoms, registry.find("vertomic_novelty_datoms").gauge().value());

    await(c.requestIndex());

    assertEquals(1, count("vertomic_index_job_duration_seconds"));
    assertEquals(datoms, count("vertomic_index_datoms"));
    assertTrue(count("vertomic_index_segments_written") > 0);
    assertEquals(0, registry.find("vertomic_novelty_datoms").gauge().value());
    assertTrue(
        count("vertomic_storage_write_seconds", "storage", "dev") >= 3 + 1 + 1,
        "three log appends, the job's segments (one call) and the root swap are storage writes");
    assertEquals(0, count("vertomic_storage_errors", "storage", "dev", "op", "write"));

    Peer.shutdown();
    Connection again = Peer.connect(uri);
    assertEquals("pen", again.db().entity(List.of(":item/name", "pen")).get(":item/name"));
    assertTrue(count("vertomic_object_cache_misses") > 0, "segments read from storage");
    assertTrue(count("vertomic_storage_read_seconds", "storage", "dev") > 0);
  }
}
