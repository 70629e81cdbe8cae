package io.vertomic.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.peer.impl.Catalog;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A peer whose object cache is 64 MB queries a database of a million datoms, far larger than the
 * cache once decoded, and the cache never holds more than its budget.
 */
class ObjectCacheBudgetTest {
  private static final long BUDGET = 64L * 1024 * 1024;
  private static final int PEOPLE = 250_000;
  private final String uri = "vertomic:kept://big-" + UUID.randomUUID();

  @AfterEach
  void cleanUp() {
    Peer.deleteDatabase(uri);
    Peer.shutdown();
    Peer.configure(Peer.options().setObjectCacheBytes(0));
  }

  @Test
  void queriesOverAMillionDatomsStayWithinA64MegabyteCache() throws Exception {
    Peer.shutdown();
    Peer.configure(Peer.options().setObjectCacheBytes(BUDGET));
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(
        c,
        "[{:db/ident :person/id :db/valueType :db.type/long :db/cardinality :db.cardinality/one"
            + " :db/unique :db.unique/identity}"
            + " {:db/ident :person/name :db/valueType :db.type/string :db/cardinality"
            + " :db.cardinality/one}"
            + " {:db/ident :person/age :db/valueType :db.type/long :db/cardinality"
            + " :db.cardinality/one :db/index true}"
            + " {:db/ident :person/email :db/valueType :db.type/string :db/cardinality"
            + " :db.cardinality/one}]");
    for (int from = 0; from < PEOPLE; from += 10_000) {
      StringBuilder b = new StringBuilder("[");
      for (int i = from; i < from + 10_000; i++) {
        b.append("{:person/id ").append(i).append(" :person/name \"person number ").append(i);
        b.append("\" :person/age ").append(i % 97).append(" :person/email \"p").append(i);
        b.append("@example.com\"}");
      }
      tx(c, b.append(']').toString());
    }
    c.requestIndex().toCompletionStage().toCompletableFuture().get(300, TimeUnit.SECONDS);
    Peer.shutdown();
    Database db = Peer.connect(uri).db();
    assertTrue(db.basisT() > 0);

    Object count = Peer.q("[:find (count ?e) . :where [?e :person/name]]", db);
    assertEquals((long) PEOPLE, count);
    assertWithinBudget();
    Object ages = Peer.q("[:find (sum ?a) . :where [?e :person/age ?a]]", db);
    assertTrue((Long) ages > 0);
    assertWithinBudget();
    long datoms = 0;
    for (var ignored : db.datoms(":eavt")) {
      datoms++;
    }
    assertTrue(datoms > 1_000_000, datoms + " datoms");
    assertTrue(assertWithinBudget().heldBytes() > BUDGET * 3 / 4, "a full scan fills the cache");
    for (int i = 0; i < 2_000; i += 7) {
      Object name =
          Peer.q(
              "[:find ?n . :in $ ?id :where [?e :person/id ?id] [?e :person/name ?n]]",
              db,
              (long) i);
      assertEquals("person number " + i, name);
    }
    assertWithinBudget();
  }

  private Catalog.CacheStats assertWithinBudget() {
    Catalog.CacheStats s = Catalog.instance().cacheStats(uri);
    assertEquals(BUDGET, s.budgetBytes());
    assertTrue(s.heldBytes() <= BUDGET, s.heldBytes() + " bytes held over a budget of " + BUDGET);
    return s;
  }

  private static void tx(Connection c, String edn) throws Exception {
    c.transact(edn).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
