package io.vertomic.db;

import static io.vertomic.fixtures.DatomRows.assertRows;
import static io.vertomic.fixtures.DatomRows.list;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code datoms}, {@code seekDatoms} and {@code indexRange}: each index in its order, prefixes of
 * one to four components given as ids, idents, lookup refs or {@code ":ns/name"} strings.
 */
class DatomsTest {
  private static final List<String> IVAN = List.of(":person/email", "ivan@x");

  private Connection conn;
  private Database db;
  private long ivan;
  private long oleg;
  private long petr;
  private long dataTx;

  @BeforeEach
  void ivanOlegAndPetr() {
    conn = People.schema();
    TxReport r = tx(conn, People.DATA);
    ivan = Facts.id(r, "ivan");
    oleg = Facts.id(r, "oleg");
    dataTx = r.txData().get(0).tx();
    petr =
        Facts.id(
            tx(
                conn,
                "[{:db/id \"petr\" :person/name \"Petr\" :person/email \"petr@x\""
                    + " :person/age 41 :person/friend \"petr\"}]"),
            "petr");
    db = conn.db();
  }

  private static String rows(String edn, Object... ids) {
    return edn.formatted(ids);
  }

  @Test
  void eavtWithAnEntityGivesItsFactsByAttributeThenValue() {
    assertRows(
        rows(
            "[[%1$d :person/name \"Oleg\"] [%1$d :person/email \"oleg@x\"]"
                + " [%1$d :person/handle \"oleg\"] [%1$d :person/ssn \"222\"]"
                + " [%1$d :person/age 30] [%1$d :person/follows %2$d]]",
            oleg, ivan),
        db,
        db.datoms(":eavt", oleg));
  }

  @Test
  void eavtWithEntityAndAttributeGivesItsValuesInOrder() {
    assertRows(
        rows("[[%1$d :person/aliases \"Vanechka\"] [%1$d :person/aliases \"Vanya\"]]", ivan),
        db,
        db.datoms(":eavt", ivan, ":person/aliases"));
  }

  @Test
  void eavtWithThreeComponentsGivesTheOneFact() {
    assertRows(
        rows("[[%d :person/aliases \"Vanya\"]]", ivan),
        db,
        db.datoms(":eavt", ivan, ":person/aliases", "Vanya"));
  }

  @Test
  void theFourthComponentIsTheTransaction() {
    List<Datom> ds = list(db.datoms(":eavt", ivan, ":person/name", "Ivan", dataTx));
    assertEquals(1, ds.size());
    assertEquals(dataTx, ds.get(0).tx());
    long dataT = io.vertomic.datom.EntityId.txToT(dataTx);
    assertEquals(ds, list(db.datoms(":eavt", ivan, ":person/name", "Ivan", dataT)), "or its t");
    long petrTx = list(db.datoms(":eavt", petr)).get(0).tx();
    assertEquals(List.of(), list(db.datoms(":eavt", ivan, ":person/name", "Ivan", petrTx)));
  }

  @Test
  void aevtWithAnAttributeGivesEveryEntityInEntityOrder() {
    assertRows(
        rows("[[%d :person/age 30] [%d :person/age 30] [%d :person/age 41]]", ivan, oleg, petr),
        db,
        db.datoms(":aevt", ":person/age"));
  }

  @Test
  void aevtWithAttributeAndEntityGivesThatEntitysValues() {
    assertRows(
        rows("[[%d :person/name \"Oleg\"]]", oleg), db, db.datoms(":aevt", ":person/name", oleg));
  }

  @Test
  void aevtWithThreeComponents() {
    assertRows(
        rows("[[%d :person/age 41]]", petr), db, db.datoms(":aevt", ":person/age", petr, 41L));
    assertEquals(List.of(), list(db.datoms(":aevt", ":person/age", petr, 30L)));
  }

