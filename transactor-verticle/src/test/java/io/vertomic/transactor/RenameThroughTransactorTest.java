package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Peer.renameDatabase} on a storage a transactor serves (PostgreSQL, the dev storage whose
 * files every process shares, Cassandra and ddb on dynalite): the transactor renames the database
 * it writes, the data stays whole under the new name, the old name is gone, and the connections of
 * this peer and of another peer process follow the database, never into another database created
 * under the old name. A taken or missing name changes nothing.
 */
@Tag("slow") // child JVMs
class RenameThroughTransactorTest extends MultiProcessTest {
  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sql", "dev", "cass", "ddb"})
  void theTransactorRenamesADatabaseAndEveryPeerFollowsIt(String storage) throws Exception {
    String cluster = "rename-" + UUID.randomUUID();
    String system = Systems.system(storage);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String oldUri = system.replace("*", "old-" + suffix);
    String newUri = system.replace("*", "new-" + suffix);
    String otherUri = system.replace("*", "other-" + suffix);
    assertTrue(Peer.createDatabase(oldUri));
    assertTrue(Peer.createDatabase(otherUri));
    ChildJvm transactor = kept(Systems.transactor(cluster, system, 5000));
    transactor.await(l -> l.contains(" active epoch "), 120, "transactor activation");
    System.setProperty("vertomic.cluster.name", cluster);
    try {
      Connection conn = Peer.connect(oldUri);
      assertEquals("RemoteConnection", conn.getClass().getSimpleName());
      await(
          conn.transact(
              "[{:db/ident :n/v :db/valueType :db.type/long :db/cardinality"
                  + " :db.cardinality/one}]"));
      await(conn.transact("[{:n/v 1} {:n/v 2}]"));
      await(conn.requestIndex());
      await(conn.transact("[{:n/v 3}]"));
      ChildJvm other = kept(Systems.peer(cluster, oldUri, "other", 20, 4));
      other.await(l -> l.equals("connected RemoteConnection"), 120, "the other peer connected");
      long basis = await(conn.sync()).basisT();

      assertTrue(Peer.renameDatabase(oldUri, "new-" + suffix));

      List<String> names = Peer.getDatabaseNames(system);
      assertTrue(names.contains("new-" + suffix), names.toString());
      assertFalse(names.contains("old-" + suffix), names.toString());
      assertEquals(Category.NOT_FOUND, failure(() -> Peer.connect(oldUri)).category());
      assertSame(conn, Peer.connect(newUri), "this peer's connection follows the database");
      assertEquals(basis, await(conn.sync()).basisT());
      await(conn.transact("[{:n/v 4}]"));
      await(conn.requestIndex());

      assertTrue(Peer.createDatabase(oldUri), "the old name is free");
      other.send("go");
      for (int i = 0; i < 20; i++) {
        String ack = other.await(l -> l.startsWith("ack ") || l.startsWith("fail "), 120, "ack");
        assertTrue(ack.startsWith("ack "), ack);
      }
      other.await(l -> l.startsWith("done "), 120, "end of the other peer's load");

      Peer.shutdown();
      Connection fresh = Peer.connect(newUri);
      assertEquals(
          List.of(1L, 2L, 3L, 4L),
          ((java.util.Collection<?>) Peer.q("[:find [?v ...] :where [_ :n/v ?v]]", fresh.db()))
              .stream().map(Long.class::cast).sorted().toList());
      assertEquals(
          20L,
          Peer.q("[:find (count ?e) . :where [?e :load/id]]", await(fresh.sync())),
          "the other peer's transactions, sent under the old name, went into the database");
      assertNull(
          Peer.connect(oldUri).db().entid(Keyword.of("load/id")),
          "and not into the database created under the old name since");

      String thirdUri = system.replace("*", "third-" + suffix);
      ChildJvm renamer =
          kept(
              ChildJvm.start(
                  cluster, List.of(), RenamePeerMain.class.getName(), newUri, "third-" + suffix));
      assertEquals(
          "renamed true",
          renamer.await(
              l -> l.startsWith("renamed ") || l.startsWith("error "), 120, "another's rename"));
      assertSame(fresh, followed(fresh, newUri), "the transactor's notice renamed it here");
      assertSame(fresh, Peer.connect(thirdUri));
      await(fresh.transact("[{:n/v 5}]"));

      Anomaly taken = failure(() -> Peer.renameDatabase(thirdUri, "other-" + suffix));
      assertEquals(Category.CONFLICT, taken.category());
      Anomaly missing =
          failure(
              () -> Peer.renameDatabase(system.replace("*", "none-" + suffix), "gone-" + suffix));
      assertEquals(Category.NOT_FOUND, missing.category());
      assertTrue(
          Peer.renameDatabase(otherUri, "fourth-" + suffix), "one the transactor never opened");
      names = Peer.getDatabaseNames(system);
      assertTrue(
          names.containsAll(List.of("third-" + suffix, "fourth-" + suffix)), names.toString());
      assertFalse(names.contains("other-" + suffix) || names.contains("gone-" + suffix));
      assertEquals(
          5L, Peer.q("[:find (count ?v) . :where [_ :n/v ?v]]", Peer.connect(thirdUri).db()));

      for (String n : List.of(oldUri, thirdUri, system.replace("*", "fourth-" + suffix))) {
        Peer.deleteDatabase(n);
      }
    } finally {
      System.clearProperty("vertomic.cluster.name");
    }
  }

  // the notice reaches this peer asynchronously: it is applied on the connection's own thread, as
  // the syncs are, so one of them comes after it
  private static Connection followed(Connection c, String oldUri) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      await(c.sync());
      try {
        Peer.connect(oldUri);
      } catch (Anomaly a) {
        assertEquals(Category.NOT_FOUND, a.category());
        return c;
      }
    }
    throw new AssertionError("the connection still goes by " + oldUri);
  }

  private static Anomaly failure(Runnable r) {
    return assertThrows(Anomaly.class, r::run);
  }
}
