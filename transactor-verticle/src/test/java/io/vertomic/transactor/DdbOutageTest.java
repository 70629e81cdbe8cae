package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.peer.Peer;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The storage server stopped in the middle of a load through a transactor, then started again: ddb
 * on dynalite, whose service script stops and starts it in a moment. While it is down the peer's
 * transactions fail {@code unavailable} and are sent again under their idempotency keys; once it is
 * back the transactor takes its lease again and the load goes on, and every acknowledged
 * transaction is in the log exactly once.
 */
@Tag("slow") // child JVMs
class DdbOutageTest extends MultiProcessTest {
  private static final Path DYNAMODB =
      Path.of("..").toAbsolutePath().normalize().resolve("scripts/services/dynamodb");

  @Test
  void aStorageServerStoppedAndStartedAgainUnderLoadLosesNoAcknowledgedTransaction()
      throws Exception {
    String cluster = "outage-" + UUID.randomUUID();
    String system = Systems.system("ddb");
    String uri = system.replace("*", "outage-" + UUID.randomUUID().toString().substring(0, 8));
    assertTrue(Peer.createDatabase(uri));
    ChildJvm transactor = kept(Systems.transactor(cluster, system, 3000));
    transactor.await(l -> l.contains(" active epoch "), 120, "activation");
    ChildJvm peer = kept(Systems.peer(cluster, uri, "load", -1, 4));
    peer.await(l -> l.equals("connected RemoteConnection"), 120, "peer connection");
    peer.send("go");
    for (int i = 0; i < 50; i++) {
      peer.await(l -> l.startsWith("ack "), 120, "acknowledgements before the outage");
    }
    try {
      service("stop");
      peer.await(l -> l.startsWith("retry "), 120, "a transaction sent again during the outage");
    } finally {
      service("start");
    }
    try {
      for (int i = 0; i < 50; i++) {
        peer.await(l -> l.startsWith("ack "), 120, "acknowledgements after the outage");
      }
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage() + "\nthe transactor said:\n" + String.join("\n", transactor.output()), e);
    }
    peer.send("stop");
    peer.await(l -> l.startsWith("done "), 120, "end of load");
    int acked = AcknowledgedLoad.eachInTheLogOnce(cluster, uri, peer.output());
    assertTrue(acked >= 100, acked + " acknowledged");
  }

  private static void service(String what) throws Exception {
    String script = DYNAMODB.toString();
    Process p =
        new ProcessBuilder(
                what.equals("stop") ? java.util.List.of(script, "stop") : java.util.List.of(script))
            .inheritIO()
            .start();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), script + " " + what);
    assertEquals(0, p.exitValue(), script + " " + what);
  }
}