  @Test
  void avetWithAnAttributeGivesEntitiesInValueOrder() {
    tx(conn, "[{:person/name \"Anna\" :person/email \"anna@x\"}]");
    Database now = conn.db();
    List<Object> emails =
        list(now.datoms(":avet", ":person/email")).stream().map(d -> d.v()).toList();
    assertEquals(List.of("anna@x", "ivan@x", "oleg@x", "petr@x"), emails);
  }

  @Test
  void avetWithAttributeAndValueFindsTheEntity() {
    assertRows(
        rows("[[%d :person/email \"oleg@x\"]]", oleg),
        db,
        db.datoms(":avet", ":person/email", "oleg@x"));
  }

  @Test
  void avetWithThreeComponents() {
    assertRows(
        rows("[[%d :person/email \"oleg@x\"]]", oleg),
        db,
        db.datoms(":avet", ":person/email", "oleg@x", oleg));
    assertEquals(List.of(), list(db.datoms(":avet", ":person/email", "oleg@x", ivan)));
  }

  @Test
  void avetHoldsOnlyIndexedOrUniqueAttributes() {
    for (String attr : List.of(":person/name", ":person/age")) {
      Anomaly a = assertThrows(Anomaly.class, () -> db.datoms(":avet", attr));
      assertTrue(a.getMessage().contains("is not indexed"), a::getMessage);
    }
    for (Datom d : db.datoms(":avet")) {
      assertTrue(db.attribute(d.a()).indexed(), () -> "not indexed: " + d);
    }
  }

  @Test
  void attributeMadeIndexedLaterJoinsAvet() {
    tx(conn, "[{:db/id :person/age :db/index true}]");
    Database now = conn.db();
    assertRows(
        rows("[[%d :person/age 30] [%d :person/age 30] [%d :person/age 41]]", ivan, oleg, petr),
        now,
        now.datoms(":avet", ":person/age"));
  }

  @Test
  void vaetWithAnEntityGivesTheReferencesToIt() {
    assertRows(rows("[[%d :person/friend %d]]", ivan, oleg), db, db.datoms(":vaet", oleg));
    assertRows(
        rows("[[%d :person/follows %d]]", oleg, ivan),
        db,
        db.datoms(":vaet", ivan, ":person/follows"));
  }

  @Test
  void vaetWithThreeComponents() {
    assertRows(
        rows("[[%d :person/friend %d]]", petr, petr),
        db,
        db.datoms(":vaet", petr, ":person/friend", petr));
    assertEquals(List.of(), list(db.datoms(":vaet", petr, ":person/friend", ivan)));
  }

  @Test
  void vaetHoldsOnlyReferences() {
    Keyword ref = Keyword.of("db.type/ref");
    int n = 0;
    for (Datom d : db.datoms(":vaet")) {
      assertEquals(ref, db.attribute(d.a()).valueType(), () -> "not a ref: " + d);
      n++;
    }
    assertTrue(n > 0);
    assertEquals(List.of(), list(db.datoms(":vaet", "Ivan")));
  }

  @Test
  void identsLookupRefsAndStringsNameComponents() {
    long red = db.entid(":color/red");
    assertRows(rows("[[%d :db/ident :color/red]]", red), db, db.datoms(":eavt", ":color/red"));
    assertRows(
        rows("[[%d :person/name \"Ivan\"]]", ivan),
        db,
        db.datoms(":eavt", IVAN, Keyword.of("person/name")));
    assertRows(
        rows("[[%d :person/color %d]]", ivan, red),
        db,
        db.datoms(":eavt", ivan, ":person/color", ":color/red"));
    assertRows(
        rows("[[%d :person/color %d]]", ivan, red),
        db,
        db.datoms(":vaet", Keyword.of("color/red"), ":person/color"));
    assertRows(rows("[[%d :person/color %d]]", ivan, red), db, db.datoms(":vaet", ":color/red"));
    assertRows(
        rows("[[%d :person/friend %d]]", ivan, oleg),
        db,
        db.datoms(":vaet", List.of(":person/handle", "oleg"), ":person/friend"));
    long nameId = db.entid(":person/name");
    assertEquals(list(db.datoms(":aevt", ":person/name")), list(db.datoms(":aevt", nameId)));
  }

