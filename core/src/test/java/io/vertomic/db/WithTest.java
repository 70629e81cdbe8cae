package io.vertomic.db;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code with}: the database as it would be after a transaction, without writing anything; the
 * report has the same shape, and a failure the same anomaly, as {@code transact}.
 */
class WithTest {
  private static final List<String> IVAN = List.of(":person/email", "ivan@x");

  @Test
  void withGivesTheValueAfterTheTransaction() {
    Connection conn = People.withData();
    Database db = conn.db();
    TxReport r = db.with("[[:db/add [:person/email \"ivan@x\"] :person/age 31]]");
    assertEquals(31L, Facts.value(r.dbAfter(), IVAN, ":person/age"));
    assertEquals(30L, Facts.value(r.dbBefore(), IVAN, ":person/age"));
    assertEquals(db.basisT(), r.dbBefore().basisT());
    assertTrue(r.dbAfter().basisT() > db.basisT());
    assertEquals(
        List.of(
            List.of(Keyword.of("person/age"), 31L, true),
            List.of(Keyword.of("person/age"), 30L, false)),
        Facts.txFacts(r.dbAfter(), r));
  }

  @Test
  void withWritesNothing() {
    Connection conn = People.withData();
    Database db = conn.db();
    List<?> datoms = TestDb.all(db);
    int logSize = count(conn);
    db.with("[{:person/name \"Petr\" :person/email \"petr@x\"}]");
    assertEquals(db.basisT(), conn.db().basisT());
    assertEquals(datoms, TestDb.all(conn.db()));
    assertEquals(datoms, TestDb.all(db));
    assertNull(conn.db().entid(List.of(":person/email", "petr@x")));
    assertEquals(logSize, count(conn));
  }

  private static int count(Connection conn) {
    int n = 0;
    for (var e : conn.log().txRange(null, null)) {
      n++;
    }
    return n;
  }

  @Test
  void withResolvesTempidsAsTransactWould() {
    Connection conn = People.withData();
    TxReport speculative = conn.db().with("[{:db/id \"petr\" :person/email \"petr@x\"}]");
    TxReport real = tx(conn, "[{:db/id \"petr\" :person/email \"petr@x\"}]");
    assertEquals(real.tempids(), speculative.tempids());
    assertEquals(real.dbAfter().basisT(), speculative.dbAfter().basisT());
    assertEquals(TestDb.all(real.dbAfter()).size(), TestDb.all(speculative.dbAfter()).size());
  }

  @Test
  void withOnAWithResultChains() {
    Connection conn = People.withData();
    TxReport first = conn.db().with("[{:db/id \"petr\" :person/email \"petr@x\"}]");
    TxReport second =
        first.dbAfter().with("[[:db/add [:person/email \"petr@x\"] :person/name \"Petr\"]]");
    long petr = Facts.id(first, "petr");
    assertEquals("Petr", Facts.value(second.dbAfter(), petr, ":person/name"));
    assertEquals(first.dbAfter().basisT(), second.dbBefore().basisT());
    assertTrue(second.dbAfter().basisT() > first.dbAfter().basisT());
    assertNull(Facts.value(first.dbAfter(), petr, ":person/name"));
    assertNull(conn.db().entid(List.of(":person/email", "petr@x")));
  }

  @Test
  void withTakesJavaListsAndMapsToo() {
    Connection conn = People.withData();
    TxReport r =
        conn.db()
            .with(
                List.of(
                    Map.of(
                        Keyword.of("db/id"), "petr",
                        Keyword.of("person/email"), "petr@x",
                        Keyword.of("person/follows"), List.of(IVAN))));
    long petr = Facts.id(r, "petr");
    Object followers = r.dbAfter().entity(IVAN).get(":person/_follows");
    assertEquals(2, ((java.util.Set<?>) followers).size(), () -> "followers " + followers);
    assertEquals("petr@x", Facts.value(r.dbAfter(), petr, ":person/email"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[[:db/add [:person/email \"oleg@x\"] :person/ssn \"111\"]]",
        "[[:db/cas [:person/email \"ivan@x\"] :person/age 29 31]]",
        "[[:db/add [:person/email \"ivan@x\"] :person/nope 1]]",
        "[[:db/add [:person/email \"ivan@x\"] :person/age \"thirty\"]]",
        "[[:db/add [:person/email \"nobody@x\"] :person/age 1]]",
        "[[:db/add \"x\" :person/name]]",
        "[[:db/add",
      })
  void aFailureIsTheSameAnomalyAsTransactGives(String txData) {
    Connection conn = People.withData();
    Anomaly speculative = assertThrows(Anomaly.class, () -> conn.db().with(txData));
    Anomaly real = TestDb.assertRejected(conn, txData, speculative.category());
    assertEquals(real.getMessage(), speculative.getMessage());
    assertEquals(real.code(), speculative.code());
  }

  @Test
  void withOfNothingIsIncorrect() {
    Anomaly a = assertThrows(Anomaly.class, () -> People.withData().db().with(null));
    assertEquals(Category.INCORRECT, a.category());
  }

  @Test
  void withAnEmptyTransactionStillMakesATransaction() {
    Database db = People.withData().db();
    TxReport r = db.with("[]");
    assertEquals(1, r.txData().size(), "only the tx instant");
    assertTrue(r.dbAfter().basisT() > db.basisT());
  }
}
