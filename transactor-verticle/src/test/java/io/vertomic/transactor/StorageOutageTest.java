package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.peer.Peer;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The storage server stopped in the middle of a load through a transactor, then started again: ddb
 * on dynalite and cass on the single Cassandra node, each stopped and started by its service
 * script. While it is down the peer's transactions fail {@code unavailable} and are sent again
 * under their idempotency keys; once it is back the transactor takes its lease again and the load
 * goes on, and every acknowledged transaction is in the log exactly once.
 */
@Tag("slow") // child JVMs
class StorageOutageTest extends MultiProcessTest {
  private static final Path SERVICES =
      Path.of("..").toAbsolutePath().normalize().resolve("scripts/services");

  @ParameterizedTest
  @CsvSource({"ddb,dynamodb", "cass,cassandra"})
  void aStorageServerStoppedAndStartedAgainUnderLoadLosesNoAcknowledgedTransaction(
      String kind, String serviceName) throws Exception {
    String cluster = "outage-" + UUID.randomUUID();
    String system = Systems.system(kind);
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
      service(serviceName, "stop");
      peer.await(l -> l.startsWith("retry "), 120, "a transaction sent again during the outage");
    } finally {
      service(serviceName, "start");
    }
    try {
      for (int i = 0; i < 50; i++) {
        peer.await(l -> l.startsWith("ack "), 120, "acknowledgements after the outage");
      }
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + "\nthe transactor said:\n"
              + String.join("\n", transactor.output())
              + "\nthe peer said:\n"
              + String.join("\n", peer.output()),
          e);
    }
    peer.send("stop");
    peer.await(l -> l.startsWith("done "), 120, "end of load");
    int acked = once(() -> AcknowledgedLoad.eachInTheLogOnce(cluster, uri, peer.output()));
    assertTrue(acked >= 100, acked + " acknowledged");
  }

  // this JVM's own storage session lost the server too, and finds it again at its next
  // reconnection attempt: until then its reads are unavailable
  private static int once(java.util.concurrent.Callable<Integer> check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try {
        return check.call();
      } catch (Exception e) {
        Throwable c = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
        boolean unavailable =
            c instanceof io.vertomic.anomaly.Anomaly a
                && a.category() == io.vertomic.anomaly.Category.UNAVAILABLE;
        if (!unavailable || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }

  private static void service(String name, String what) throws Exception {
    String script = SERVICES.resolve(name).toString();
    Process p =
        new ProcessBuilder(
                what.equals("stop") ? java.util.List.of(script, "stop") : java.util.List.of(script))
            .inheritIO()
            .start();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), script + " " + what);
    assertEquals(0, p.exitValue(), script + " " + what);
  }
}
