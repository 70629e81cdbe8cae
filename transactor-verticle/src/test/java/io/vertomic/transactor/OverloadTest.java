package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.peer.Peer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * More transactions in flight than the transactor's queue holds: the excess is answered busy at
 * once (and retried by the peer), the transactor's heap stays within its small bound, and every
 * acknowledged transaction is in the database.
 */
@Tag("slow") // child JVMs
class OverloadTest extends MultiProcessTest {
  @Test
  void pastItsQueueTheTransactorAnswersBusyAndLosesNothingAcknowledged() throws Exception {
    String cluster = "overload-" + UUID.randomUUID();
    String system = Systems.sqlSystem();
    String uri = system.replace("*", "overload-" + UUID.randomUUID().toString().substring(0, 8));
    assertTrue(Peer.createDatabase(uri));
    ChildJvm transactor =
        kept(
            ChildJvm.start(
                cluster,
                List.of("-Xmx96m"),
                TransactorMain.class.getName(),
                "-conf",
                Systems.config(system, 5000, "\"txQueueMax\": 16").toString()));
    transactor.await(l -> l.contains(" active epoch "), 120, "activation");
    int count = 3000;
    ChildJvm peer = kept(Systems.peer(cluster, uri, "o", count, 500));
    peer.await(l -> l.equals("connected RemoteConnection"), 120, "connection");
    peer.send("go");
    peer.await(l -> l.startsWith("done "), 300, "end of load");
    int busy = 0;
    Set<String> acked = new HashSet<>();
    for (String l : peer.output()) {
      // retry ID CATEGORY MESSAGE
      if (l.startsWith("retry ") && l.split(" ")[2].equals("BUSY")) {
        busy++;
      } else if (l.startsWith("ack ")) {
        acked.add(l.split(" ")[1]);
      }
    }
    assertTrue(busy > 0, "busy answers: " + busy);
    assertEquals(count, acked.size(), "every transaction acknowledged in the end");
    peer.send("report");
    String db = peer.await(l -> l.startsWith("db "), 120, "database report");
    System.out.println(
        "overload: "
            + count
            + " transactions, 500 in flight, queue 16, "
            + busy
            + " busy answers; "
            + db);
    assertTrue(transactor.output().stream().noneMatch(l -> l.contains("OutOfMemoryError")));
  }
}
