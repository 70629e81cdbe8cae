package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.cluster.bus.Addresses;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 21's rule that access to storage is the authority: a process that joins the transactor's
 * cluster but cannot read its storage, so knows the transactor's address and not the secret of its
 * lease, sends it transactions and other requests by hand. Every one is refused {@code forbidden}
 * and logged by the transactor, and the database is as it was; a peer that reads storage goes on
 * transacting.
 */
@Tag("slow") // child JVMs
class RogueMemberTest extends MultiProcessTest {
  @Test
  void aMemberThatCannotReadStorageIsRefusedAndChangesNothing() throws Exception {
    String system = Systems.devSystem();
    String name = "rogue-" + UUID.randomUUID().toString().substring(0, 8);
    String uri = system.replace("*", name);
    assertTrue(Peer.createDatabase(uri));
    String cluster = "rogue-" + UUID.randomUUID();
    ChildJvm transactor = kept(Systems.transactor(cluster, system, 5000));
    String active = transactor.await(l -> l.contains(" active epoch "), 120, "activation");
    Peer.configure(Peer.options().setClusterName(cluster));
    Connection conn = Peer.connect(uri);
    tx(conn, "[{:db/ident :n/v :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    long before = conn.db().basisT();

    // all the rogue is told: where the transactor listens (a line of its output, not storage)
    String address = Addresses.transactor(active.split(" ")[1]);
    ChildJvm rogue = kept(rogue(cluster, address, name));
    rogue.await(l -> l.equals("joined"), 120, "the rogue joining the cluster");
    for (String kind : List.of("transact", "transact-made-up-secret", "index", "rename")) {
      assertEquals(
          kind + " refused FORBIDDEN :vertomic.error/wrong-secret",
          rogue.await(l -> l.startsWith(kind + " "), 60, "the answer to " + kind));
    }
    rogue.await(l -> l.equals("done"), 60, "the rogue's end");
    transactor.awaitEver(
        l -> l.contains("Refused a request to " + address + " without the storage secret"),
        30,
        "the transactor's log of the refusal");

    assertEquals(
        before,
        conn.sync().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).basisT(),
        "nothing in the log");
    assertEquals(null, conn.db().entid(":rogue/was-here"));
    assertTrue(Peer.getDatabaseNames(system).contains(name), "not renamed");
    tx(conn, "[{:n/v 1}]");
    assertEquals(before + 1, conn.db().basisT(), "the peer that reads storage still transacts");
  }

  // a JVM with the cluster's name and nothing of its storage: no dev directory, no storage URI
  private static ChildJvm rogue(String cluster, String address, String db) throws Exception {
    return ChildJvm.command(
        List.of(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-Dvertomic.cluster.name=" + cluster,
            "-Dhazelcast.phone.home.enabled=false",
            "-cp",
            System.getProperty("java.class.path"),
            RogueMemberMain.class.getName(),
            address,
            db),
        Map.of());
  }

  private static void tx(Connection c, String edn) throws Exception {
    c.transact(edn).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
