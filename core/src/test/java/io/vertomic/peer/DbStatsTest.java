package io.vertomic.peer;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.datom.Datom;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.TestDb;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Database.dbStats} and {@code Database.nextT}, as Datomic's {@code db-stats}/{@code
 * next-t}.
 */
class DbStatsTest {
  private static final Keyword DATOMS = Keyword.of("datoms");
  private static final Keyword ATTRS = Keyword.of("attrs");

  @Test
  void statsCountEveryAssertionAndRetractionPerAttribute() {
    Connection conn =
        TestDb.withSchema(
            "[{:db/ident :p/age :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    long a = tx(conn, "[{:db/id \"a\" :p/age 3} {:p/age 5}]").tempids().get("a");
    tx(conn, "[[:db/retract " + a + " :p/age 3]]");
    Database db = conn.db();
    Map<Keyword, Object> stats = db.dbStats();
    Map<?, ?> attrs = (Map<?, ?>) stats.get(ATTRS);
    // age 3 asserted then retracted (2 datoms), age 5 (1): history, as Datomic counts
    assertEquals(Edn.read("{:count 3}"), attrs.get(Keyword.of("p/age")));
    long sum = 0;
    for (Object v : attrs.values()) {
      sum += (Long) ((Map<?, ?>) v).get(Keyword.of("count"));
    }
    assertEquals(sum, stats.get(DATOMS));
    long history = 0;
    for (Datom ignored : db.history().datoms(":eavt")) {
      history++;
    }
    assertEquals(history, stats.get(DATOMS));
    assertEquals(stats, db.asOf(db.basisT() - 1).dbStats(), "the same whatever the view");
  }

  @Test
  void statsLeaveOutAttributesWithoutDatoms() {
    Connection conn =
        TestDb.withSchema(
            "[{:db/ident :p/unused :db/valueType :db.type/long"
                + " :db/cardinality :db.cardinality/one}]");
    Map<?, ?> attrs = (Map<?, ?>) conn.db().dbStats().get(ATTRS);
    assertTrue(!attrs.containsKey(Keyword.of("p/unused")));
    assertTrue(attrs.containsKey(Keyword.of("db/ident")));
  }

  @Test
  void nextTIsTheTTheNextTransactionGets() {
    Connection conn =
        TestDb.withSchema(
            "[{:db/ident :p/age :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    Database before = conn.db();
    assertTrue(before.nextT() > before.basisT());
    assertEquals(before.nextT(), before.asOf(before.basisT() - 1).nextT());
    TxReport r = tx(conn, "[{:p/age 1}]");
    assertEquals(before.nextT(), r.dbAfter().basisT());
  }
}
