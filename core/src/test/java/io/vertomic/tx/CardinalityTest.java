package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.anomaly.Category;
import io.vertomic.edn.Edn;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import io.vertomic.peer.TxReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardinalityTest {
  private static final List<String> IVAN = List.of(":person/email", "ivan@x");

  @Test
  void cardinalityOneAssertionReplacesTheCurrentValue() {
    Connection conn = People.withData();
    TxReport r = tx(conn, "[[:db/add [:person/email \"ivan@x\"] :person/age 31]]");
    assertEquals(
        Edn.write(Edn.read("[[:person/age 31 true] [:person/age 30 false]]")),
        Edn.write(Facts.txFacts(r.dbAfter(), r)));
    assertEquals(List.of(31L), Facts.values(conn.db(), IVAN, ":person/age"));
  }

  @Test
  void cardinalityManyAssertionAddsToTheValues() {
    Connection conn = People.withData();
    tx(conn, "[[:db/add [:person/email \"ivan@x\"] :person/aliases \"Vanyusha\"]]");
    assertEquals(
        List.of("Vanechka", "Vanya", "Vanyusha"), Facts.values(conn.db(), IVAN, ":person/aliases"));
  }

  @Test
  void mapFormCollectionAssertsEachValueOfACardinalityManyAttribute() {
    Connection conn = People.schema();
    long v = Facts.id(tx(conn, "[{:db/id \"v\" :person/aliases [\"a\" \"b\"]}]"), "v");
    long s = Facts.id(tx(conn, "[{:db/id \"s\" :person/aliases #{\"c\" \"d\"}}]"), "s");
    long one = Facts.id(tx(conn, "[{:db/id \"o\" :person/aliases \"e\"}]"), "o");
    Facts.assertFacts(conn.db(), v, "[[:person/aliases \"a\"] [:person/aliases \"b\"]]");
    Facts.assertFacts(conn.db(), s, "[[:person/aliases \"c\"] [:person/aliases \"d\"]]");
    Facts.assertFacts(conn.db(), one, "[[:person/aliases \"e\"]]");
  }

  @Test
  void retractingOneValueOfACardinalityManyAttributeKeepsTheOthers() {
    Connection conn = People.withData();
    tx(conn, "[[:db/retract [:person/email \"ivan@x\"] :person/aliases \"Vanya\"]]");
    assertEquals(List.of("Vanechka"), Facts.values(conn.db(), IVAN, ":person/aliases"));
  }

  @Test
  void twoValuesForACardinalityOneAttributeInOneTransactionConflict() {
    assertRejected(
        People.withData(),
        "[[:db/add [:person/email \"ivan@x\"] :person/age 31]"
            + " [:db/add [:person/email \"ivan@x\"] :person/age 32]]",
        Category.CONFLICT,
        ":person/age",
        "31",
        "32");
  }

  @Test
  void theSameCardinalityOneValueTwiceInOneTransactionIsOneDatom() {
    Connection conn = People.withData();
    TxReport r =
        tx(
            conn,
            "[[:db/add [:person/email \"ivan@x\"] :person/age 31]"
                + " {:db/id [:person/email \"ivan@x\"] :person/age 31}]");
    assertEquals(
        Edn.write(Edn.read("[[:person/age 31 true] [:person/age 30 false]]")),
        Edn.write(Facts.txFacts(r.dbAfter(), r)));
  }
}
