package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.anomaly.Category;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import io.vertomic.peer.TxReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** List forms: {@code :db/add}, {@code :db/retract} with and without a value, idents. */
class ListFormTest {
  private static final List<String> IVAN = List.of(":person/email", "ivan@x");

  @Test
  void addAssertsAFact() {
    Connection conn = People.schema();
    TxReport r = tx(conn, "[[:db/add \"p\" :person/name \"P\"]]");
    Facts.assertFacts(conn.db(), Facts.id(r, "p"), "[[:person/name \"P\"]]");
  }

  @Test
  void retractRemovesAFact() {
    Connection conn = People.withData();
    TxReport r = tx(conn, "[[:db/retract [:person/email \"ivan@x\"] :person/age 30]]");
    assertEquals(
        Edn.write(Edn.read("[[:person/age 30 false]]")), Edn.write(Facts.txFacts(r.dbAfter(), r)));
    assertEquals(List.of(), Facts.values(conn.db(), IVAN, ":person/age"));
  }

  @Test
  void retractWithoutAValueRetractsEveryValueOfTheAttribute() {
    Connection conn = People.withData();
    TxReport r =
        tx(
            conn,
            "[[:db/retract [:person/email \"ivan@x\"] :person/aliases]"
                + " [:db/retract [:person/email \"ivan@x\"] :person/name]]");
    assertEquals(3, Facts.txFacts(r.dbAfter(), r).size());
    assertEquals(List.of(), Facts.values(conn.db(), IVAN, ":person/aliases"));
    assertEquals(List.of(), Facts.values(conn.db(), IVAN, ":person/name"));
    assertEquals(List.of("ivan@x"), Facts.values(conn.db(), IVAN, ":person/email"));
  }

  @Test
  void retractWithoutAValueOfAnAbsentAttributeDoesNothing() {
    Connection conn = People.withData();
    TxReport r = tx(conn, "[[:db/retract [:person/email \"oleg@x\"] :person/aliases]]");
    assertEquals(List.of(), Facts.txFacts(r.dbAfter(), r));
  }

  @Test
  void identNamesTheEntity() {
    Connection conn = People.schema();
    tx(conn, "[[:db/add :person/age :db/doc \"Years\"]]");
    assertEquals("Years", Facts.value(conn.db(), ":person/age", ":db/doc"));
  }

  @Test
  void keywordValueOfAReferenceNamesTheEnumEntity() {
    Connection conn = People.withData();
    tx(conn, "[[:db/add [:person/email \"ivan@x\"] :person/color :color/green]]");
    assertEquals(conn.db().entid(":color/green"), Facts.value(conn.db(), IVAN, ":person/color"));
    assertEquals(
        Keyword.of("color/green"), conn.db().ident(Facts.value(conn.db(), IVAN, ":person/color")));
  }

  @Test
  void retractOfAnEnumReferenceByIdent() {
    Connection conn = People.withData();
    tx(conn, "[[:db/retract [:person/email \"ivan@x\"] :person/color :color/red]]");
    assertEquals(List.of(), Facts.values(conn.db(), IVAN, ":person/color"));
  }

  @Test
  void javaListsWorkLikeEdn() {
    Connection conn = People.schema();
    TxReport r =
        tx(conn, List.of(List.of(Keyword.of("db/add"), "p", Keyword.of("person/name"), "P")));
    Facts.assertFacts(conn.db(), Facts.id(r, "p"), "[[:person/name \"P\"]]");
  }

  @Test
  void unknownOperationIsRejected() {
    assertRejected(
        People.withData(),
        "[[:db/assert \"p\" :person/name \"P\"]]",
        Category.INCORRECT,
        ":db/assert");
  }

  @Test
  void addWithTheWrongNumberOfArgumentsIsRejected() {
    assertRejected(
        People.withData(),
        "[[:db/add \"p\" :person/name]]",
        Category.INCORRECT,
        ":db/add",
        "takes 3 arguments, got 2");
  }

  @Test
  void unknownIdentAsEntityIsRejected() {
    assertRejected(
        People.withData(),
        "[[:db/add :no/such :person/name \"P\"]]",
        Category.INCORRECT,
        ":no/such");
  }

  @Test
  void unknownIdentAsReferenceValueIsRejected() {
    assertRejected(
        People.withData(),
        "[[:db/add [:person/email \"ivan@x\"] :person/color :color/purple]]",
        Category.INCORRECT,
        ":color/purple");
  }
}
