package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.cluster.ClusterOptions;
import io.vertomic.cluster.bus.Addresses;
import io.vertomic.cluster.bus.Lease;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /**
   * With a cluster certificate, the rogue that has read the lease's secret from storage but has no
   * certificate joins Hazelcast, yet cannot reach the transactor's TLS event bus: its transaction
   * is never answered, and a peer holding the certificate transacts as before.
   */
  @Test
  void aMemberWithTheSecretButWithoutTheClusterCertificateCannotReachTheTransactor(
      @TempDir Path tmp) throws Exception {
    String tls = tmp.resolve("cluster-tls").toString();
    Process made =
        new ProcessBuilder(Path.of("..", "scripts", "lib", "cluster-tls").toString(), tls)
            .inheritIO()
            .start();
    assertEquals(0, made.waitFor(), "scripts/lib/cluster-tls");
    String system = Systems.devSystem();
    String name = "rogue-tls-" + UUID.randomUUID().toString().substring(0, 8);
    String uri = system.replace("*", name);
    assertTrue(Peer.createDatabase(uri));
    String cluster = "rogue-tls-" + UUID.randomUUID();
    ChildJvm transactor =
        kept(
            ChildJvm.start(
                cluster,
                List.of("-D" + ClusterOptions.TLS + "=" + tls),
                TransactorMain.class.getName(),
                "-conf",
                Systems.config(system, 5000, "\"txTimeoutMillis\": 10000").toString()));
    String active = transactor.await(l -> l.contains(" active epoch "), 120, "activation");
    Peer.configure(Peer.options().setClusterName(cluster).setClusterTls(tls));
    Connection conn = Peer.connect(uri);
    tx(conn, "[{:db/ident :n/v :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    long before = conn.db().basisT();

    String address = Addresses.transactor(active.split(" ")[1]);
    ChildJvm rogue =
        kept(rogue(cluster, address, name, Map.of(RogueMemberMain.SECRET, secret(uri))));
    rogue.await(l -> l.equals("joined"), 120, "the rogue joining Hazelcast");
    String answer =
        rogue.await(l -> l.startsWith("transact-with-secret "), 60, "the rogue's transaction");
    assertTrue(answer.startsWith("transact-with-secret refused "), answer);
    rogue.await(l -> l.equals("done"), 60, "the rogue's end");

    assertEquals(
        before,
        conn.sync().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).basisT(),
        "nothing in the log");
    assertEquals(null, conn.db().entid(":rogue/was-here"));
    tx(conn, "[{:n/v 1}]");
    assertEquals(before + 1, conn.db().basisT(), "the peer with the certificate still transacts");
  }

  // the secret the transactor wrote with its lease, read from storage as a peer reads it
  private static String secret(String uri) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      StorageUri parsed = StorageUri.parse(uri);
      Storage store =
          await(
              StorageUri.provider(parsed.kind(), uri)
                  .open(vertx, parsed, Systems.storageSettings()));
      try {
        return Lease.decode(await(store.root(Lease.ROOT)).value()).secret();
      } finally {
        await(store.close());
      }
    } finally {
      await(vertx.close());
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static ChildJvm rogue(String cluster, String address, String db) throws Exception {
    return rogue(cluster, address, db, Map.of());
  }

  // a JVM with the cluster's name and nothing of its storage: no dev directory, no storage URI, no
  // cluster certificate; only what env gives it
  private static ChildJvm rogue(String cluster, String address, String db, Map<String, String> env)
      throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.addAll(ChildJvm.SHORT_LIVED);
    cmd.addAll(
        List.of(
            "-Dvertomic.cluster.name=" + cluster,
            "-Dhazelcast.phone.home.enabled=false",
            "-cp",
            System.getProperty("java.class.path"),
            RogueMemberMain.class.getName(),
            address,
            db));
    return ChildJvm.command(cmd, env);
  }

  private static void tx(Connection c, String edn) throws Exception {
    c.transact(edn).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
