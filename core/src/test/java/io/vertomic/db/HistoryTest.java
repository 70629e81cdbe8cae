package io.vertomic.db;

import static io.vertomic.fixtures.DatomRows.assertEdn;
import static io.vertomic.fixtures.DatomRows.list;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.Times;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code history}: every assertion and retraction of all time, each datom with its {@code added}
 * flag and the transaction that made it; combined with {@code asOf} and {@code since}.
 */
class HistoryTest {
  private static final String IVAN = "[:person/email \"ivan@x\"]";

  private Connection conn;
  private long ivan;
  private long t1;
  private long t2;
  private long t3;
  private long t4;

  /** t1 Ivan and alias Vanya, t2 renamed, t3 alias retracted, t4 alias asserted again. */
  @BeforeEach
  void ivansLife() {
    conn = People.schema();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"ivan\" :person/name \"Ivan\" :person/email \"ivan@x\""
                + " :person/aliases [\"Vanya\"]}]");
    ivan = Facts.id(r, "ivan");
    t1 = Times.t(r);
    t2 = Times.t(tx(conn, "[[:db/add " + IVAN + " :person/name \"Ivan II\"]]"));
    t3 = Times.t(tx(conn, "[[:db/retract " + IVAN + " :person/aliases \"Vanya\"]]"));
    t4 = Times.t(tx(conn, "[[:db/add " + IVAN + " :person/aliases \"Vanya\"]]"));
  }

  /** {@code [v t added]} for each datom of ivan's {@code attr} in {@code db}. */
  private List<List<Object>> life(Database db, String attr) {
    List<List<Object>> out = new ArrayList<>();
    for (Datom d : db.datoms(":eavt", ivan, attr)) {
      out.add(List.of(d.v(), d.t(), d.added()));
    }
    return out;
  }

  private String rows(String edn) {
    return edn.replace("t1", "" + t1)
        .replace("t2", "" + t2)
        .replace("t3", "" + t3)
        .replace("t4", "" + t4);
  }

  @Test
  void historyHoldsAssertionsAndRetractionsWithTheirFlag() {
    Database h = conn.db().history();
    assertTrue(h.isHistory());
    assertEdn(
        rows("[[\"Ivan\" t1 true] [\"Ivan\" t2 false] [\"Ivan II\" t2 true]]"),
        life(h, ":person/name"));
    assertEdn(
        rows("[[\"Vanya\" t1 true] [\"Vanya\" t3 false] [\"Vanya\" t4 true]]"),
        life(h, ":person/aliases"));
  }

  @Test
  void aRetractionCarriesTheRetractingTransaction() {
    Datom retraction =
        list(conn.db().history().datoms(":eavt", ivan, ":person/aliases")).stream()
            .filter(d -> !d.added())
            .findFirst()
            .orElseThrow();
    assertEquals(t3, retraction.t());
    assertEquals(io.vertomic.datom.EntityId.tToTx(t3), retraction.tx());
  }

  @Test
  void historyAsOfStopsAtT() {
    Database h = conn.db().asOf(t2).history();
    assertEdn(rows("[[\"Vanya\" t1 true]]"), life(h, ":person/aliases"));
    assertEdn(
        rows("[[\"Ivan\" t1 true] [\"Ivan\" t2 false] [\"Ivan II\" t2 true]]"),
        life(h, ":person/name"));
    assertEquals(life(h, ":person/aliases"), life(conn.db().history().asOf(t2), ":person/aliases"));
  }

  @Test
  void historySinceStartsAfterT() {
    Database h = conn.db().since(t1).history();
    assertEdn(rows("[[\"Ivan\" t2 false] [\"Ivan II\" t2 true]]"), life(h, ":person/name"));
    assertEdn(rows("[[\"Vanya\" t3 false] [\"Vanya\" t4 true]]"), life(h, ":person/aliases"));
    assertEquals(life(h, ":person/name"), life(conn.db().history().since(t1), ":person/name"));
  }

  @Test
  void historySinceAndAsOfGiveAWindow() {
    Database h = conn.db().history().since(t2).asOf(t3);
    assertEdn(rows("[[\"Vanya\" t3 false]]"), life(h, ":person/aliases"));
    assertEdn("[]", life(h, ":person/name"));
  }

  @Test
  void retractEntityShowsInTheHistoryOfEveryIndex() {
    TxReport o = tx(conn, "[{:db/id \"o\" :person/email \"oleg@x\" :person/friend " + IVAN + "}]");
    long oleg = Facts.id(o, "o");
    long t6 = Times.t(tx(conn, "[[:db/retractEntity " + IVAN + "]]"));
    Database h = conn.db().history();
    List<Datom> emails = list(h.datoms(":avet", ":person/email", "ivan@x"));
    assertEquals(2, emails.size(), () -> "" + emails);
    assertFalse(emails.get(1).added());
    assertEquals(t6, emails.get(1).t());
    List<Datom> refs = list(h.datoms(":vaet", ivan, ":person/friend"));
    assertEquals(List.of(true, false), refs.stream().map(Datom::added).toList());
    assertEquals(oleg, refs.get(1).e());
    assertEquals(List.of(), list(conn.db().datoms(":vaet", ivan)));
    List<Datom> aevt = list(h.datoms(":aevt", ":person/name", ivan));
    assertEquals(4, aevt.size(), () -> "" + aevt);
  }

  @Test
  void historyIsSortedByIndexThenTxWithAssertionsFirst() {
    Database h = conn.db().history();
    for (IndexOrder o : IndexOrder.values()) {
      List<Datom> ds = list(h.datoms(o.keyword()));
      for (int i = 1; i < ds.size(); i++) {
        assertTrue(o.historyComparator().compare(ds.get(i - 1), ds.get(i)) < 0, o + " at " + i);
      }
    }
  }

  @Test
  void historyHasMoreDatomsThanTheCurrentValue() {
    Database db = conn.db();
    long retractions = list(db.history().datoms(":eavt")).stream().filter(d -> !d.added()).count();
    assertEquals(2, retractions);
    assertEquals(db.datomCount() + 2 * retractions, db.history().datomCount());
  }

  @Test
  void aNoHistoryAttributeKeepsOnlyItsCurrentDatom() {
    tx(
        conn,
        "[{:db/ident :person/visits :db/valueType :db.type/long"
            + " :db/cardinality :db.cardinality/one :db/noHistory true}]");
    tx(conn, "[[:db/add " + IVAN + " :person/visits 1]]");
    long t = Times.t(tx(conn, "[[:db/add " + IVAN + " :person/visits 2]]"));
    tx(conn, "[[:db/add " + IVAN + " :person/visits 3]]");
    assertEdn("[[3 " + (t + 1) + " true]]", life(conn.db().history(), ":person/visits"));
    assertEdn("[]", life(conn.db().asOf(t), ":person/visits"));
  }
}
