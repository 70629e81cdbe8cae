package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.peer.Peer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A transactor and two peer processes on one storage (PostgreSQL, and the dev storage whose files
 * all three share), the peers transacting at the same time while the transactor indexes every few
 * hundred datoms: both end with the same database, and both saw the same sequence of {@code t} in
 * their tx reports.
 */
@Tag("slow") // child JVMs
class TwoPeersTest extends MultiProcessTest {
  @ParameterizedTest
  @ValueSource(strings = {"sql", "dev", "cass", "ddb"})
  void twoPeersTransactingConcurrentlySeeTheSameTransactionsInTheSameOrder(String storage)
      throws Exception {
    String cluster = "two-peers-" + UUID.randomUUID();
    String system = Systems.system(storage);
    String uri = system.replace("*", "two-peers-" + UUID.randomUUID().toString().substring(0, 8));
    assertTrue(Peer.createDatabase(uri));
    ChildJvm transactor =
        kept(Systems.transactor(cluster, system, 5000, "\"indexThresholdDatoms\": 400"));
    transactor.await(l -> l.contains(" active epoch "), 120, "transactor activation");
    int each = 150;
    ChildJvm a = kept(Systems.peer(cluster, uri, "a", each, 8));
    ChildJvm b = kept(Systems.peer(cluster, uri, "b", each, 8));
    Set<Long> acked = new HashSet<>();
    for (ChildJvm p : List.of(a, b)) {
      p.await(
          l -> l.equals("connected RemoteConnection"), 120, "connection through the transactor");
    }
    a.send("go");
    b.send("go");
    for (ChildJvm p : List.of(a, b)) {
      for (int i = 0; i < each; i++) {
        String ack = p.await(l -> l.startsWith("ack "), 120, "acknowledgement");
        acked.add(Long.parseLong(ack.split(" ")[2]));
      }
      p.await(l -> l.startsWith("done "), 120, "end of load");
    }
    assertEquals(2 * each, acked.size(), "every transaction got its own t");
    List<String> dbs = new ArrayList<>();
    List<List<Long>> txs = new ArrayList<>();
    for (ChildJvm p : List.of(a, b)) {
      p.send("report");
      dbs.add(p.await(l -> l.startsWith("db "), 120, "database report"));
      String line = p.await(l -> l.startsWith("txs "), 120, "tx report list");
      txs.add(Arrays.stream(line.substring(4).split(",")).map(Long::valueOf).toList());
    }
    assertEquals(dbs.get(0), dbs.get(1), "the same database, datom for datom");
    for (List<Long> seen : txs) {
      assertTrue(seen.containsAll(acked), "every peer saw every transaction of both");
    }
    // both saw the same sequence from the later of their first reports on
    long from = Math.max(txs.get(0).get(0), txs.get(1).get(0));
    assertEquals(
        txs.get(0).stream().filter(t -> t >= from).toList(),
        txs.get(1).stream().filter(t -> t >= from).toList());
  }
}