  @Test
  void theIndexIsNamedByKeywordOrString() {
    List<Datom> expected = list(db.datoms(":eavt", ivan));
    assertEquals(expected, list(db.datoms(Keyword.of("eavt"), ivan)));
    assertEquals(expected, list(db.datoms("eavt", ivan)));
    assertEquals(expected, list(db.datoms(IndexOrder.EAVT.keyword(), ivan)));
  }

  @Test
  void anUnknownIndexIsIncorrect() {
    Anomaly a = assertThrows(Anomaly.class, () -> db.datoms(":eavtx"));
    assertEquals(Category.INCORRECT, a.category());
    assertTrue(a.getMessage().contains(":eavtx"), a.getMessage());
  }

  @Test
  void anUnknownAttributeComponentMatchesNothingAsInDatomic() {
    for (String index : List.of(":aevt", ":avet")) {
      assertEquals(List.of(), list(db.datoms(index, ":person/nope")));
    }
  }

  @Test
  void aLookupRefToNobodyMatchesNothing() {
    assertEquals(List.of(), list(db.datoms(":eavt", List.of(":person/email", "nobody@x"))));
  }

  @Test
  void moreThanFourComponentsIsIncorrect() {
    Anomaly a =
        assertThrows(
            Anomaly.class, () -> db.datoms(":eavt", ivan, ":person/name", "Ivan", dataTx, 1L));
    assertEquals(Category.INCORRECT, a.category());
  }

  @Test
  void aNilComponentBeforeABoundOneIsIncorrect() {
    Anomaly a = assertThrows(Anomaly.class, () -> db.datoms(":eavt", null, ":person/name"));
    assertEquals(Category.INCORRECT, a.category());
  }

  @Test
  void everyIndexHoldsTheSameFactsInItsOwnOrder() {
    List<Datom> eavt = list(db.datoms(":eavt"));
    List<Datom> aevt = list(db.datoms(":aevt"));
    assertEquals(eavt.size(), aevt.size());
    assertEquals(new java.util.HashSet<>(eavt), new java.util.HashSet<>(aevt));
    for (IndexOrder o : IndexOrder.values()) {
      List<Datom> ds = list(db.datoms(o.keyword()));
      for (int i = 1; i < ds.size(); i++) {
        assertTrue(o.comparator().compare(ds.get(i - 1), ds.get(i)) < 0, o + " at " + i);
      }
    }
    assertEquals(eavt.size(), db.datomCount());
  }

  @Test
  void seekDatomsStartsAtTheComponentsAndContinuesToTheEnd() {
    List<Datom> all = list(db.datoms(":aevt"));
    List<Datom> seek = list(db.seekDatoms(":aevt", ":person/name", oleg));
    assertRows(rows("[[%d :person/name \"Oleg\"]]", oleg), db, seek.subList(0, 1));
    assertEquals(all.subList(all.size() - seek.size(), all.size()), seek);
    assertTrue(
        seek.stream().anyMatch(d -> db.attribute(d.a()).ident().text().equals("person/email")),
        "continues past :person/name");
  }

  @Test
  void seekDatomsBetweenValuesStartsAtTheNextOne() {
    List<Datom> seek = list(db.seekDatoms(":avet", ":person/email", "j"));
    assertRows(
        rows("[[%d :person/email \"oleg@x\"] [%d :person/email \"petr@x\"]]", oleg, petr),
        db,
        seek.subList(0, 2));
  }

  @Test
  void seekDatomsWithoutComponentsIsTheWholeIndex() {
    assertEquals(list(db.datoms(":eavt")), list(db.seekDatoms(":eavt")));
  }

