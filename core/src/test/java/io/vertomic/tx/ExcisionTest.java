package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.LogEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code :db/excise} on a mem database: the datoms go from every index, current and past, and from
 * the log; the excision entity stays as the record.
 */
class ExcisionTest {
  private Connection conn;
  private long ann;
  private long bob;

  @BeforeEach
  void people() {
    conn =
        TestDb.withSchema(
            "[{:db/ident :p/name :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one :db/unique :db.unique/identity}"
                + " {:db/ident :p/secret :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one :db/index true}"
                + " {:db/ident :p/friend :db/valueType :db.type/ref"
                + " :db/cardinality :db.cardinality/many}"
                + " {:db/ident :p/name+secret :db/valueType :db.type/tuple"
                + " :db/tupleAttrs [:p/name :p/secret] :db/cardinality :db.cardinality/one}]");
    var r =
        tx(
            conn,
            "[{:db/id \"a\" :p/name \"ann\" :p/secret \"s1\"} {:db/id \"b\" :p/name \"bob\" :p/secret \"s2\" :p/friend \"a\"}]");
    ann = r.tempids().get("a");
    bob = r.tempids().get("b");
    tx(conn, "[[:db/add " + ann + " :p/secret \"s3\"]]");
  }

  /** Every value, of every datom of every index, current and past, and of the whole log. */
  private Set<Object> everyValue() {
    Database db = conn.db();
    Set<Object> out = new HashSet<>();
    for (String index : List.of(":eavt", ":aevt", ":avet", ":vaet")) {
      db.history().datoms(index).forEach(d -> out.add(d.v()));
    }
    for (LogEntry e : conn.log().txRange(null, null)) {
      e.data().forEach(d -> out.add(d.v()));
    }
    return out;
  }

  private static boolean holdsSecret(Set<Object> values, String s) {
    for (Object v : values) {
      if (s.equals(v) || (v instanceof List<?> l && l.contains(s))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void excisingAnEntityRemovesEveryDatomAboutItFromIndexesHistoryAndLog() {
    assertTrue(holdsSecret(everyValue(), "s1"));
    tx(conn, "[{:db/id \"x\" :db/excise " + ann + "}]");
    Set<Object> values = everyValue();
    for (String gone : List.of("ann", "s1", "s3")) {
      assertFalse(holdsSecret(values, gone), gone + " is still stored");
    }
    assertTrue(values.contains("bob") && values.contains("s2"));
    // bob's reference to ann is a datom about bob: it stays
    assertEquals(1, count(conn.db().datoms(":eavt", bob, ":p/friend")));
    assertEquals(1, count(conn.db().datoms(":aevt", ":db/excise")), "the record stays");
  }

  @Test
  void excisingSomeAttributesOfAnEntityKeepsTheOthers() {
    tx(conn, "[{:db/id \"x\" :db/excise " + ann + " :db.excise/attrs [:p/secret]}]");
    Set<Object> values = everyValue();
    assertFalse(holdsSecret(values, "s1") || holdsSecret(values, "s3"));
    assertTrue(values.contains("ann"));
    assertEquals(0, count(conn.db().datoms(":eavt", ann, ":p/name+secret")), "its tuple went too");
  }

  @Test
  void excisingAnAttributeBeforeATRemovesOnlyOlderValues() {
    long t = conn.db().basisT();
    tx(conn, "[{:db/id \"x\" :db/excise :p/secret :db.excise/beforeT " + t + "}]");
    Set<Object> values = everyValue();
    assertFalse(holdsSecret(values, "s1") || holdsSecret(values, "s2"), values.toString());
    assertTrue(values.contains("s3"), "asserted at t itself: kept");
  }

  @Test
  void badExcisionsAreRefusedNamingTheCulpritAndChangeNothing() {
    assertRejected(
        conn, "[{:db/id \"x\" :db.excise/attrs [:p/secret]}]", Category.INCORRECT, "names nothing");
    assertRejected(
        conn, "[{:db/id \"x\" :db/excise 17592186049999}]", Category.INCORRECT, "does not exist");
    assertRejected(conn, "[{:db/id \"x\" :db/excise :db/ident}]", Category.INCORRECT, "built-in");
    assertRejected(
        conn,
        "[{:db/id \"x\" :db/excise " + io.vertomic.peer.Peer.toTx(conn.db().basisT()) + "}]",
        Category.INCORRECT,
        "transaction");
    assertRejected(
        conn,
        "[{:db/id \"x\" :db/excise :p/secret :db.excise/attrs [:p/name]}]",
        Category.INCORRECT,
        "is an attribute");
    long record =
        tx(conn, "[{:db/id \"x\" :db/excise " + bob + " :db.excise/attrs [:p/secret]}]")
            .tempids()
            .get("x");
    assertRejected(
        conn, "[{:db/id \"y\" :db/excise " + record + "}]", Category.INCORRECT, "record");
  }

  @Test
  void aPeerReplayingTheLogExcisesTheSame() {
    tx(conn, "[{:db/id \"x\" :db/excise " + ann + "}]");
    Database db = conn.db();
    List<Datom> all = new ArrayList<>();
    db.history().datoms(":eavt").forEach(all::add);
    assertTrue(all.stream().noneMatch(d -> d.e() == ann));
  }

  private static long count(Iterable<?> it) {
    long n = 0;
    for (Object ignored : it) {
      n++;
    }
    return n;
  }
}
