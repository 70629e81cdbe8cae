package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomalies;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.DbFn;
import io.vertomic.edn.Edn;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Database functions through a transactor (a child JVM on the dev storage, this JVM a peer): the
 * {@code #db/fn} value travels over the event bus and back in the tx report, and a call runs only
 * when the transactor's config turns database functions on.
 */
@Tag("slow") // child JVMs
class DatabaseFunctionsTransactorTest extends MultiProcessTest {
  private static final String SCHEMA =
      "[{:db/ident :n/v :db/valueType :db.type/long :db/cardinality :db.cardinality/one}"
          + " {:db/ident :n/name :db/valueType :db.type/string :db/cardinality"
          + " :db.cardinality/one :db/unique :db.unique/identity}"
          + " {:db/ident :n/inc :db/fn #db/fn {:lang \"java\" :params [db e]"
          + " :code \"Object v = ((io.vertomic.peer.Database) db).entity(e).get(\\\":n/v\\\");"
          + " return java.util.List.of(java.util.List.of(\\\":db/add\\\", e, \\\":n/v\\\","
          + " (Long) v + 1));\"}}]";

  private static TxReport tx(Connection c, String edn) throws Exception {
    try {
      return c.transact(edn).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw Anomalies.from(e.getCause());
    }
  }

  private ChildJvm transactor(String cluster, String system, boolean databaseFunctions)
      throws Exception {
    ChildJvm t =
        kept(
            Systems.transactor(
                cluster,
                system,
                5000,
                "\"txTimeoutMillis\": 10000, \"databaseFunctions\": " + databaseFunctions));
    t.await(l -> l.contains(" active epoch "), 120, "transactor activation");
    return t;
  }

  @Test
  void aTransactorWithDatabaseFunctionsOnRunsACallAndStoresTheValue() throws Exception {
    String cluster = "dbfn-" + UUID.randomUUID();
    String system = Systems.devSystem();
    String uri = system.replace("*", "dbfn-" + UUID.randomUUID().toString().substring(0, 8));
    assertTrue(Peer.createDatabase(uri));
    ChildJvm t = transactor(cluster, system, true);
    assertTrue(t.output().stream().anyMatch(l -> l.contains("(database functions on)")));
    System.setProperty("vertomic.cluster.name", cluster);
    try {
      Connection c = Peer.connect(uri);
      TxReport schema = tx(c, SCHEMA);
      DbFn inc = (DbFn) schema.dbAfter().entity(":n/inc").get(":db/fn");
      assertTrue(Edn.write(inc).startsWith("#db/fn{:lang :java"), Edn.write(inc));
      tx(c, "[{:n/name \"x\" :n/v 1}]");
      TxReport called = tx(c, "[[:n/inc [:n/name \"x\"]] [:n/inc [:n/name \"x\"]]]");
      assertEquals(2L, called.dbAfter().entity(List.of(":n/name", "x")).get(":n/v"));
      assertEquals(inc, c.db().entity(":n/inc").get(":db/fn"));
    } finally {
      System.clearProperty("vertomic.cluster.name");
    }
  }

  @Test
  void aTransactorWithTheDefaultConfigForbidsACallAndAppliesNothing() throws Exception {
    String cluster = "dbfn-off-" + UUID.randomUUID();
    String system = Systems.devSystem();
    String uri = system.replace("*", "dbfn-off-" + UUID.randomUUID().toString().substring(0, 8));
    assertTrue(Peer.createDatabase(uri));
    transactor(cluster, system, false);
    System.setProperty("vertomic.cluster.name", cluster);
    try {
      Connection c = Peer.connect(uri);
      tx(c, SCHEMA);
      tx(c, "[{:n/name \"x\" :n/v 1}]");
      long before = c.db().basisT();
      Anomaly a = null;
      try {
        tx(c, "[[:n/inc [:n/name \"x\"]]]");
      } catch (Anomaly e) {
        a = e;
      }
      assertTrue(a != null, "the call is refused");
      assertEquals(Category.FORBIDDEN, a.category());
      assertTrue(a.getMessage().contains(":n/inc"), a.getMessage());
      assertEquals(before, c.db().basisT());
      assertEquals(1L, c.db().entity(List.of(":n/name", "x")).get(":n/v"));
    } finally {
      System.clearProperty("vertomic.cluster.name");
    }
  }
}
