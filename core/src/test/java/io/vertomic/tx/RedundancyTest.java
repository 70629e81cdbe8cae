package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.datom.Datom;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.TxReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Redundant assertions are elided; retractions of facts that are not there are ignored. */
class RedundancyTest {

  private static void assertOnlyTxInstant(TxReport r) {
    List<Datom> data = r.txData();
    assertEquals(1, data.size(), () -> "tx data " + data);
    assertEquals(r.dbAfter().entid(":db/txInstant"), data.get(0).a());
  }

  @Test
  void redundantAssertionIsElided() {
    Connection conn = People.withData();
    assertOnlyTxInstant(tx(conn, "[[:db/add [:person/email \"ivan@x\"] :person/name \"Ivan\"]]"));
  }

  @Test
  void redundantCardinalityManyAssertionIsElided() {
    Connection conn = People.withData();
    assertOnlyTxInstant(
        tx(conn, "[{:db/id [:person/email \"ivan@x\"] :person/aliases [\"Vanya\"]}]"));
  }

  @Test
  void redundantReferenceAssertionByIdentIsElided() {
    Connection conn = People.withData();
    assertOnlyTxInstant(
        tx(conn, "[[:db/add [:person/email \"ivan@x\"] :person/color :color/red]]"));
  }

  @Test
  void retractionOfAnAbsentFactIsIgnored() {
    Connection conn = People.withData();
    assertOnlyTxInstant(
        tx(conn, "[[:db/retract [:person/email \"ivan@x\"] :person/name \"Ivan the Terrible\"]]"));
    assertEquals(
        "Ivan", Facts.value(conn.db(), List.of(":person/email", "ivan@x"), ":person/name"));
  }

  @Test
  void retractionOfAFactOfAnotherEntityIsIgnored() {
    Connection conn = People.withData();
    assertOnlyTxInstant(
        tx(conn, "[[:db/retract [:person/email \"oleg@x\"] :person/aliases \"Vanya\"]]"));
  }

  @Test
  void theSameAssertionTwiceInOneTransactionIsOneDatom() {
    Connection conn = People.schema();
    TxReport r =
        tx(conn, "[[:db/add \"p\" :person/aliases \"x\"] [:db/add \"p\" :person/aliases \"x\"]]");
    assertEquals(2, r.txData().size(), "one alias and the tx instant");
  }

  @Test
  void anEmptyTransactionStillRecordsItsInstant() {
    Connection conn = People.withData();
    long before = conn.db().basisT();
    TxReport r = tx(conn, "[]");
    assertOnlyTxInstant(r);
    assertEquals(true, conn.db().basisT() > before);
    assertEquals(TestDb.all(r.dbBefore()).size() + 1, TestDb.all(r.dbAfter()).size());
  }
}
