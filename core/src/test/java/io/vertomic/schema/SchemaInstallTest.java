package io.vertomic.schema;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Attribute;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import org.junit.jupiter.api.Test;

class SchemaInstallTest {

  @Test
  void mapFormWithIdentTypeAndCardinalityInstallsAnAttribute() {
    Connection conn =
        TestDb.withSchema(
            "[{:db/ident :person/name :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one}]");
    Attribute a = conn.db().attribute(":person/name");
    assertNotNull(a);
    assertEquals(Keyword.of("db.type/string"), a.valueType());
    assertEquals(Keyword.of("db.cardinality/one"), a.cardinality());
    assertNull(a.unique());
    assertFalse(a.indexed());
    assertFalse(a.isComponent());
  }

  @Test
  void installedAttributeCanBeUsedByTheNextTransaction() {
    Connection conn =
        TestDb.withSchema(
            "[{:db/ident :person/name :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one}]");
    long id = Facts.id(tx(conn, "[{:db/id \"ivan\" :person/name \"Ivan\"}]"), "ivan");
    Facts.assertFacts(conn.db(), id, "[[:person/name \"Ivan\"]]");
  }

  @Test
  void installIsRecordedUnderDbInstallAttributeOfTheDbPartition() {
    Connection conn =
        TestDb.withSchema(
            "[{:db/ident :person/name :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one}]");
    Database db = conn.db();
    long attr = db.entid(":person/name");
    assertEquals(
        1,
        Facts.values(db, ":db.part/db", ":db.install/attribute").stream()
            .filter(v -> v.equals(attr))
            .count());
  }

  @Test
  void optionalPropertiesAreInstalledWithTheAttribute() {
    Connection conn =
        TestDb.withSchema(
            """
            [{:db/ident :person/email :db/valueType :db.type/string
              :db/cardinality :db.cardinality/one :db/unique :db.unique/identity
              :db/doc "The address people log in with"}
             {:db/ident :person/bio :db/valueType :db.type/string
              :db/cardinality :db.cardinality/one :db/fulltext true :db/noHistory true}
             {:db/ident :person/age :db/valueType :db.type/long
              :db/cardinality :db.cardinality/one :db/index true}
             {:db/ident :person/pets :db/valueType :db.type/ref
              :db/cardinality :db.cardinality/many :db/isComponent true}]""");
    Database db = conn.db();
    Attribute email = db.attribute(":person/email");
    assertEquals(Keyword.of("db.unique/identity"), email.unique());
    assertTrue(email.indexed(), "unique attributes are in AVET");
    assertEquals("The address people log in with", Facts.value(db, ":person/email", ":db/doc"));
    Attribute bio = db.attribute(":person/bio");
    assertTrue(bio.fulltext());
    assertTrue(bio.noHistory());
    assertTrue(db.attribute(":person/age").indexed());
    Attribute pets = db.attribute(":person/pets");
    assertTrue(pets.isComponent());
    assertEquals(Keyword.of("db.cardinality/many"), pets.cardinality());
  }

  @Test
  void listFormsCanInstallAnAttribute() {
    Connection conn =
        TestDb.withSchema(
            """
            [[:db/add "a" :db/ident :item/sku]
             [:db/add "a" :db/valueType :db.type/string]
             [:db/add "a" :db/cardinality :db.cardinality/one]
             [:db/add "a" :db/unique :db.unique/value]]""");
    assertEquals(Keyword.of("db.unique/value"), conn.db().attribute(":item/sku").unique());
  }

  @Test
  void identWithoutValueTypeIsAnEnumNotAnAttribute() {
    Connection conn = TestDb.withSchema("[{:db/ident :color/red} {:db/ident :color/green}]");
    Database db = conn.db();
    assertNotNull(db.entid(":color/red"));
    assertEquals(Keyword.of("color/red"), db.ident(db.entid(":color/red")));
    assertNull(db.attribute(":color/red"));
  }

  @Test
  void attributeCannotBeUsedInTheTransactionThatInstallsIt() {
    Connection conn = TestDb.fresh();
    assertRejected(
        conn,
        """
        [{:db/ident :person/name :db/valueType :db.type/string
          :db/cardinality :db.cardinality/one}
         {:person/name "Ivan"}]""",
        Category.INCORRECT,
        ":person/name is not an attribute");
  }

  @Test
  void installWithoutCardinalityIsIncomplete() {
    assertRejected(
        TestDb.fresh(),
        "[{:db/ident :person/name :db/valueType :db.type/string}]",
        Category.INCORRECT,
        ":person/name",
        ":db/cardinality");
  }

  @Test
  void installWithoutValueTypeIsIncomplete() {
    assertRejected(
        TestDb.fresh(),
        "[{:db/ident :person/name :db/cardinality :db.cardinality/one}]",
        Category.INCORRECT,
        ":person/name",
        ":db/valueType");
  }

  @Test
  void unknownValueTypeIsRejected() {
    assertRejected(
        TestDb.fresh(),
        "[{:db/ident :person/name :db/valueType :db.type/text :db/cardinality :db.cardinality/one}]",
        Category.INCORRECT,
        ":db.type/text");
  }

  @Test
  void valueTypeMustBeAValueTypeIdent() {
    assertRejected(
        TestDb.fresh(),
        "[{:db/ident :person/name :db/valueType :db.cardinality/one"
            + " :db/cardinality :db.cardinality/one}]",
        Category.INCORRECT,
        ":db.cardinality/one is not a value type");
  }

  @Test
  void isComponentNeedsAReferenceAttribute() {
    assertRejected(
        TestDb.fresh(),
        "[{:db/ident :person/name :db/valueType :db.type/string"
            + " :db/cardinality :db.cardinality/one :db/isComponent true}]",
        Category.INCORRECT,
        ":person/name",
        "component");
  }
}
