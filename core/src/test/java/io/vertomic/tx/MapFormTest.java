package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Map forms: one assertion per attribute value, nested entities, reverse attributes. */
class MapFormTest {
  private static final List<String> IVAN = List.of(":person/email", "ivan@x");
  private static final List<String> OLEG = List.of(":person/email", "oleg@x");

  @Test
  void mapFormAssertsEachAttributeOfOneEntity() {
    Connection conn = People.schema();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"p\" :person/name \"Pyotr\" :person/age 7 :person/color :color/green}]");
    Facts.assertFacts(
        conn.db(),
        Facts.id(r, "p"),
        "[[:person/age 7] [:person/color :color/green] [:person/name \"Pyotr\"]]");
  }

  @Test
  void dbIdMayBeAnExistingEntityId() {
    Connection conn = People.withData();
    long ivan = conn.db().entid(IVAN);
    tx(conn, "[{:db/id " + ivan + " :person/age 32}]");
    assertEquals(32L, Facts.value(conn.db(), ivan, ":person/age"));
  }

  @Test
  void dbIdMayBeAnIdent() {
    Connection conn = People.withData();
    tx(conn, "[{:db/id :person/name :db/doc \"What people call them\"}]");
    assertEquals("What people call them", Facts.value(conn.db(), ":person/name", ":db/doc"));
  }

  @Test
  void nestedMapUnderAComponentBecomesItsOwnEntity() {
    Connection conn = People.schema();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"p\" :person/name \"P\""
                + " :person/address {:address/street \"Main 1\" :address/geo {:geo/lat 1.5}}}]");
    Database db = conn.db();
    long address = (Long) Facts.value(db, Facts.id(r, "p"), ":person/address");
    Facts.assertFacts(
        db,
        address,
        "[[:address/geo "
            + Facts.value(db, address, ":address/geo")
            + "] [:address/street \"Main 1\"]]");
    Facts.assertFacts(db, Facts.value(db, address, ":address/geo"), "[[:geo/lat 1.5]]");
  }

  @Test
  void nestedMapsInACollectionUnderACardinalityManyComponent() {
    Connection conn = People.schema();
    TxReport r =
        tx(conn, "[{:db/id \"p\" :person/pets [{:pet/name \"Rex\"} {:pet/name \"Tom\"}]}]");
    Database db = conn.db();
    List<Object> pets = Facts.values(db, Facts.id(r, "p"), ":person/pets");
    assertEquals(2, pets.size());
    assertEquals(
        List.of("Rex", "Tom"),
        pets.stream().map(p -> Facts.value(db, p, ":pet/name")).sorted().toList());
  }

  @Test
  void nestedMapWithAUniqueIdentityUpsertsUnderAnyReference() {
    Connection conn = People.withData();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"p\" :person/name \"P\""
                + " :person/friend {:person/email \"oleg@x\" :person/age 41}}]");
    Database db = conn.db();
    assertEquals(db.entid(OLEG), Facts.value(db, Facts.id(r, "p"), ":person/friend"));
    assertEquals(41L, Facts.value(db, OLEG, ":person/age"));
  }

  @Test
  void nestedMapWithANewIdentityCreatesTheEntity() {
    Connection conn = People.withData();
    TxReport r = tx(conn, "[{:db/id \"p\" :person/friend {:person/email \"new@x\"}}]");
    Database db = conn.db();
    assertEquals(
        db.entid(List.of(":person/email", "new@x")),
        Facts.value(db, Facts.id(r, "p"), ":person/friend"));
  }

  @Test
  void nestedMapNeitherComponentNorIdentifiedIsRejected() {
    assertRejected(
        People.withData(),
        "[{:person/name \"P\" :person/friend {:person/name \"Nobody knows\"}}]",
        Category.INCORRECT,
        ":person/friend",
        "nested");
  }

  @Test
  void mapValueForANonReferenceAttributeIsRejected() {
    assertRejected(
        People.withData(),
        "[{:person/name {:first \"Ivan\"}}]",
        Category.INCORRECT,
        ":person/name");
  }

  @Test
  void reverseAttributeAssertsTheReferenceFromTheOtherEntity() {
    Connection conn = People.withData();
    TxReport r =
        tx(conn, "[{:db/id \"p\" :person/name \"P\" :person/_follows [:person/email \"ivan@x\"]}]");
    Database db = conn.db();
    assertEquals(List.of(Facts.id(r, "p")), Facts.values(db, IVAN, ":person/follows"));
  }

  @Test
  void reverseAttributeWithSeveralEntities() {
    Connection conn = People.withData();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"p\" :person/name \"P\""
                + " :person/_follows [[:person/email \"ivan@x\"] [:person/email \"oleg@x\"] \"q\"]}"
                + " {:db/id \"q\" :person/name \"Q\"}]");
    Database db = conn.db();
    long p = Facts.id(r, "p");
    assertEquals(List.of(p), Facts.values(db, IVAN, ":person/follows"));
    assertEquals(true, Facts.values(db, OLEG, ":person/follows").contains(p));
    assertEquals(List.of(p), Facts.values(db, Facts.id(r, "q"), ":person/follows"));
  }

  @Test
  void reverseComponentAttributeWithANestedMap() {
    Connection conn = People.schema();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"a\" :address/street \"Elm 2\" :person/_address {:db/id \"o\" :person/name \"Owner\"}}]");
    assertEquals(Facts.id(r, "a"), Facts.value(conn.db(), Facts.id(r, "o"), ":person/address"));
  }

  @Test
  void reverseOfANonReferenceAttributeIsRejected() {
    assertRejected(
        People.withData(),
        "[{:person/name \"P\" :person/_name \"Q\"}]",
        Category.INCORRECT,
        ":person/name",
        "reverse");
  }

  @Test
  void keyThatIsNotAnAttributeIsRejected() {
    assertRejected(People.withData(), "[{:person/nmae \"P\"}]", Category.INCORRECT, ":person/nmae");
  }
}
