package io.vertomic.peer;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.TestDb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Database.filter}: every read through a filtered value, as Datomic's {@code filter}. */
class FilterTest {
  private static final String AGES = "[:find ?n ?a :where [?e :p/name ?n] [?e :p/age ?a]]";
  private static final BiPredicate<Database, Datom> NOT_TWO =
      (db, d) -> !Long.valueOf(2).equals(d.v());

  private Connection conn;
  private Database db;

  @BeforeEach
  void people() {
    conn =
        TestDb.withSchema(
            "[{:db/ident :p/name :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one :db/unique :db.unique/identity}"
                + " {:db/ident :p/age :db/valueType :db.type/long"
                + " :db/cardinality :db.cardinality/one :db/index true}]");
    tx(conn, "[{:p/name \"a\" :p/age 1} {:p/name \"b\" :p/age 2} {:p/name \"c\" :p/age 3}]");
    tx(conn, "[{:p/name \"a\" :p/age 10}]");
    db = conn.db();
  }

  private static Set<Object> q(String query, Database db) {
    return new HashSet<>((java.util.Collection<?>) Peer.q(query, db));
  }

  private static List<Object> values(Iterable<Datom> ds) {
    List<Object> out = new ArrayList<>();
    ds.forEach(d -> out.add(d.v()));
    return out;
  }

  @Test
  void queriesSeeOnlyTheDatomsThePredicateKeeps() {
    Database f = db.filter(NOT_TWO);
    assertTrue(f.isFiltered());
    assertFalse(db.isFiltered());
    assertEquals(Set.of(List.of("a", 10L), List.of("c", 3L)), q(AGES, f));
    assertEquals(3, q(AGES, db).size(), "the unfiltered value is unchanged");
  }

  @Test
  void datomsSeekIndexRangeEntityAndPullAreFiltered() {
    Database f = db.filter(NOT_TWO);
    assertEquals(List.of(3L, 10L), values(f.datoms(":avet", ":p/age")));
    assertEquals(List.of(3L, 10L), values(f.indexRange(":p/age", null, null)));
    assertEquals(List.of(3L, 10L), values(f.seekDatoms(":avet", ":p/age")).subList(0, 2));
    List<Object> bLookup = List.of(":p/name", "b");
    assertEquals(Set.of(Keyword.of("p/name")), f.entity(bLookup).keySet());
    assertEquals(Edn.read("{:p/name \"b\"}"), withoutId(f.pull("[*]", bLookup)));
    assertTrue(f.datomCount() < db.datomCount());
  }

  private static Map<Keyword, Object> withoutId(Map<Keyword, Object> m) {
    Map<Keyword, Object> out = new java.util.HashMap<>(m);
    out.remove(Keyword.of("db/id"));
    return out;
  }

  @Test
  void filtersComposeWithEachOtherAndWithTimeViewsInAnyOrder() {
    long before = db.basisT() - 1;
    BiPredicate<Database, Datom> notThree = (u, d) -> !Long.valueOf(3).equals(d.v());
    Database f = db.filter(NOT_TWO);
    assertEquals(Set.of(List.of(10L)), q("[:find ?a :where [_ :p/age ?a]]", f.filter(notThree)));
    Set<Object> asOfFiltered = q(AGES, f.asOf(before));
    assertEquals(Set.of(List.of("a", 1L), List.of("c", 3L)), asOfFiltered);
    assertEquals(asOfFiltered, q(AGES, db.asOf(before).filter(NOT_TWO)));
    assertTrue(f.asOf(before).isFiltered() && f.since(0).isFiltered() && f.history().isFiltered());
    // history: a's 1 asserted and retracted, 10, 3 (b's 2 filtered away)
    assertEquals(4, values(f.history().datoms(":aevt", ":p/age")).size());
  }

  @Test
  void theFilterPicksAmongAssertionsAndRetractionsBeforeTheViewIsResolved() {
    // a's age: 1 asserted, then retracted when 10 was asserted (as Datomic: the filter sees both)
    Database assertionsOnly = db.filter((u, d) -> d.added());
    assertEquals(
        List.of(1L, 10L),
        values(assertionsOnly.datoms(":eavt", List.of(":p/name", "a"), ":p/age")));
    Database notTen = db.filter((u, d) -> !Long.valueOf(10).equals(d.v()));
    assertNull(notTen.entity(List.of(":p/name", "a")).get(":p/age"));
    assertEquals(
        Set.of(List.of(10L)),
        q("[:find ?a :where [_ :p/age ?a]]", assertionsOnly.since(db.basisT() - 1)),
        "since: only facts asserted after");
  }

