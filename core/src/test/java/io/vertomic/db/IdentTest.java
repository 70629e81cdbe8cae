package io.vertomic.db;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Attribute;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code entid}, {@code ident} and {@code attribute}: naming entities and reading the schema. */
class IdentTest {
  private Connection conn;
  private Database db;
  private long ivan;

  @BeforeEach
  void people() {
    conn = People.schema();
    ivan = Facts.id(tx(conn, People.DATA), "ivan");
    db = conn.db();
  }

  @Test
  void entidOfAnIdentKeywordOrStringIsItsId() {
    Long id = db.entid(Keyword.of("person/name"));
    assertEquals(id, db.entid(":person/name"));
    assertEquals(id.longValue(), db.attribute(":person/name").id());
  }

  @Test
  void entidOfAnIdIsTheId() {
    assertEquals(ivan, db.entid(ivan));
    assertEquals(ivan, db.entid(Long.valueOf(ivan)));
  }

  @Test
  void entidOfALookupRefIsTheEntityHoldingTheValue() {
    assertEquals(ivan, db.entid(List.of(":person/email", "ivan@x")));
    assertEquals(ivan, db.entid(List.of(Keyword.of("person/handle"), "ivan")));
  }

  @Test
  void entidOfAnUnknownIdentOrAbsentLookupRefIsNull() {
    assertNull(db.entid(":person/nope"));
    assertNull(db.entid(List.of(":person/email", "nobody@x")));
  }

  @Test
  void identOfAnEntityWithAnIdentIsThatKeyword() {
    long red = db.entid(":color/red");
    assertEquals(Keyword.of("color/red"), db.ident(red));
    assertEquals(Keyword.of("person/email"), db.ident(db.entid(":person/email")));
    assertEquals(Keyword.of("db/ident"), db.ident(":db/ident"));
  }

  @Test
  void identOfAnEntityWithoutOneIsNull() {
    assertNull(db.ident(ivan));
  }

  @Test
  void bootstrapIdentsAreKnown() {
    for (String ident : List.of(":db/ident", ":db/txInstant", ":db.type/ref", ":db.part/user")) {
      Long id = db.entid(ident);
      assertEquals(Keyword.of(ident), db.ident(id), ident);
    }
  }

  @Test
  void attributeDescribesTheSchema() {
    Attribute email = db.attribute(":person/email");
    assertEquals(Keyword.of("person/email"), email.ident());
    assertEquals(Keyword.of("db.type/string"), email.valueType());
    assertEquals(Keyword.of("db.cardinality/one"), email.cardinality());
    assertEquals(Keyword.of("db.unique/identity"), email.unique());
    assertTrue(email.indexed(), "unique attributes are in AVET");
    assertFalse(email.isComponent());
    assertFalse(email.noHistory());
    assertEquals(Keyword.of("db.unique/value"), db.attribute(":person/ssn").unique());
  }

  @Test
  void attributeOfCardinalityManyComponentsAndRefs() {
    Attribute pets = db.attribute(Keyword.of("person/pets"));
    assertEquals(Keyword.of("db.cardinality/many"), pets.cardinality());
    assertEquals(Keyword.of("db.type/ref"), pets.valueType());
    assertTrue(pets.isComponent());
    assertNull(pets.unique());
    assertFalse(db.attribute(":person/name").indexed());
  }

  @Test
  void attributeByIdIsTheSame() {
    Attribute byIdent = db.attribute(":person/aliases");
    assertEquals(byIdent, db.attribute(byIdent.id()));
  }

  @Test
  void attributeOfIndexAndNoHistoryFlags() {
    Connection c =
        TestDb.withSchema(
            "[{:db/ident :hit/count :db/valueType :db.type/long"
                + " :db/cardinality :db.cardinality/one :db/noHistory true :db/index true}]");
    Attribute a = c.db().attribute(":hit/count");
    assertTrue(a.noHistory());
    assertTrue(a.indexed());
    assertTrue(c.db().attribute(":db/txInstant").indexed());
  }

  @Test
  void attributeOfSomethingThatIsNotAnAttributeIsNull() {
    assertNull(db.attribute(":color/red"));
    assertNull(db.attribute(":person/nope"));
    assertNull(db.attribute(ivan));
  }

  @Test
  void anAttributeAddedLaterIsUnknownToEarlierValues() {
    tx(
        conn,
        "[{:db/ident :person/nick :db/valueType :db.type/string"
            + " :db/cardinality :db.cardinality/one}]");
    assertNull(db.attribute(":person/nick"));
    assertNull(db.entid(":person/nick"));
    assertEquals(Keyword.of("person/nick"), conn.db().attribute(":person/nick").ident());
  }
}
