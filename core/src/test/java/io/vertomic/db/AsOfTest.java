package io.vertomic.db;

import static io.vertomic.fixtures.DatomRows.assertEdn;
import static io.vertomic.fixtures.DatomRows.av;
import static io.vertomic.fixtures.DatomRows.list;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.Times;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code asOf}: the database as it was at a point in time, given as a {@code t}, a tx id or a date;
 * the transaction at that point is included.
 */
class AsOfTest {
  private Connection conn;
  private long ivan;
  private TxReport created;
  private TxReport renamed;
  private TxReport retracted;

  @BeforeEach
  void ivanRenamedThenRetracted() {
    conn = People.schema();
    created =
        tx(
            conn,
            "[{:db/id \"ivan\" :person/name \"Ivan\" :person/email \"ivan@x\""
                + " :person/aliases [\"Vanya\"]}"
                + " {:db/id \"datomic.tx\" :db/txInstant #inst \"2100-01-01T00:00:00Z\"}]");
    ivan = Facts.id(created, "ivan");
    renamed =
        tx(
            conn,
            "[[:db/add \"ivan@x\" :person/name \"Ivan II\"]"
                    .replace("\"ivan@x\"", "[:person/email \"ivan@x\"]")
                + " [:db/add \"datomic.tx\" :db/txInstant #inst \"2100-01-02T00:00:00Z\"]]");
    retracted =
        tx(
            conn,
            "[[:db/retract [:person/email \"ivan@x\"] :person/aliases \"Vanya\"]"
                + " [:db/add \"datomic.tx\" :db/txInstant #inst \"2100-01-03T00:00:00Z\"]]");
  }

  private List<List<Object>> ivanAsOf(Object t) {
    Database db = conn.db().asOf(t);
    return av(db, db.datoms(":eavt", ivan));
  }

  @Test
  void asOfATIncludesTheTransactionAtT() {
    assertEdn(
        "[[:person/name \"Ivan II\"] [:person/email \"ivan@x\"] [:person/aliases \"Vanya\"]]",
        ivanAsOf(Times.t(renamed)));
  }

  @Test
  void asOfAnEarlierTShowsTheEarlierValue() {
    assertEdn(
        "[[:person/name \"Ivan\"] [:person/email \"ivan@x\"] [:person/aliases \"Vanya\"]]",
        ivanAsOf(Times.t(created)));
    assertEdn(
        "[[:person/name \"Ivan\"] [:person/email \"ivan@x\"] [:person/aliases \"Vanya\"]]",
        ivanAsOf(Times.t(renamed) - 1));
  }

  @Test
  void asOfBeforeTheEntityExistedShowsNothing() {
    assertEdn("[]", ivanAsOf(Times.t(created) - 1));
  }

  @Test
  void asOfTheLatestTIsTheCurrentDatabase() {
    Database db = conn.db();
    assertEquals(list(db.datoms(":eavt")), list(db.asOf(db.basisT()).datoms(":eavt")));
    assertEquals(list(db.datoms(":avet")), list(db.asOf(db.basisT() + 100).datoms(":avet")));
  }

  @Test
  void aTxIdNamesTheSameT() {
    assertEquals(ivanAsOf(Times.t(renamed)), ivanAsOf(Times.txId(renamed)));
    assertEquals(ivanAsOf(Times.t(created)), ivanAsOf(Times.txId(created)));
  }

  @Test
  void aDateNamesTheLastTransactionAtOrBeforeIt() {
    assertEquals(ivanAsOf(Times.t(renamed)), ivanAsOf(Times.instant(renamed)));
    Date between = new Date(Times.instant(renamed).getTime() + 3_600_000);
    assertEquals(ivanAsOf(Times.t(renamed)), ivanAsOf(between));
    Date justBefore = new Date(Times.instant(renamed).getTime() - 1);
    assertEquals(ivanAsOf(Times.t(created)), ivanAsOf(justBefore));
  }

  @Test
  void asOfKeepsTheBasisAndRemembersItsT() {
    Database db = conn.db();
    Database past = db.asOf(Times.t(created));
    assertEquals(db.basisT(), past.basisT());
    assertEquals(Times.t(created), past.asOfT());
    assertFalse(past.isHistory());
  }

  @Test
  void retractedFactsStillShowInEveryIndexAsOfBefore() {
    Database past = conn.db().asOf(Times.t(renamed));
    assertEquals(ivan, list(past.datoms(":avet", ":person/email", "ivan@x")).get(0).e());
    assertEquals(1, list(past.datoms(":aevt", ":person/aliases", ivan)).size());
    assertEquals(0, list(conn.db().datoms(":aevt", ":person/aliases", ivan)).size());
    assertEquals(list(past.datoms(":eavt")).size(), past.datomCount());
  }

  @Test
  void asOfAppliesToRefsInVaet() {
    TxReport r =
        tx(
            conn,
            "[{:db/id \"o\" :person/name \"Oleg\" :person/friend [:person/email \"ivan@x\"]}]");
    long oleg = Facts.id(r, "o");
    tx(conn, "[[:db/retract " + oleg + " :person/friend " + ivan + "]]");
    assertEquals(1, list(conn.db().asOf(Times.t(r)).datoms(":vaet", ivan)).size());
    assertEquals(0, list(conn.db().datoms(":vaet", ivan)).size());
  }

  @Test
  void entitiesAndPullReadTheAsOfValue() {
    Database past = conn.db().asOf(Times.t(created));
    assertEquals("Ivan", past.entity(ivan).get(":person/name"));
    assertEdn(
        "{:person/name \"Ivan\" :person/aliases [\"Vanya\"]}",
        past.pull("[:person/name :person/aliases]", ivan));
  }

  @Test
  void anUnreadablePointInTimeIsIncorrect() {
    Anomaly a = assertThrows(Anomaly.class, () -> conn.db().asOf("yesterday"));
    assertEquals(Category.INCORRECT, a.category());
  }
}
