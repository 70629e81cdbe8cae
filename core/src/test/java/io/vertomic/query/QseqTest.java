package io.vertomic.query;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Edn;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Peer.qseq}: {@code q}'s rows as a lazy sequence, pulls run as rows are consumed. */
class QseqTest {
  private Connection conn;
  private Database db;

  @BeforeEach
  void people() {
    conn =
        TestDb.withSchema(
            "[{:db/ident :p/name :db/valueType :db.type/string :db/cardinality"
                + " :db.cardinality/one}"
                + " {:db/ident :p/age :db/valueType :db.type/long :db/cardinality"
                + " :db.cardinality/one}]");
    tx(
        conn,
        "[{:p/name \"Ivan\" :p/age 30} {:p/name \"Oleg\" :p/age 30} {:p/name \"Anna\" :p/age 20}]");
    db = conn.db();
  }

  private static List<Object> all(Iterable<?> it) {
    List<Object> out = new ArrayList<>();
    it.forEach(out::add);
    return out;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[:find ?n ?a :where [?e :p/name ?n] [?e :p/age ?a]]",
        "[:find (pull ?e [:p/name]) ?a :where [?e :p/age ?a]]",
        "[:find ?a (count ?e) :where [?e :p/age ?a]]",
        "[:find (pull ?e [:p/name]) (max ?a) :where [?e :p/age ?a]]",
        "[:find ?a :with ?e :where [?e :p/age ?a]]",
        "[:find ?n :keys name :where [_ :p/name ?n]]",
        "[:find [?n ...] :where [_ :p/name ?n]]",
        "[:find [(pull ?e [*]) ...] :where [?e :p/name]]"
      })
  void qseqGivesTheRowsQGives(String query) {
    Object q = Peer.q(query, db);
    List<Object> seq = all(Peer.qseq(query, db));
    assertEquals(new HashSet<>((Collection<?>) q), new HashSet<>(seq), query);
    assertEquals(((Collection<?>) q).size(), seq.size(), query);
  }

  @Test
  void aQueryMapWithArgsIsAcceptedAsDatomicsQseqTakes() {
    Map<?, ?> query =
        Map.of(
            Edn.read(":query"),
            Edn.read("[:find ?n :in $ ?a :where [?e :p/age ?a] [?e :p/name ?n]]"),
            Edn.read(":args"),
            List.of(db, 20L));
    assertEquals(List.of(List.of("Anna")), all(Peer.qseq(query)));
  }

  @Test
  void theSizeIsKnownAndEachPassPullsAfresh() {
    Iterable<?> rows = Peer.qseq("[:find (pull ?e [:p/name]) :where [?e :p/name]]", db);
    assertEquals(3, ((Collection<?>) rows).size());
    Iterator<?> first = rows.iterator();
    Object a = first.next();
    assertEquals(a, rows.iterator().next());
    assertTrue(a != rows.iterator().next(), "a new pulled map on each pass");
  }

  @Test
  void aPullThatFailsDoesSoWhenItsRowIsConsumed() {
    Iterable<?> rows =
        Peer.qseq("[:find (pull ?e ?p) :in $ ?p :where [?e :p/name]]", db, "[{:p/name 0}]");
    Iterator<?> it = rows.iterator();
    Anomaly x = assertThrows(Anomaly.class, it::next);
    assertEquals(Category.INCORRECT, x.category());
  }

  @Test
  void aScalarOrTupleFindSpecIsIncorrect() {
    for (String q :
        List.of(
            "[:find ?n . :where [_ :p/name ?n]]",
            "[:find [?n ?a] :where [?e :p/name ?n] [?e :p/age ?a]]")) {
      Anomaly x = assertThrows(Anomaly.class, () -> Peer.qseq(q, db), q);
      assertEquals(Category.INCORRECT, x.category(), q);
      assertTrue(x.getMessage().contains("qseq answers a sequence"), x.getMessage());
    }
  }
}
