package io.vertomic.schema;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema alterations Datomic allows, and the ones it refuses. */
class SchemaAlterationTest {

  /** The AVET values of {@code attr}, read from the whole index (a non-indexed one is refused). */
  private static List<Object> avetValues(Database db, String attr) {
    long a = db.entid(attr);
    List<Object> out = new ArrayList<>();
    for (Datom d : db.datoms(":avet")) {
      if (d.a() == a) {
        out.add(d.v());
      }
    }
    return out;
  }

  @Test
  void cardinalityOneCanBecomeMany() {
    Connection conn = People.withData();
    tx(conn, "[[:db/add :person/name :db/cardinality :db.cardinality/many]]");
    tx(conn, "[[:db/add [:person/email \"ivan@x\"] :person/name \"Ivan Petrov\"]]");
    assertEquals(
        List.of("Ivan", "Ivan Petrov"),
        Facts.values(conn.db(), List.of(":person/email", "ivan@x"), ":person/name"));
  }

  @Test
  void cardinalityManyCanBecomeOneWhenNoEntityHasSeveralValues() {
    Connection conn = People.withData();
    tx(conn, "[[:db/retract [:person/email \"ivan@x\"] :person/aliases \"Vanechka\"]]");
    tx(conn, "[[:db/add :person/aliases :db/cardinality :db.cardinality/one]]");
    assertEquals(
        Keyword.of("db.cardinality/one"), conn.db().attribute(":person/aliases").cardinality());
    tx(conn, "[[:db/add [:person/email \"ivan@x\"] :person/aliases \"Vanyusha\"]]");
    assertEquals(
        List.of("Vanyusha"),
        Facts.values(conn.db(), List.of(":person/email", "ivan@x"), ":person/aliases"));
  }

  @Test
  void cardinalityManyCannotBecomeOneWhileAnEntityHasSeveralValues() {
    assertRejected(
        People.withData(),
        "[[:db/add :person/aliases :db/cardinality :db.cardinality/one]]",
        Category.INCORRECT,
        ":person/aliases",
        "cardinality one");
  }

  @Test
  void indexCanBeAddedAndRemoved() {
    Connection conn = People.withData();
    tx(conn, "[[:db/add :person/name :db/index true]]");
    assertTrue(conn.db().attribute(":person/name").indexed());
    assertEquals(List.of("Ivan", "Oleg"), avetValues(conn.db(), ":person/name"));
    tx(conn, "[[:db/retract :person/name :db/index true]]");
    assertFalse(conn.db().attribute(":person/name").indexed());
    assertEquals(List.of(), avetValues(conn.db(), ":person/name"));
  }

  @Test
  void uniquenessCanBeAddedWhenValuesAreUnique() {
    Connection conn = People.withData();
    tx(conn, "[[:db/add :person/name :db/unique :db.unique/identity]]");
    assertEquals(Keyword.of("db.unique/identity"), conn.db().attribute(":person/name").unique());
    long ivan = conn.db().entid(List.of(":person/email", "ivan@x"));
    assertEquals(ivan, conn.db().entid(List.of(":person/name", "Ivan")));
    long upserted =
        Facts.id(tx(conn, "[{:db/id \"i\" :person/name \"Ivan\" :person/age 31}]"), "i");
    assertEquals(ivan, upserted);
  }

  @Test
  void uniquenessCannotBeAddedWhileValuesRepeat() {
    assertRejected(
        People.withData(),
        "[[:db/add :person/age :db/unique :db.unique/value]]",
        Category.INCORRECT,
        ":person/age",
        "value 30");
  }

  @Test
  void uniquenessCanBeDropped() {
    Connection conn = People.withData();
    tx(conn, "[[:db/retract :person/ssn :db/unique :db.unique/value]]");
    assertNull(conn.db().attribute(":person/ssn").unique());
    tx(conn, "[{:person/name \"Twin\" :person/ssn \"111\"}]");
    assertEquals(List.of(), avetValues(conn.db(), ":person/ssn"));
  }

  @Test
  void noHistoryCanBeTurnedOn() {
    Connection conn = People.withData();
    tx(conn, "[[:db/add :person/age :db/noHistory true]]");
    assertTrue(conn.db().attribute(":person/age").noHistory());
  }

  @Test
  void isComponentCanBeTurnedOnForAReference() {
    Connection conn = People.withData();
    tx(conn, "[[:db/add :person/friend :db/isComponent true]]");
    assertTrue(conn.db().attribute(":person/friend").isComponent());
  }

  @Test
  void docCanBeChanged() {
    Connection conn = People.withData();
    tx(conn, "[[:db/add :person/name :db/doc \"What people call them\"]]");
    tx(conn, "[[:db/add :person/name :db/doc \"Full name\"]]");
    assertEquals(List.of("Full name"), Facts.values(conn.db(), ":person/name", ":db/doc"));
  }

  @Test
  void identCanBeRenamedAndTheDataFollows() {
    Connection conn = People.withData();
    long attr = conn.db().entid(":person/name");
    tx(conn, "[[:db/add :person/name :db/ident :person/full-name]]");
    Database db = conn.db();
    assertEquals(attr, db.entid(":person/full-name"));
    assertEquals(Keyword.of("person/full-name"), db.attribute(attr).ident());
    assertEquals("Ivan", Facts.value(db, List.of(":person/email", "ivan@x"), ":person/full-name"));
  }

  @Test
  void valueTypeCannotChange() {
    assertRejected(
        People.withData(),
        "[[:db/add :person/name :db/valueType :db.type/keyword]]",
        Category.INCORRECT,
        ":person/name",
        ":db/valueType");
  }

  @Test
  void fulltextCannotBeAddedLater() {
    assertRejected(
        People.withData(),
        "[[:db/add :person/name :db/fulltext true]]",
        Category.INCORRECT,
        ":person/name",
        ":db/fulltext");
  }

  @Test
  void tupleDefinitionCannotChange() {
    Connection conn =
        People.withSchemaAnd(
            "[{:db/ident :point/xy :db/valueType :db.type/tuple"
                + " :db/tupleTypes [:db.type/long :db.type/long] :db/cardinality :db.cardinality/one}]");
    assertRejected(
        conn,
        "[[:db/add :point/xy :db/tupleTypes [:db.type/long :db.type/double]]]",
        Category.INCORRECT,
        ":point/xy",
        "tuple definition");
  }

  @Test
  void cardinalityCannotBeRetracted() {
    assertRejected(
        People.withData(),
        "[[:db/retract :person/name :db/cardinality :db.cardinality/one]]",
        Category.INCORRECT,
        ":person/name",
        ":db/cardinality");
  }

  @Test
  void isComponentCannotBeTurnedOnForANonReference() {
    assertRejected(
        People.withData(),
        "[[:db/add :person/name :db/isComponent true]]",
        Category.INCORRECT,
        ":person/name",
        "component");
  }
}
