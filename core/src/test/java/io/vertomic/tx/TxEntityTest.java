package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import io.vertomic.peer.TxReport;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The transaction entity: {@code :db/txInstant}, and metadata through the "datomic.tx" tempid. */
class TxEntityTest {
  private static final String META =
      "[{:db/ident :tx/source :db/valueType :db.type/string :db/cardinality :db.cardinality/one}]";

  private static long txOf(TxReport r) {
    return EntityId.tToTx(r.dbAfter().basisT());
  }

  @Test
  void everyTransactionAssertsItsInstantOnItsOwnEntity() {
    Connection conn = People.schema();
    Date before = new Date();
    TxReport r = tx(conn, "[{:person/name \"P\"}]");
    long tx = txOf(r);
    Date instant = (Date) Facts.value(r.dbAfter(), tx, ":db/txInstant");
    assertFalse(instant.before(new Date(before.getTime() - 1000)), "instant is about now");
    for (Datom d : r.txData()) {
      assertEquals(tx, d.tx());
    }
  }

  @Test
  void txMetadataViaTheDatomicTxTempidInAMapForm() {
    Connection conn = People.withSchemaAnd(META);
    TxReport r = tx(conn, "[{:person/name \"P\"} {:db/id \"datomic.tx\" :tx/source \"import\"}]");
    assertEquals("import", Facts.value(conn.db(), txOf(r), ":tx/source"));
  }

  @Test
  void txMetadataViaTheDatomicTxTempidInAListForm() {
    Connection conn = People.withSchemaAnd(META);
    TxReport r = tx(conn, "[[:db/add \"datomic.tx\" :tx/source \"batch\"]]");
    assertEquals("batch", Facts.value(conn.db(), txOf(r), ":tx/source"));
  }

  @Test
  void datomicTxTempidAsAReferenceValueIsTheTransaction() {
    Connection conn = People.schema();
    TxReport r = tx(conn, "[{:db/id \"p\" :person/friend \"datomic.tx\"}]");
    assertEquals(txOf(r), Facts.value(conn.db(), Facts.id(r, "p"), ":person/friend"));
  }

  @Test
  void userSuppliedTxInstantIsKept() {
    Connection conn = People.schema();
    TxReport r =
        tx(
            conn,
            "[{:person/name \"P\"} {:db/id \"datomic.tx\" :db/txInstant #inst \"2030-01-01T00:00:00Z\"}]");
    assertEquals(new Date(1893456000000L), Facts.value(conn.db(), txOf(r), ":db/txInstant"));
    assertEquals(2, r.txData().size(), "one instant only");
  }

  @Test
  void txInstantEqualToThePreviousOneIsAllowed() {
    Connection conn = People.schema();
    tx(conn, "[[:db/add \"datomic.tx\" :db/txInstant #inst \"2030-01-01T00:00:00Z\"]]");
    TxReport r =
        tx(conn, "[[:db/add \"datomic.tx\" :db/txInstant #inst \"2030-01-01T00:00:00Z\"]]");
    assertEquals(new Date(1893456000000L), Facts.value(conn.db(), txOf(r), ":db/txInstant"));
  }

  @Test
  void laterTransactionsNeverGetAnEarlierInstant() {
    Connection conn = People.schema();
    tx(conn, "[[:db/add \"datomic.tx\" :db/txInstant #inst \"2100-01-01T00:00:00Z\"]]");
    TxReport r = tx(conn, "[{:person/name \"P\"}]");
    Date instant = (Date) Facts.value(conn.db(), txOf(r), ":db/txInstant");
    assertFalse(instant.before(new Date(4102444800000L)));
  }

  @Test
  void txInstantBeforeThePreviousOneIsRejected() {
    Connection conn = People.schema();
    tx(conn, "[{:person/name \"P\"}]");
    assertRejected(
        conn,
        "[[:db/add \"datomic.tx\" :db/txInstant #inst \"2001-01-01T00:00:00Z\"]]",
        Category.INCORRECT,
        "2001-01-01");
  }

  @Test
  void transactionIdLivesInTheTxPartitionAndCarriesItsT() {
    Connection conn = People.schema();
    TxReport r = tx(conn, "[{:person/name \"P\"}]");
    long tx = r.txData().get(0).tx();
    assertTrue(EntityId.isTx(tx));
    assertEquals(r.dbAfter().basisT(), EntityId.txToT(tx));
    assertTrue(r.dbAfter().basisT() > r.dbBefore().basisT());
  }
}
