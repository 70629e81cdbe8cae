package io.vertomic.db;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.fixtures.DatomRows;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A database value is a snapshot: later transactions never change one already taken. */
class SnapshotTest {
  private static final String IVAN = "[:person/email \"ivan@x\"]";

  private static Map<String, List<Datom>> everyIndex(Database db) {
    return Map.of(
        "eavt", DatomRows.list(db.datoms(":eavt")),
        "aevt", DatomRows.list(db.datoms(":aevt")),
        "avet", DatomRows.list(db.datoms(":avet")),
        "vaet", DatomRows.list(db.datoms(":vaet")));
  }

  @Test
  void aDbTakenBeforeLaterTransactionsNeverChanges() {
    Connection conn = People.withData();
    Database before = conn.db();
    Map<String, List<Datom>> indexes = everyIndex(before);
    long basis = before.basisT();
    tx(conn, "[[:db/add " + IVAN + " :person/name \"Ivan II\"]]");
    tx(conn, "[[:db/retract " + IVAN + " :person/aliases \"Vanya\"]]");
    tx(conn, "[[:db/retractEntity [:person/email \"oleg@x\"]]]");
    tx(conn, "[{:person/name \"Petr\" :person/email \"petr@x\" :person/follows [" + IVAN + "]}]");
    assertEquals(basis, before.basisT());
    assertEquals(indexes, everyIndex(before));
    assertEquals("Ivan", Facts.value(before, List.of(":person/email", "ivan@x"), ":person/name"));
    assertNotEquals(indexes, everyIndex(conn.db()));
  }

  @Test
  void everyValueAlongTheWayKeepsItsOwnState() {
    Connection conn = TestDb.withSchema(People.SCHEMA);
    List<Database> dbs = new ArrayList<>();
    List<Map<String, List<Datom>>> seen = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tx(conn, "[{:person/email \"p@x\" :person/age " + i + " :person/aliases [\"a" + i + "\"]}]");
      dbs.add(conn.db());
      seen.add(everyIndex(conn.db()));
    }
    for (int i = 0; i < dbs.size(); i++) {
      assertEquals(seen.get(i), everyIndex(dbs.get(i)), "db " + i);
      assertEquals(
          (long) i, Facts.value(dbs.get(i), List.of(":person/email", "p@x"), ":person/age"));
      assertEquals(
          i + 1,
          Facts.values(dbs.get(i), List.of(":person/email", "p@x"), ":person/aliases").size());
    }
  }

  @Test
  void dbBeforeIsTheValueTheTransactionStartedFrom() {
    Connection conn = People.withData();
    Database before = conn.db();
    TxReport r = tx(conn, "[[:db/retractEntity " + IVAN + "]]");
    assertEquals(before.basisT(), r.dbBefore().basisT());
    assertEquals(TestDb.all(before), TestDb.all(r.dbBefore()));
    assertEquals(TestDb.all(conn.db()), TestDb.all(r.dbAfter()));
    assertEquals(
        "Ivan",
        r.dbBefore()
            .pull("[:person/name]", List.of(":person/email", "ivan@x"))
            .values()
            .iterator()
            .next());
  }

  @Test
  void aSchemaChangeLeavesEarlierValuesWithTheOldSchema() {
    Connection conn = People.withData();
    Database before = conn.db();
    tx(conn, "[{:db/id :person/age :db/index true}]");
    assertEquals(false, before.attribute(":person/age").indexed());
    assertThrows(Anomaly.class, () -> before.datoms(":avet", ":person/age"));
    assertEquals(2, DatomRows.list(conn.db().datoms(":avet", ":person/age")).size());
  }

  @Test
  void theConnectionsDbMovesOnButAnEntityDoesNot() {
    Connection conn = People.withData();
    var ivan = conn.db().entity(List.of(":person/email", "ivan@x"));
    tx(conn, "[[:db/retractEntity " + IVAN + "]]");
    assertEquals("Ivan", ivan.get(":person/name"));
    assertNull(conn.db().entity(List.of(":person/email", "ivan@x")));
  }

  @Test
  void basisTIsTheTOfTheLastTransaction() {
    Connection conn = People.schema();
    long previous = conn.db().basisT();
    for (int i = 0; i < 5; i++) {
      TxReport r = tx(conn, "[{:person/email \"p" + i + "@x\"}]");
      assertEquals(r.dbAfter().basisT(), conn.db().basisT());
      assertEquals(previous, r.dbBefore().basisT());
      assertEquals(r.dbAfter().basisT(), r.txData().get(0).t());
      assertTrue(r.dbAfter().basisT() > previous);
      previous = r.dbAfter().basisT();
    }
  }
}
