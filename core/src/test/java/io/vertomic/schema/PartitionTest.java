package io.vertomic.schema;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.TxReport;
import org.junit.jupiter.api.Test;

/**
 * Entity ids carry their partition: schema in :db.part/db, data in :db.part/user, txs in
 * :db.part/tx.
 */
class PartitionTest {

  @Test
  void newAttributesLiveInTheDbPartition() {
    Connection conn = People.schema();
    long attr = conn.db().entid(":person/name");
    assertEquals(EntityId.PART_DB, EntityId.partition(attr));
    assertEquals(0L, conn.db().entid(":db.part/db"));
  }

  @Test
  void attributesInstalledWithAStringTempidLiveInTheDbPartition() {
    Connection conn = TestDb.fresh();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"a\" :db/ident :x/y :db/valueType :db.type/long"
                + " :db/cardinality :db.cardinality/one}]");
    assertEquals(EntityId.PART_DB, EntityId.partition(Facts.id(r, "a")));
  }

  @Test
  void userEntitiesLiveInTheUserPartition() {
    Connection conn = People.schema();
    TxReport r = tx(conn, "[{:db/id \"p\" :person/name \"P\"} {:person/name \"Q\"}]");
    assertEquals(EntityId.PART_USER, EntityId.partition(Facts.id(r, "p")));
    for (Datom d : r.txData()) {
      if (!EntityId.isTx(d.e())) {
        assertEquals(EntityId.PART_USER, EntityId.partition(d.e()));
      }
    }
    assertEquals(EntityId.PART_USER, conn.db().entid(":db.part/user"));
  }

  @Test
  void transactionEntitiesLiveInTheTxPartition() {
    Connection conn = People.schema();
    TxReport r = tx(conn, "[{:person/name \"P\"}]");
    long tx = r.txData().get(0).tx();
    assertEquals(EntityId.PART_TX, EntityId.partition(tx));
    assertEquals(EntityId.PART_TX, conn.db().entid(":db.part/tx"));
    assertTrue(r.txData().stream().anyMatch(d -> d.e() == tx));
  }

  @Test
  void idsGrowWithTime() {
    Connection conn = People.schema();
    long first = Facts.id(tx(conn, "[{:db/id \"p\" :person/name \"P\"}]"), "p");
    long second = Facts.id(tx(conn, "[{:db/id \"q\" :person/name \"Q\"}]"), "q");
    assertTrue(second > first);
    long a1 = conn.db().entid(":person/name");
    tx(
        conn,
        "[{:db/ident :late/attr :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    assertTrue(conn.db().entid(":late/attr") > a1);
  }
}
