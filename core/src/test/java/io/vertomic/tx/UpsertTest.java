package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import io.vertomic.peer.TxReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code :db.unique/identity}: a tempid with an existing identity value is that entity. */
class UpsertTest {
  private static final List<String> IVAN = List.of(":person/email", "ivan@x");

  @Test
  void upsertByIdentityResolvesTempidToExistingEntity() {
    Connection conn = People.withData();
    long ivan = conn.db().entid(IVAN);
    TxReport r = tx(conn, "[{:db/id \"i\" :person/email \"ivan@x\" :person/age 31}]");
    assertEquals(ivan, Facts.id(r, "i"));
    assertEquals(List.of(31L), Facts.values(conn.db(), ivan, ":person/age"));
  }

  @Test
  void mapFormWithoutDbIdUpsertsToo() {
    Connection conn = People.withData();
    long ivan = conn.db().entid(IVAN);
    long before = conn.db().datomCount();
    tx(conn, "[{:person/email \"ivan@x\" :person/name \"Ivan Petrov\"}]");
    assertEquals("Ivan Petrov", Facts.value(conn.db(), ivan, ":person/name"));
    assertEquals(before + 1, conn.db().datomCount(), "one name replaced, one tx instant added");
  }

  @Test
  void listFormTempidUpserts() {
    Connection conn = People.withData();
    long ivan = conn.db().entid(IVAN);
    TxReport r =
        tx(conn, "[[:db/add \"i\" :person/email \"ivan@x\"] [:db/add \"i\" :person/age 40]]");
    assertEquals(ivan, Facts.id(r, "i"));
    assertEquals(40L, Facts.value(conn.db(), ivan, ":person/age"));
  }

  @Test
  void upsertedTempidUsedAsAReferenceRefersToTheExistingEntity() {
    Connection conn = People.withData();
    long ivan = conn.db().entid(IVAN);
    TxReport r =
        tx(
            conn,
            "[{:db/id \"i\" :person/email \"ivan@x\"}"
                + " {:db/id \"p\" :person/name \"Pyotr\" :person/friend \"i\"}]");
    assertEquals(ivan, Facts.value(conn.db(), Facts.id(r, "p"), ":person/friend"));
  }

  @Test
  void upsertingEntityStillReportsRedundantIdentityAsNoDatom() {
    Connection conn = People.withData();
    TxReport r = tx(conn, "[{:db/id \"i\" :person/email \"ivan@x\"}]");
    assertEquals(1, r.txData().size(), "only the tx instant");
  }

  @Test
  void twoTempidsUpsertingOnTheSameNewIdentityValueBecomeOneEntity() {
    Connection conn = People.withData();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"a\" :person/email \"new@x\" :person/name \"New\"}"
                + " {:db/id \"b\" :person/email \"new@x\" :person/age 5}]");
    assertEquals(Facts.id(r, "a"), Facts.id(r, "b"));
    Facts.assertFacts(
        conn.db(),
        Facts.id(r, "a"),
        "[[:person/age 5] [:person/email \"new@x\"] [:person/name \"New\"]]");
  }

  @Test
  void tempidsUnifyThroughAChainOfIdentityValues() {
    Connection conn = People.withData();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"a\" :person/email \"a@x\"}"
                + " {:db/id \"b\" :person/handle \"bee\"}"
                + " {:db/id \"c\" :person/handle \"bee\" :person/email \"a@x\"}]");
    assertEquals(Facts.id(r, "a"), Facts.id(r, "b"));
    assertEquals(Facts.id(r, "a"), Facts.id(r, "c"));
    Facts.assertFacts(
        conn.db(), Facts.id(r, "a"), "[[:person/email \"a@x\"] [:person/handle \"bee\"]]");
  }

  @Test
  void tempidUnifiesWithATempidThatUpsertedToAnExistingEntity() {
    Connection conn = People.withData();
    long ivan = conn.db().entid(IVAN);
    TxReport r =
        tx(
            conn,
            "[{:db/id \"a\" :person/email \"ivan@x\" :person/handle \"vanya\"}"
                + " {:db/id \"b\" :person/handle \"vanya\" :person/age 33}]");
    assertEquals(ivan, Facts.id(r, "a"));
    assertEquals(ivan, Facts.id(r, "b"));
    assertEquals(33L, Facts.value(conn.db(), ivan, ":person/age"));
  }

  @Test
  void upsertResolvesThroughAReferenceIdentityValue() {
    Connection conn =
        People.withSchemaAnd(
            "[{:db/ident :account/owner :db/valueType :db.type/ref"
                + " :db/cardinality :db.cardinality/one :db/unique :db.unique/identity}"
                + " {:db/ident :account/balance :db/valueType :db.type/long"
                + " :db/cardinality :db.cardinality/one}]");
    tx(conn, People.DATA);
    long acct =
        Facts.id(
            tx(
                conn,
                "[{:db/id \"acc\" :account/owner [:person/email \"ivan@x\"] :account/balance 1}]"),
            "acc");
    TxReport r =
        tx(
            conn,
            "[{:db/id \"again\" :account/owner [:person/email \"ivan@x\"] :account/balance 2}]");
    assertEquals(acct, Facts.id(r, "again"));
    assertEquals(2L, Facts.value(conn.db(), acct, ":account/balance"));
  }

  @Test
  void differentIdentityValuesMakeDifferentEntities() {
    Connection conn = People.withData();
    TxReport r =
        tx(conn, "[{:db/id \"a\" :person/email \"a@x\"} {:db/id \"b\" :person/email \"b@x\"}]");
    assertNotEquals(Facts.id(r, "a"), Facts.id(r, "b"));
  }

  @Test
  void tempidMatchingTwoExistingEntitiesConflicts() {
    assertRejected(
        People.withData(),
        "[{:db/id \"x\" :person/email \"ivan@x\" :person/handle \"oleg\"}]",
        Category.CONFLICT,
        "\"x\"",
        ":person/handle");
  }

  @Test
  void explicitEntityTakingAnotherEntitysIdentityValueConflicts() {
    assertRejected(
        People.withData(),
        "[[:db/add [:person/email \"oleg@x\"] :person/handle \"ivan\"]]",
        Category.CONFLICT,
        ":person/handle",
        "\"ivan\"");
  }
}
