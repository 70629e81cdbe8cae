package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import io.vertomic.peer.TxReport;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** String tempids: one new entity per distinct string, reported in {@code tempids}. */
class TempidTest {

  @Test
  void stringTempidsAreReportedWithTheirEntityIds() {
    Connection conn = People.schema();
    TxReport r =
        tx(
            conn,
            "[[:db/add \"ivan\" :person/name \"Ivan\"] {:db/id \"oleg\" :person/name \"Oleg\"}]");
    assertEquals(Set.of("ivan", "oleg"), r.tempids().keySet());
    Facts.assertFacts(conn.db(), Facts.id(r, "ivan"), "[[:person/name \"Ivan\"]]");
    Facts.assertFacts(conn.db(), Facts.id(r, "oleg"), "[[:person/name \"Oleg\"]]");
  }

  @Test
  void theSameTempidInSeveralStatementsIsOneEntity() {
    Connection conn = People.schema();
    TxReport r =
        tx(conn, "[[:db/add \"ivan\" :person/name \"Ivan\"] [:db/add \"ivan\" :person/age 30]]");
    Facts.assertFacts(conn.db(), Facts.id(r, "ivan"), "[[:person/age 30] [:person/name \"Ivan\"]]");
  }

  @Test
  void distinctTempidsAreDistinctEntities() {
    Connection conn = People.schema();
    TxReport r =
        tx(conn, "[[:db/add \"a\" :person/name \"X\"] [:db/add \"b\" :person/name \"X\"]]");
    assertNotEquals(Facts.id(r, "a"), Facts.id(r, "b"));
  }

  @Test
  void tempidAsAReferenceValueRefersToTheEntityItNames() {
    Connection conn = People.schema();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"ivan\" :person/name \"Ivan\" :person/friend \"oleg\"}"
                + " {:db/id \"oleg\" :person/name \"Oleg\"}]");
    assertEquals(
        Facts.id(r, "oleg"), Facts.value(conn.db(), Facts.id(r, "ivan"), ":person/friend"));
  }

  @Test
  void mapFormWithoutDbIdCreatesAnEntityThatIsNotReported() {
    Connection conn = People.schema();
    TxReport r = tx(conn, "[{:person/name \"Anonymous\"}]");
    assertEquals(Set.of(), r.tempids().keySet());
    assertEquals(2, r.txData().size(), "the name and the tx instant");
  }

  @Test
  void tempidsOfOneTransactionDoNotCarryOverToTheNext() {
    Connection conn = People.schema();
    long first = Facts.id(tx(conn, "[[:db/add \"x\" :person/name \"One\"]]"), "x");
    long second = Facts.id(tx(conn, "[[:db/add \"x\" :person/name \"Two\"]]"), "x");
    assertNotEquals(first, second);
  }

  @Test
  void tempidUsedOnlyInARetractionIsRejected() {
    assertRejected(
        People.withData(),
        "[[:db/retract \"ghost\" :person/name \"Ivan\"]]",
        Category.INCORRECT,
        "\"ghost\"");
  }

  @Test
  void tempidUsedOnlyAsAValueIsRejected() {
    assertRejected(
        People.withData(),
        "[[:db/add [:person/email \"ivan@x\"] :person/friend \"ghost\"]]",
        Category.INCORRECT,
        "\"ghost\"");
  }

  @Test
  void newEntityIdsAreAboveEveryExistingId() {
    Connection conn = People.withData();
    long max = 0;
    for (var d : conn.db().datoms(":eavt")) {
      max = Math.max(max, io.vertomic.datom.EntityId.counter(d.e()));
    }
    long fresh = Facts.id(tx(conn, "[[:db/add \"n\" :person/name \"N\"]]"), "n");
    assertFalse(io.vertomic.datom.EntityId.counter(fresh) <= max);
  }
}
