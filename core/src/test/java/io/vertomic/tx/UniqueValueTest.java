package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code :db.unique/value}: one entity per value, and no upsert. */
class UniqueValueTest {

  @Test
  void secondEntityWithTheSameUniqueValueConflicts() {
    assertRejected(
        People.withData(),
        "[{:person/name \"Impostor\" :person/ssn \"111\"}]",
        Category.CONFLICT,
        ":person/ssn",
        "\"111\"");
  }

  @Test
  void tempidWithAnExistingUniqueValueDoesNotUpsert() {
    assertRejected(
        People.withData(),
        "[{:db/id \"x\" :person/ssn \"222\" :person/age 50}]",
        Category.CONFLICT,
        ":person/ssn",
        "\"222\"");
  }

  @Test
  void twoNewEntitiesWithTheSameUniqueValueConflict() {
    assertRejected(
        People.withData(),
        "[{:person/name \"A\" :person/ssn \"333\"} {:person/name \"B\" :person/ssn \"333\"}]",
        Category.CONFLICT,
        ":person/ssn",
        "\"333\"");
  }

  @Test
  void existingEntityTakingAnotherEntitysValueConflicts() {
    assertRejected(
        People.withData(),
        "[[:db/add [:person/email \"oleg@x\"] :person/ssn \"111\"]]",
        Category.CONFLICT,
        ":person/ssn",
        "\"111\"");
  }

  @Test
  void uniqueValueCanMoveToAnotherEntityWhenRetractedInTheSameTransaction() {
    Connection conn = People.withData();
    tx(
        conn,
        "[[:db/retract [:person/email \"ivan@x\"] :person/ssn \"111\"]"
            + " [:db/add [:person/email \"oleg@x\"] :person/ssn \"111\"]]");
    long oleg = conn.db().entid(List.of(":person/email", "oleg@x"));
    assertEquals(oleg, conn.db().entid(List.of(":person/ssn", "111")));
  }

  @Test
  void entityReassertingItsOwnUniqueValueIsFine() {
    Connection conn = People.withData();
    assertEquals(
        1, tx(conn, "[[:db/add [:person/email \"ivan@x\"] :person/ssn \"111\"]]").txData().size());
  }

  @Test
  void uniqueValueIsALookupRef() {
    Connection conn = People.withData();
    long ivan = conn.db().entid(List.of(":person/email", "ivan@x"));
    assertEquals(ivan, conn.db().entid(List.of(":person/ssn", "111")));
    long n = Facts.id(tx(conn, "[{:db/id \"n\" :person/ssn \"333\"}]"), "n");
    assertNotEquals(ivan, n);
  }
}
