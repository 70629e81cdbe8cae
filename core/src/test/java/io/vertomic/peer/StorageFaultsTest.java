package io.vertomic.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.KeptMemStorageProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What storage faults look like to a peer: a corrupt, truncated or missing segment is a {@code
 * fault} naming the segment, a storage that refuses connections is {@code unavailable}, and in
 * every case nothing acknowledged is lost: once storage is whole again, every acknowledged
 * transaction is there.
 */
class StorageFaultsTest {
  private final String uri = "vertomic:kept://faults-" + UUID.randomUUID();
  private static final String COUNT = "[:find (count ?e) . :where [?e :n/v]]";

  @BeforeEach
  void indexedDatabase() throws Exception {
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(c, "[{:db/ident :n/v :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < 12_000; i++) {
      b.append("{:n/v ").append(i).append('}');
    }
    tx(c, b.append(']').toString());
    c.requestIndex().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    tx(c, "[{:n/v 12000}]");
    Peer.shutdown();
  }

  @AfterEach
  void whole() {
    KeptMemStorageProvider.refuse(false);
    Peer.shutdown();
  }

  @Test
  void corruptTruncatedOrMissingSegmentsAreFaultsNamingTheSegment() {
    List<String> keys = segmentsOfThisDatabase();
    int tried = 0;
    for (String key : keys.subList(0, Math.min(keys.size(), 12))) {
      byte[] good = KeptMemStorageProvider.bytes(key);
      byte[] flipped = good.clone();
      flipped[flipped.length / 2] ^= 0x40;
      for (byte[] bad : Arrays.asList(flipped, Arrays.copyOf(good, good.length / 2), null)) {
        KeptMemStorageProvider.replace(key, bad);
        Peer.shutdown();
        try {
          Database db = Peer.connect(uri).db();
          Peer.q(COUNT, db);
          db.datoms(":aevt").forEach(d -> {});
          db.history().datoms(":eavt").forEach(d -> {});
          // the segment is one the reads above did not need: nothing to report
        } catch (Anomaly a) {
          assertEquals(Category.FAULT, a.category(), a.getMessage());
          assertTrue(a.getMessage().contains(key), a.getMessage());
          tried++;
        }
        KeptMemStorageProvider.replace(key, good);
      }
    }
    assertTrue(tried >= 12, "faults seen: " + tried);
    Peer.shutdown();
    assertEquals(12_001L, Peer.q(COUNT, Peer.connect(uri).db()));
  }

  @Test
  void aStorageThatRefusesConnectionsIsUnavailableAndLosesNothing() throws Exception {
    Connection c = Peer.connect(uri);
    KeptMemStorageProvider.refuse(true);
    ExecutionException e = assertThrows(ExecutionException.class, () -> tx(c, "[{:n/v 4000}]"));
    assertEquals(Category.UNAVAILABLE, ((Anomaly) e.getCause()).category());
    assertTrue(e.getCause().getMessage().contains("refused"), e.getCause().getMessage());
    Anomaly q = assertThrows(Anomaly.class, () -> Peer.q(COUNT, c.db()));
    assertEquals(Category.UNAVAILABLE, q.category(), "segments not cached cannot be read");
    Peer.shutdown();
    Anomaly a = assertThrows(Anomaly.class, () -> Peer.connect(uri));
    assertEquals(Category.UNAVAILABLE, a.category());
    KeptMemStorageProvider.refuse(false);
    assertEquals(12_001L, Peer.q(COUNT, Peer.connect(uri).db()), "the refused tx is not there");
    Connection again = Peer.connect(uri);
    tx(again, "[{:n/v 4001}]");
    Peer.shutdown();
    assertEquals(12_002L, Peer.q(COUNT, Peer.connect(uri).db()));
  }

  private List<String> segmentsOfThisDatabase() {
    List<String> out = new ArrayList<>();
    String name = uri.substring(uri.lastIndexOf('/') + 1);
    for (String k : KeptMemStorageProvider.keys("seg/" + name + "-")) {
      out.add(k);
    }
    assertTrue(out.size() > 10, "segments: " + out.size());
    return out;
  }

  private static void tx(Connection c, String edn) throws Exception {
    c.transact(edn).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
