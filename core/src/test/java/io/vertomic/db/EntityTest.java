package io.vertomic.db;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Entity;
import io.vertomic.peer.TxReport;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entity API: a lazy view of one entity in one database value, navigable through references in
 * both directions.
 */
class EntityTest {
  private static final List<String> IVAN = List.of(":person/email", "ivan@x");

  private Connection conn;
  private Database db;
  private long ivan;
  private long oleg;

  @BeforeEach
  void ivanAndOleg() {
    conn = People.schema();
    TxReport r = tx(conn, People.DATA);
    ivan = Facts.id(r, "ivan");
    oleg = Facts.id(r, "oleg");
    db = conn.db();
  }

  private static Set<Object> ids(Object entities) {
    return ((Set<?>) entities).stream().map(e -> ((Entity) e).id()).collect(Collectors.toSet());
  }

  @Test
  void getGivesACardinalityOneValue() {
    Entity e = db.entity(ivan);
    assertEquals("Ivan", e.get(":person/name"));
    assertEquals(30L, e.get(Keyword.of("person/age")));
    assertEquals(ivan, e.id());
  }

  @Test
  void getOfAMissingOrUnknownAttributeIsNull() {
    Entity e = db.entity(oleg);
    assertNull(e.get(":person/friend"));
    assertNull(e.get(":person/nope"));
  }

  @Test
  void dbIdIsTheEntityId() {
    assertEquals(oleg, db.entity(oleg).get(":db/id"));
  }

  @Test
  void aReferenceNavigatesToAnotherEntity() {
    Object friend = db.entity(ivan).get(":person/friend");
    assertTrue(friend instanceof Entity, () -> "got " + friend);
    assertEquals("Oleg", ((Entity) friend).get(":person/name"));
    Entity back = (Entity) ((Set<?>) ((Entity) friend).get(":person/follows")).iterator().next();
    assertEquals("Ivan", back.get(":person/name"));
  }

  @Test
  void aReferenceToAnIdentIsAnEntityWithThatIdent() {
    Entity color = (Entity) db.entity(ivan).get(":person/color");
    assertEquals(Keyword.of("color/red"), color.get(":db/ident"));
  }

  @Test
  void cardinalityManyValuesAreASet() {
    assertEquals(Set.of("Vanya", "Vanechka"), db.entity(ivan).get(":person/aliases"));
    assertEquals(Set.of(ivan), ids(db.entity(oleg).get(":person/follows")));
  }

  @Test
  void aReverseAttributeGivesTheEntitiesReferringHere() {
    assertEquals(Set.of(ivan), ids(db.entity(oleg).get(":person/_friend")));
    assertEquals(Set.of(oleg), ids(db.entity(ivan).get(Keyword.of("person/_follows"))));
    tx(conn, "[{:person/name \"Petr\" :person/follows [[:person/email \"ivan@x\"]]}]");
    assertEquals(2, ((Set<?>) conn.db().entity(ivan).get(":person/_follows")).size());
  }

  @Test
  void aReverseAttributeWithNoReferencesIsNull() {
    assertNull(db.entity(ivan).get(":person/_friend"));
  }

  @Test
  void keySetNamesTheAttributesWithValues() {
    Set<String> keys =
        db.entity(oleg).keySet().stream().map(Keyword::text).collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "person/name",
            "person/email",
            "person/handle",
            "person/ssn",
            "person/age",
            "person/follows"),
        keys);
  }

  @Test
  void aLookupRefOrAnIdentNamesTheEntity() {
    assertEquals(ivan, db.entity(IVAN).id());
    assertEquals("Oleg", db.entity(List.of(":person/handle", "oleg")).get(":person/name"));
    assertEquals(db.entid(":color/red"), db.entity(":color/red").id());
    assertEquals(
        Keyword.of("db.type/string"),
        ((Entity) db.entity(Keyword.of("person/name")).get(":db/valueType")).get(":db/ident"));
  }

  @Test
  void aLookupRefToNobodyGivesNoEntity() {
    assertNull(db.entity(List.of(":person/email", "nobody@x")));
  }

  @Test
  void anEntityWithoutFactsHasNoAttributes() {
    Entity e = db.entity(ivan + 1000);
    assertNotNull(e);
    assertEquals(Set.of(), e.keySet());
    assertNull(e.get(":person/name"));
  }

  @Test
  void anEntityReadsTheValueItCameFromEvenAfterLaterTransactions() {
    Entity e = db.entity(ivan);
    tx(conn, "[[:db/add [:person/email \"ivan@x\"] :person/name \"Ivan the Great\"]]");
    assertEquals("Ivan", e.get(":person/name"));
    assertEquals("Ivan the Great", conn.db().entity(ivan).get(":person/name"));
    assertEquals(db, e.db());
  }

  @Test
  void anEntityOfAnAsOfValueShowsThePast() {
    long before = db.basisT();
    tx(conn, "[[:db/retractEntity [:person/email \"oleg@x\"]]]");
    Database now = conn.db();
    assertEquals(Set.of(), now.entity(oleg).keySet());
    assertNull(now.entity(ivan).get(":person/friend"));
    Entity past = now.asOf(before).entity(ivan);
    assertEquals("Oleg", ((Entity) past.get(":person/friend")).get(":person/name"));
  }

  @Test
  void aComponentIsAnEntityToo() {
    long e =
        Facts.id(
            tx(
                conn,
                "[{:db/id \"p\" :person/name \"Petr\""
                    + " :person/address {:address/street \"Main\" :address/geo {:geo/lat 1.5}}}]"),
            "p");
    Entity address = (Entity) conn.db().entity(e).get(":person/address");
    assertEquals("Main", address.get(":address/street"));
    assertEquals(1.5, ((Entity) address.get(":address/geo")).get(":geo/lat"));
    Object owner = address.get(":person/_address");
    assertTrue(owner instanceof Entity, () -> "a component has one owner, got " + owner);
    assertEquals(e, ((Entity) owner).id());
  }

  @Test
  void touchReadsEveryAttributeAndItsComponentsRecursively() {
    long e =
        Facts.id(
            tx(
                conn,
                "[{:db/id \"p\" :person/name \"Petr\" :person/friend [:person/email \"ivan@x\"]"
                    + " :person/address {:address/street \"Main\" :address/geo {:geo/lat 1.5}}}]"),
            "p");
    Entity petr = conn.db().entity(e);
    assertEquals("{:db/id " + e + "}", petr.toString(), "nothing read yet");
    assertTrue(petr.touch() == petr, "touch returns the entity");
    String touched = petr.toString();
    assertTrue(touched.contains(":person/name \"Petr\""), touched);
    assertTrue(touched.contains(":address/street \"Main\""), "a component is touched: " + touched);
    assertTrue(touched.contains(":geo/lat 1.5"), "recursively: " + touched);
    assertTrue(
        touched.contains(":person/friend {:db/id " + ivan + "}"),
        "a reference that is no component is not: " + touched);
  }
}
