package io.vertomic.db;

import static io.vertomic.fixtures.DatomRows.assertEdn;
import static io.vertomic.fixtures.DatomRows.av;
import static io.vertomic.fixtures.DatomRows.list;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.datom.Datom;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.Times;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code since}: only the current facts added after a point in time; the transaction at that point
 * is excluded.
 */
class SinceTest {
  private static final String IVAN = "[:person/email \"ivan@x\"]";

  private Connection conn;
  private long ivan;
  private TxReport created;
  private TxReport renamed;
  private TxReport aliased;

  @BeforeEach
  void ivanCreatedRenamedAliased() {
    conn = People.schema();
    created =
        tx(
            conn,
            "[{:db/id \"ivan\" :person/name \"Ivan\" :person/email \"ivan@x\"}"
                + " {:db/id \"datomic.tx\" :db/txInstant #inst \"2100-01-01T00:00:00Z\"}]");
    ivan = Facts.id(created, "ivan");
    renamed =
        tx(
            conn,
            "[[:db/add "
                + IVAN
                + " :person/name \"Ivan II\"]"
                + " [:db/add \"datomic.tx\" :db/txInstant #inst \"2100-01-02T00:00:00Z\"]]");
    aliased =
        tx(
            conn,
            "[[:db/add "
                + IVAN
                + " :person/aliases \"Vanya\"]"
                + " [:db/add \"datomic.tx\" :db/txInstant #inst \"2100-01-03T00:00:00Z\"]]");
  }

  private List<List<Object>> ivanSince(Database db) {
    return av(db, db.datoms(":eavt", ivan));
  }

  @Test
  void sinceTExcludesTheTransactionAtT() {
    assertEdn(
        "[[:person/name \"Ivan II\"] [:person/aliases \"Vanya\"]]",
        ivanSince(conn.db().since(Times.t(created))));
    assertEdn("[[:person/aliases \"Vanya\"]]", ivanSince(conn.db().since(Times.t(renamed))));
    assertEdn("[]", ivanSince(conn.db().since(Times.t(aliased))));
  }

  @Test
  void sinceAnEarlierTIncludesEverythingCurrent() {
    assertEdn(
        "[[:person/name \"Ivan II\"] [:person/email \"ivan@x\"] [:person/aliases \"Vanya\"]]",
        ivanSince(conn.db().since(Times.t(created) - 1)));
  }

  @Test
  void retractedFactsAreNotInASinceValue() {
    tx(conn, "[[:db/retract " + IVAN + " :person/aliases \"Vanya\"]]");
    assertEdn("[]", ivanSince(conn.db().since(Times.t(renamed))));
  }

  @Test
  void everyDatomOfASinceValueIsLaterThanT() {
    Database since = conn.db().since(Times.t(created));
    List<Datom> all = list(since.datoms(":eavt"));
    assertTrue(all.size() >= 3, () -> "datoms " + all);
    for (Datom d : all) {
      assertTrue(d.t() > Times.t(created), () -> "too early: " + d);
    }
    assertEquals(all.size(), since.datomCount());
    assertEquals(all.size(), list(since.datoms(":aevt")).size());
  }

  @Test
  void aTxIdOrADateNamesTheSameT() {
    Database db = conn.db();
    assertEquals(ivanSince(db.since(Times.t(created))), ivanSince(db.since(Times.txId(created))));
    assertEquals(
        ivanSince(db.since(Times.t(created))), ivanSince(db.since(Times.instant(created))));
  }

  @Test
  void sinceRemembersItsT() {
    Database since = conn.db().since(Times.t(renamed));
    assertEquals(Times.t(renamed), since.sinceT());
    assertEquals(conn.db().basisT(), since.basisT());
  }

  @Test
  void sinceAndAsOfTogetherGiveAWindow() {
    Database window = conn.db().since(Times.t(created)).asOf(Times.t(renamed));
    assertEdn("[[:person/name \"Ivan II\"]]", ivanSince(window));
    Database same = conn.db().asOf(Times.t(renamed)).since(Times.t(created));
    assertEquals(list(window.datoms(":eavt")), list(same.datoms(":eavt")));
  }

  @Test
  void theSchemaStillNamesAttributesInASinceValue() {
    Database since = conn.db().since(Times.t(aliased));
    assertEquals(
        io.vertomic.edn.Keyword.of("person/name"), since.attribute(":person/name").ident());
    assertEquals(List.of(), list(since.datoms(":aevt", ":person/name")));
  }

  @Test
  void anEntityOfASinceValueSeesOnlyTheNewFacts() {
    Database since = conn.db().since(Times.t(created));
    assertEquals("Ivan II", since.entity(ivan).get(":person/name"));
    assertNull(since.entity(ivan).get(":person/email"));
  }
}