  @Test
  void aDroppedRetractionBringsBackTheAssertionItCancelledBesideALaterAssertionOfTheSameFact() {
    // c's age 3: asserted, retracted, asserted again, retracted again (as Datomic 1.0.7277: each
    // retraction cancels the assertion before it, so without them both assertions show)
    tx(conn, "[[:db/retract [:p/name \"c\"] :p/age 3]]");
    tx(conn, "[[:db/add [:p/name \"c\"] :p/age 3]]");
    tx(conn, "[[:db/retract [:p/name \"c\"] :p/age 3]]");
    Database now = conn.db();
    List<Datom> ages = new ArrayList<>();
    now.filter((u, d) -> d.added())
        .datoms(":eavt", List.of(":p/name", "c"), ":p/age")
        .forEach(ages::add);
    assertEquals(List.of(3L, 3L), values(ages));
    assertTrue(ages.get(0).tx() < ages.get(1).tx(), "each with its own tx, in index order");
    assertEquals(
        0, values(now.datoms(":eavt", List.of(":p/name", "c"), ":p/age")).size(), "unfiltered");
    List<Object> upToSecond = new ArrayList<>();
    now.filter((u, d) -> d.tx() <= ages.get(1).tx())
        .datoms(":eavt", List.of(":p/name", "c"), ":p/age")
        .forEach(d -> upToSecond.add(d.tx()));
    assertEquals(List.of(ages.get(1).tx()), upToSecond, "a kept retraction still cancels");
  }

  @Test
  void thePredicateIsGivenTheUnfilteredDatabaseInTheSameTimeView() {
    List<Database> seen = new ArrayList<>();
    long before = db.basisT() - 1;
    Database f =
        db.filter(
            (u, d) -> {
              seen.add(u);
              return true;
            });
    q(AGES, f.asOf(before).filter((u, d) -> !u.isFiltered()));
    Database given = seen.get(0);
    assertFalse(given.isFiltered());
    assertEquals(before, given.asOfT());
    q(AGES, f.history().filter((u, d) -> true));
    assertTrue(seen.get(seen.size() - 1).isHistory());
  }

  @Test
  void withKeepsTheFilterOnBothValues() {
    TxReport r = db.filter(NOT_TWO).with("[{:p/name \"d\" :p/age 2} {:p/name \"e\" :p/age 4}]");
    assertTrue(r.dbBefore().isFiltered() && r.dbAfter().isFiltered());
    assertEquals(
        Set.of(List.of(3L), List.of(4L), List.of(10L)),
        q("[:find ?a :where [_ :p/age ?a]]", r.dbAfter()));
  }

  @Test
  void identsAttributesAndStatsAreNotFiltered() {
    long identAttr = db.entid(":db/ident");
    Database noIdents = db.filter((u, d) -> d.a() != identAttr);
    assertEquals(Keyword.of("p/age"), noIdents.ident(db.entid(":p/age")));
    assertEquals(db.entid(":p/age"), noIdents.entid(":p/age"));
    assertEquals(3, q("[:find ?a :where [_ :p/age ?a]]", noIdents).size());
    assertNull(noIdents.pull("[:db/ident]", db.entid(":p/age")));
    assertEquals(db.dbStats(), noIdents.dbStats());
  }

  @Test
  void aPredicateThatThrowsFailsTheReadNamingTheDatom() {
    Database f =
        db.filter(
            (u, d) -> {
              if (Long.valueOf(3).equals(d.v())) {
                throw new IllegalStateException("boom");
              }
              return true;
            });
    Anomaly a = assertThrows(Anomaly.class, () -> q(AGES, f));
    assertEquals(Category.INCORRECT, a.category());
    assertEquals(Keyword.of("db.error/filter-failed"), a.code());
    assertTrue(a.getMessage().contains("boom") && a.getMessage().contains(" 3 "), a.getMessage());
    Anomaly own = Anomaly.forbidden("app/no", "not you");
    Database g =
        db.filter(
            (u, d) -> {
              throw own;
            });
    assertEquals(own, assertThrows(Anomaly.class, () -> values(g.datoms(":eavt"))));
    assertThrows(Anomaly.class, () -> db.filter(null));
  }
}
