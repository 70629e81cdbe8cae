package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code :db/retractEntity}: every fact of the entity, its components, and references to it. */
class RetractEntityTest {
  private static final List<String> IVAN = List.of(":person/email", "ivan@x");
  private static final List<String> OLEG = List.of(":person/email", "oleg@x");

  @Test
  void retractEntityRetractsEveryFactOfTheEntity() {
    Connection conn = People.withData();
    long ivan = conn.db().entid(IVAN);
    tx(conn, "[[:db/retractEntity [:person/email \"ivan@x\"]]]");
    Facts.assertFacts(conn.db(), ivan, "[]");
    assertNull(conn.db().entid(IVAN));
  }

  @Test
  void retractEntityRetractsReferencesPointingAtTheEntity() {
    Connection conn = People.withData();
    tx(conn, "[[:db/retractEntity [:person/email \"ivan@x\"]]]");
    assertEquals(List.of(), Facts.values(conn.db(), OLEG, ":person/follows"));
    assertEquals("Oleg", Facts.value(conn.db(), OLEG, ":person/name"));
  }

  @Test
  void retractEntityFollowsComponentsAllTheWayDown() {
    Connection conn = People.schema();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"p\" :person/name \"P\" :person/address {:address/street \"Main\""
                + " :address/geo {:geo/lat 1.0}} :person/pets [{:pet/name \"Rex\"}]}]");
    Database before = conn.db();
    long p = Facts.id(r, "p");
    Object address = Facts.value(before, p, ":person/address");
    Object geo = Facts.value(before, address, ":address/geo");
    Object rex = Facts.value(before, p, ":person/pets");
    tx(conn, "[[:db/retractEntity " + p + "]]");
    Database after = conn.db();
    for (Object e : List.of(p, address, geo, rex)) {
      Facts.assertFacts(after, e, "[]");
    }
  }

  @Test
  void retractEntityDoesNotFollowNonComponentReferences() {
    Connection conn = People.withData();
    tx(conn, "[[:db/retractEntity [:person/email \"ivan@x\"]]]");
    assertEquals("oleg@x", Facts.value(conn.db(), OLEG, ":person/email"));
  }

  @Test
  void dbFnRetractEntityIsTheSameOperation() {
    Connection conn = People.withData();
    long oleg = conn.db().entid(OLEG);
    tx(conn, "[[:db.fn/retractEntity " + oleg + "]]");
    Facts.assertFacts(conn.db(), oleg, "[]");
    assertEquals(List.of(), Facts.values(conn.db(), IVAN, ":person/friend"));
  }

  @Test
  void retractEntityReportsEveryRetraction() {
    Connection conn = People.withData();
    TxReport r = tx(conn, "[[:db/retractEntity [:person/email \"oleg@x\"]]]");
    // Oleg's 6 facts and Ivan's :person/friend pointing at him.
    assertEquals(7, Facts.txFacts(r.dbAfter(), r).size());
    assertEquals(
        true,
        r.txData().stream()
            .filter(d -> d.a() != conn.db().entid(":db/txInstant"))
            .noneMatch(d -> d.added()));
  }

  @Test
  void retractEntityOfALookupRefToNothingRetractsNothingAsInDatomic() {
    Connection conn = People.withData();
    long before = conn.db().datomCount();
    TxReport r = tx(conn, "[[:db/retractEntity [:person/email \"nobody@x\"]]]");
    assertEquals(before + 1, conn.db().datomCount(), "only the transaction's :db/txInstant");
    assertEquals(1, r.txData().size());
  }
}
