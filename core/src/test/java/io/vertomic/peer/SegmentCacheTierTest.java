package io.vertomic.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertomic.peer.impl.Catalog;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * With memcached configured as the distributed segment cache, the segments an index job writes go
 * to the cache too, and a peer that starts cold reads them from the cache rather than from storage.
 */
@Tag("slow") // memcached
class SegmentCacheTierTest {
  private final String uri = "vertomic:kept://tier-" + UUID.randomUUID();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void cleanUp() {
    Peer.shutdown();
    Peer.configure(new PeerOptions());
  }

  @Test
  void aColdPeerReadsSegmentsFromMemcached() throws Exception {
    String tier = "memcached:127.0.0.1:11211";
    Peer.shutdown();
    Peer.configure(new PeerOptions().setMeterRegistry(registry).setSegmentCache(tier));
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(c, "[{:db/ident :n/v :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < 5000; i++) {
      b.append("{:n/v ").append(i).append('}');
    }
    tx(c, b.append(']').toString());
    c.requestIndex().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertTrue(
        count("vertomic_memcached_written_bytes") > 0,
        "the index job's segments went to memcached");
    Peer.shutdown();
    Database db = Peer.connect(uri).db();
    assertEquals(5000L, Peer.q("[:find (count ?e) . :where [?e :n/v]]", db));
    Catalog.CacheStats s = Catalog.instance().cacheStats(uri);
    assertTrue(s.tierHits() > 0, "segments from memcached: " + s);
    assertTrue(s.tierHits() >= s.tierMisses(), "mostly from memcached: " + s);
    assertEquals(s.tierHits(), count("vertomic_memcached_hits"), "the meters say the same");
    assertEquals(s.tierMisses(), count("vertomic_memcached_misses"));
    assertTrue(
        count("vertomic_memcached_read_bytes") >= s.tierHits(), "every segment read has bytes");
    assertTrue(count("vertomic_object_cache_misses") > 0);
  }

  private double count(String name) {
    return registry.find(name).functionCounter().count();
  }

  private static void tx(Connection c, String edn) throws Exception {
    c.transact(edn).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
