package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Entity;
import io.vertomic.peer.TxReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code :db/isComponent}: entities owned by their parent, created nested, retracted with it. */
class ComponentTest {

  @Test
  void nestedMapUnderAComponentNeedsNoIdentity() {
    Connection conn = People.schema();
    TxReport r = tx(conn, "[{:db/id \"p\" :person/address {:address/street \"Main 1\"}}]");
    Entity address = (Entity) conn.db().entity(Facts.id(r, "p")).get(":person/address");
    assertEquals("Main 1", address.get(":address/street"));
  }

  @Test
  void eachNestedComponentIsANewEntity() {
    Connection conn = People.schema();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"a\" :person/address {:address/street \"Main 1\"}}"
                + " {:db/id \"b\" :person/address {:address/street \"Main 1\"}}]");
    Database db = conn.db();
    assertNotEquals(
        Facts.value(db, Facts.id(r, "a"), ":person/address"),
        Facts.value(db, Facts.id(r, "b"), ":person/address"));
  }

  @Test
  void componentIsReachableBackwardsFromTheChild() {
    Connection conn = People.schema();
    TxReport r = tx(conn, "[{:db/id \"p\" :person/pets [{:db/id \"rex\" :pet/name \"Rex\"}]}]");
    Object owners = conn.db().entity(Facts.id(r, "rex")).get(":person/_pets");
    // As in Datomic, a component has one owner: the reverse of a component attribute is an entity.
    assertEquals(conn.db().entity(Facts.id(r, "p")), owners);
  }

  @Test
  void pullOfTheParentWithStarIncludesTheComponents() {
    Connection conn = People.schema();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"p\" :person/name \"P\" :person/address {:address/street \"Main 1\"}}]");
    Map<?, ?> pulled = conn.db().pull("[*]", Facts.id(r, "p"));
    Map<?, ?> address = (Map<?, ?>) pulled.get(io.vertomic.edn.Keyword.of("person/address"));
    assertEquals("Main 1", address.get(io.vertomic.edn.Keyword.of("address/street")));
  }

  @Test
  void retractingTheParentRetractsItsComponentsButNotWhatTheyReferTo() {
    Connection conn =
        People.withSchemaAnd(
            "[{:db/ident :pet/vet :db/valueType :db.type/ref :db/cardinality :db.cardinality/one}]");
    tx(conn, People.DATA);
    TxReport r =
        tx(
            conn,
            "[{:db/id \"p\" :person/pets [{:db/id \"rex\" :pet/name \"Rex\""
                + " :pet/vet [:person/email \"oleg@x\"]}]}]");
    tx(conn, "[[:db/retractEntity " + Facts.id(r, "p") + "]]");
    Database db = conn.db();
    Facts.assertFacts(db, Facts.id(r, "rex"), "[]");
    assertEquals("Oleg", Facts.value(db, List.of(":person/email", "oleg@x"), ":person/name"));
  }

  @Test
  void retractingTheComponentOnlyLeavesTheParent() {
    Connection conn = People.schema();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"p\" :person/name \"P\" :person/address {:db/id \"a\" :address/street \"Main 1\"}}]");
    tx(conn, "[[:db/retractEntity " + Facts.id(r, "a") + "]]");
    Facts.assertFacts(conn.db(), Facts.id(r, "p"), "[[:person/name \"P\"]]");
    assertTrue(TestDb.all(conn.db()).stream().noneMatch(d -> d.e() == Facts.id(r, "a")));
  }

  @Test
  void isComponentOnANonReferenceIsRejected() {
    assertRejected(
        TestDb.fresh(),
        "[{:db/ident :x/y :db/valueType :db.type/long :db/cardinality :db.cardinality/one"
            + " :db/isComponent true}]",
        Category.INCORRECT,
        ":x/y");
  }
}