  @Test
  void indexRangeIsHalfOpen() {
    assertRows(
        rows("[[%d :person/email \"ivan@x\"] [%d :person/email \"oleg@x\"]]", ivan, oleg),
        db,
        db.indexRange(":person/email", "ivan@x", "petr@x"));
  }

  @Test
  void indexRangeWithANullStartBeginsAtTheFirstValue() {
    assertRows(
        rows("[[%d :person/email \"ivan@x\"]]", ivan),
        db,
        db.indexRange(":person/email", null, "oleg@x"));
  }

  @Test
  void indexRangeWithANullEndRunsToTheLastValue() {
    assertRows(
        rows("[[%d :person/email \"oleg@x\"] [%d :person/email \"petr@x\"]]", oleg, petr),
        db,
        db.indexRange(":person/email", "j", null));
  }

  @Test
  void indexRangeWithBothBoundsNullIsTheWholeAttribute() {
    assertEquals(3, list(db.indexRange(Keyword.of("person/email"), null, null)).size());
    assertEquals(List.of(), list(db.indexRange(":person/email", "x", null)));
  }

  @Test
  void indexRangeOfANonIndexedAttributeIsIncorrect() {
    Anomaly a = assertThrows(Anomaly.class, () -> db.indexRange(":person/age", 1L, 50L));
    assertEquals(Category.INCORRECT, a.category());
    assertTrue(a.getMessage().contains(":person/age"), a.getMessage());
  }

  @Test
  void attributeNoLongerIndexedLeavesAvet() {
    tx(conn, "[{:db/id :person/age :db/index true}]");
    tx(conn, "[[:db/retract :person/age :db/index true]]");
    long age = conn.db().entid(":person/age");
    for (Datom d : conn.db().datoms(":avet")) {
      assertTrue(d.a() != age, () -> "still in AVET: " + d);
    }
    assertEquals(3, list(conn.db().datoms(":aevt", ":person/age")).size());
  }

  @Test
  void slicesSpanManyIndexNodes() {
    Connection big = People.schema();
    for (int batch = 0; batch < 6; batch++) {
      StringBuilder data = new StringBuilder("[");
      for (int i = batch * 500; i < (batch + 1) * 500; i++) {
        data.append("{:person/email \"p%04d@x\" :person/age %d}".formatted(i, i % 50));
      }
      tx(big, data.append("]").toString());
    }
    Database db = big.db();
    assertEquals(3000, list(db.datoms(":aevt", ":person/email")).size());
    assertEquals(3000, list(db.datoms(":avet", ":person/email")).size());
    assertEquals(1000, list(db.indexRange(":person/email", "p1000@x", "p2000@x")).size());
    assertEquals("p1000@x", list(db.indexRange(":person/email", "p1000@x", null)).get(0).v());
    long e = list(db.datoms(":avet", ":person/email", "p1234@x")).get(0).e();
    assertRows(
        rows("[[%1$d :person/email \"p1234@x\"] [%1$d :person/age 34]]", e),
        db,
        db.datoms(":eavt", e));
    List<Datom> tail = list(db.seekDatoms(":avet", ":person/email", "p2998@x"));
    assertEquals(List.of("p2998@x", "p2999@x"), tail.subList(0, 2).stream().map(Datom::v).toList());
    List<Datom> ages = list(db.datoms(":aevt", ":person/age"));
    for (int i = 1; i < ages.size(); i++) {
      assertTrue(ages.get(i - 1).e() < ages.get(i).e());
    }
    long t = db.basisT();
    tx(big, "[[:db/retractEntity [:person/email \"p1234@x\"]]]");
    assertEquals(2999, list(big.db().datoms(":avet", ":person/email")).size());
    assertEquals(3000, list(big.db().asOf(t).datoms(":avet", ":person/email")).size());
    assertEquals(3001, list(big.db().history().datoms(":avet", ":person/email")).size());
  }
}
