package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertomic.wire.DbRoot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Connection.gcStorage} on a peer of a transactor system (PostgreSQL, the dev storage whose
 * files every process shares, Cassandra and ddb on dynalite): the transactor, which owns the index,
 * deletes the segments no index reaches that were written before the cut-off, none written after
 * it, and answers how many; the database reads the same afterwards.
 */
@Tag("slow") // child JVMs
class GcThroughTransactorTest extends MultiProcessTest {
  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sql", "dev", "cass", "ddb"})
  void theTransactorDeletesOnlyUnreachableSegmentsOlderThanTheCutOff(String storage)
      throws Exception {
    String cluster = "gc-" + UUID.randomUUID();
    String system = Systems.system(storage);
    String uri = system.replace("*", "gc-" + UUID.randomUUID().toString().substring(0, 8));
    assertTrue(Peer.createDatabase(uri));
    ChildJvm transactor = kept(Systems.transactor(cluster, system, 5000));
    transactor.await(l -> l.contains(" active epoch "), 120, "transactor activation");
    Peer.configure(Peer.options().setClusterName(cluster));
    Vertx vertx = Vertx.vertx();
    try {
      Connection conn = Peer.connect(uri);
      assertEquals("RemoteConnection", conn.getClass().getSimpleName());
      await(
          conn.transact(
              "[{:db/ident :person/name :db/valueType :db.type/string :db/cardinality"
                  + " :db.cardinality/one :db/unique :db.unique/identity}"
                  + " {:db/ident :person/age :db/valueType :db.type/long :db/cardinality"
                  + " :db.cardinality/one}]"));
      StringBuilder people = new StringBuilder("[");
      for (int i = 0; i < 3000; i++) {
        people.append("{:person/name \"p").append(i).append("\" :person/age ").append(i % 70);
        people.append('}');
      }
      await(conn.transact(people.append(']').toString()));
      Date beforeTheIndexes = new Date();
      await(conn.requestIndex());
      await(conn.transact("[{:person/name \"p1\" :person/age 99}]"));
      await(conn.requestIndex());
      StorageUri parsed = StorageUri.parse(uri);
      Storage store =
          await(StorageUri.provider(storage, uri).open(vertx, parsed, Systems.storageSettings()));
      DbRoot root = DbRoot.decode(await(store.root("db/" + parsed.database())).value(), "root");
      String prefix = "seg/" + root.id() + "/";
      int before = await(store.keys(prefix)).size();

      assertEquals(0L, await(conn.gcStorage(beforeTheIndexes)), "none younger than the cut-off");
      assertEquals(before, await(store.keys(prefix)).size());
      long deleted = await(conn.gcStorage(new Date(System.currentTimeMillis() + 60_000)));
      assertTrue(deleted > 0 && deleted < before, deleted + " of " + before);
      assertEquals(before - deleted, await(store.keys(prefix)).size());
      assertEquals(0L, await(conn.gcStorage(new Date(System.currentTimeMillis() + 60_000))));
      await(store.close());

      Peer.shutdown();
      Connection fresh = Peer.connect(uri);
      assertEquals(
          List.of(3000L, 99L),
          Peer.q("[:find [(count ?e) (max ?a)] :where [?e :person/age ?a]]", fresh.db()));
      Peer.deleteDatabase(uri);
    } finally {
      Peer.configure(Peer.options().setClusterName(null));
      await(vertx.close());
    }
  }
}
