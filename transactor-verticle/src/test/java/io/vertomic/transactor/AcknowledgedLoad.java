package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.datom.Datom;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Connection;
import io.vertomic.peer.LogEntry;
import io.vertomic.peer.Peer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** What a {@link LoadPeerMain} load must leave after faults: nothing acknowledged lost. */
final class AcknowledgedLoad {
  private AcknowledgedLoad() {}

  /**
   * Asserts, on the database at {@code uri} of {@code cluster}, that every transaction of the load
   * in the log is whole (one value, its idempotency key, its instant) and that each value the peer
   * printed {@code ack} for is in the log exactly once. Returns how many were acknowledged.
   */
  static int eachInTheLogOnce(String cluster, String uri, List<String> peerOutput)
      throws Exception {
    Set<String> acked = new HashSet<>();
    for (String l : peerOutput) {
      if (l.startsWith("ack ")) {
        acked.add(l.split(" ")[1]);
      }
    }
    Peer.configure(Peer.options().setClusterName(cluster));
    Connection conn = Peer.connect(uri);
    conn.sync().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    long idAttr = conn.db().entid(Keyword.of("load/id"));
    long instantAttr = conn.db().entid(Keyword.of("db/txInstant"));
    long keyAttr = conn.db().entid(Keyword.of("vertomic.tx/idempotency-key"));
    Map<Object, Integer> times = new HashMap<>();
    for (LogEntry e : conn.log().txRange(null, null)) {
      List<Datom> ids = e.data().stream().filter(d -> d.a() == idAttr).toList();
      if (ids.isEmpty()) {
        continue; // the schema
      }
      assertEquals(1, ids.size(), "one value per transaction at t " + e.t());
      assertEquals(
          ids.get(0).v(),
          e.data().stream().filter(d -> d.a() == keyAttr).findFirst().orElseThrow().v(),
          "the transaction whole, with its key, at t " + e.t());
      assertTrue(e.data().stream().anyMatch(d -> d.a() == instantAttr));
      times.merge(ids.get(0).v(), 1, Integer::sum);
    }
    for (String id : acked) {
      assertEquals(1, times.getOrDefault(id, 0), id + " is in the log exactly once");
    }
    return acked.size();
  }
}
