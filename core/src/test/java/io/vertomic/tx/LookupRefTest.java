package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lookup refs {@code [unique-attr value]} in entity and reference-value positions. */
class LookupRefTest {
  private static final List<String> IVAN = List.of(":person/email", "ivan@x");
  private static final List<String> OLEG = List.of(":person/email", "oleg@x");

  @Test
  void lookupRefNamesTheEntityOfAListForm() {
    Connection conn = People.withData();
    tx(conn, "[[:db/add [:person/email \"ivan@x\"] :person/age 31]]");
    assertEquals(31L, Facts.value(conn.db(), IVAN, ":person/age"));
  }

  @Test
  void lookupRefByUniqueValueAttributeNamesTheEntity() {
    Connection conn = People.withData();
    tx(conn, "[[:db/add [:person/ssn \"222\"] :person/age 41]]");
    assertEquals(41L, Facts.value(conn.db(), OLEG, ":person/age"));
  }

  @Test
  void lookupRefAsDbIdOfAMapForm() {
    Connection conn = People.withData();
    tx(conn, "[{:db/id [:person/email \"oleg@x\"] :person/name \"Oleg P.\"}]");
    assertEquals("Oleg P.", Facts.value(conn.db(), OLEG, ":person/name"));
  }

  @Test
  void lookupRefAsAReferenceValue() {
    Connection conn = People.withData();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"p\" :person/name \"Pyotr\" :person/friend [:person/email \"oleg@x\"]}]");
    assertEquals(conn.db().entid(OLEG), Facts.value(conn.db(), Facts.id(r, "p"), ":person/friend"));
  }

  @Test
  void lookupRefsInACollectionOfACardinalityManyReference() {
    Connection conn = People.withData();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"p\" :person/follows [[:person/email \"ivan@x\"] [:person/email \"oleg@x\"]]}]");
    Database db = conn.db();
    assertEquals(
        List.of(db.entid(IVAN), db.entid(OLEG)).stream().sorted().toList(),
        Facts.values(db, Facts.id(r, "p"), ":person/follows"));
  }

  @Test
  void aBareLookupRefUnderACardinalityManyReferenceIsTwoValuesAsInDatomic() {
    Connection conn = People.withData();
    // Datomic reads [:person/email "ivan@x"] there as the values :person/email and "ivan@x"
    Anomaly a =
        assertThrows(
            Anomaly.class,
            () ->
                tx(
                    conn,
                    "[{:db/id \"p\" :person/name \"P\""
                        + " :person/follows [:person/email \"ivan@x\"]}]"));
    assertEquals(Category.INCORRECT, a.category());
    TxReport r =
        tx(
            conn,
            "[{:db/id \"p\" :person/name \"P\" :person/follows [[:person/email \"ivan@x\"]]}]");
    assertEquals(
        List.of(conn.db().entid(IVAN)),
        Facts.values(conn.db(), Facts.id(r, "p"), ":person/follows"));
  }

  @Test
  void lookupRefInARetraction() {
    Connection conn = People.withData();
    tx(
        conn,
        "[[:db/retract [:person/email \"oleg@x\"] :person/follows [:person/email \"ivan@x\"]]]");
    assertEquals(List.of(), Facts.values(conn.db(), OLEG, ":person/follows"));
  }

  @Test
  void lookupRefOnANonUniqueAttributeIsRejected() {
    assertRejected(
        People.withData(),
        "[[:db/add [:person/name \"Ivan\"] :person/age 31]]",
        Category.INCORRECT,
        ":person/name",
        "not unique");
  }

  @Test
  void lookupRefToNoEntityIsNotFound() {
    assertRejected(
        People.withData(),
        "[[:db/add [:person/email \"nobody@x\"] :person/age 31]]",
        Category.NOT_FOUND,
        "\"nobody@x\"");
  }

  @Test
  void lookupRefValueToNoEntityIsNotFound() {
    assertRejected(
        People.withData(),
        "[{:person/name \"P\" :person/friend [:person/email \"nobody@x\"]}]",
        Category.NOT_FOUND,
        "\"nobody@x\"");
  }
}
