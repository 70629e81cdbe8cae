package io.vertomic.peer;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Edn;
import io.vertomic.fixtures.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Database.indexPull}, Datomic's {@code index-pull}: the answers below are what Datomic
 * 1.0.7277 gives on the same data (checked side by side).
 */
class IndexPullTest {
  private static final String SCHEMA =
      """
      [{:db/ident :p/name :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db/index true}
       {:db/ident :p/age :db/valueType :db.type/long :db/cardinality :db.cardinality/one}
       {:db/ident :p/kids :db/valueType :db.type/ref :db/cardinality :db.cardinality/many
        :db/isComponent true}
       {:db/ident :p/tags :db/valueType :db.type/string :db/cardinality :db.cardinality/many}]""";

  private Connection conn;
  private long a;

  @BeforeEach
  void fourPeople() {
    conn = TestDb.withSchema(SCHEMA);
    TxReport r =
        tx(
            conn,
            "[{:db/id \"a\" :p/name \"A\" :p/age 3 :p/kids [{:p/name \"K1\"} {:p/name \"K2\"}]}"
                + " {:p/name \"B\" :p/age 5}]");
    a = r.tempids().get("a");
    tx(conn, "[[:db/retract " + a + " :p/age 3]]");
  }

  private List<Object> pulled(String argsEdn) {
    List<Object> out = new ArrayList<>();
    for (Map<?, ?> m : conn.db().indexPull((Map<?, ?>) Edn.read(argsEdn))) {
      out.add(m);
    }
    return out;
  }

  private static List<?> maps(String edn) {
    return (List<?>) Edn.read(edn);
  }

  @Test
  void avetPullsTheEntityOfEachDatomInValueOrder() {
    assertEquals(
        maps("[{:p/name \"A\"} {:p/name \"B\", :p/age 5} {:p/name \"K1\"} {:p/name \"K2\"}]"),
        pulled("{:index :avet :selector [:p/name :p/age] :start [:p/name]}"));
  }

  @Test
  void avetStartsAtTheGivenValue() {
    assertEquals(
        maps("[{:p/name \"B\"} {:p/name \"K1\"} {:p/name \"K2\"}]"),
        pulled("{:index :avet :selector [:p/name] :start [:p/name \"B\"]}"));
  }

  @Test
  void reverseWalksDownFromTheStartIncludingIt() {
    assertEquals(
        maps("[{:p/name \"K2\"} {:p/name \"K1\"} {:p/name \"B\"} {:p/name \"A\"}]"),
        pulled("{:index :avet :selector [:p/name] :start [:p/name] :reverse true}"));
    assertEquals(
        maps("[{:p/name \"K1\"} {:p/name \"B\"} {:p/name \"A\"}]"),
        pulled("{:index :avet :selector [:p/name] :start [:p/name \"K1\"] :reverse true}"));
  }

  @Test
  void offsetAndLimitSkipAndCapThePulledSequence() {
    assertEquals(
        maps("[{:p/name \"B\"} {:p/name \"K1\"}]"),
        pulled("{:index :avet :selector [:p/name] :start [:p/name] :offset 1 :limit 2}"));
  }

  @Test
  void aevtPullsTheValuesOfACardinalityManyReference() {
    List<Object> kids = pulled("{:index :aevt :selector [:p/name] :start [:p/kids]}");
    assertEquals(maps("[{:p/name \"K1\"} {:p/name \"K2\"}]"), kids);
    assertEquals(kids, pulled("{:index :aevt :selector [:p/name] :start [:p/kids " + a + "]}"));
  }

  @Test
  void theWalkStaysWithinTheStartAttribute() {
    tx(
        conn,
        "[{:db/ident :p/zzz :db/valueType :db.type/string"
            + " :db/cardinality :db.cardinality/one :db/index true}]");
    tx(conn, "[{:p/zzz \"Z\"}]");
    assertEquals(4, pulled("{:index :avet :selector [:p/name] :start [:p/name]}").size());
  }

  @Test
  void anAsOfValueIsWalkedAsItWas() {
    Database now = conn.db();
    tx(conn, "[{:p/name \"AA\"}]");
    Database later = conn.db();
    Map<?, ?> args =
        (Map<?, ?>) Edn.read("{:index :avet :selector [:p/name] :start [:p/name] :reverse true}");
    List<Object> asOf = new ArrayList<>();
    later.asOf(now.basisT()).indexPull(args).forEach(asOf::add);
    List<Object> before = new ArrayList<>();
    now.indexPull(args).forEach(before::add);
    assertEquals(before, asOf);
    assertEquals(5, count(later.indexPull(args)));
  }

  @Test
  void nothingIsPulledUntilConsumed() {
    Iterable<Map<io.vertomic.edn.Keyword, Object>> lazy =
        conn.db()
            .indexPull(Map.of(":index", ":avet", ":selector", "[:p/name]", ":start", "[:p/name]"));
    assertEquals(count(lazy), count(lazy), "each pass walks the index again");
  }

  @Test
  void avetOnAnAttributeThatIsNotIndexedIsIncorrectNamingIt() {
    Anomaly x =
        assertThrows(
            Anomaly.class, () -> pulled("{:index :avet :selector [:p/name] :start [:p/age]}"));
    assertEquals(Category.INCORRECT, x.category());
    assertTrue(x.getMessage().contains(":p/age is not indexed"), x.getMessage());
  }

  @Test
  void aevtOnACardinalityOneAttributeIsIncorrect() {
    Anomaly x =
        assertThrows(
            Anomaly.class, () -> pulled("{:index :aevt :selector [:p/name] :start [:p/age]}"));
    assertEquals(Category.INCORRECT, x.category());
    assertTrue(x.getMessage().contains(":p/age is not a cardinality-many reference"));
  }

  @Test
  void badArgumentsAreIncorrect() {
    for (String args :
        List.of(
            "{:index :eavt :selector [:p/name] :start [:p/name]}",
            "{:index :avet :selector [:p/name]}",
            "{:index :avet :start [:p/name]}",
            "{:index :avet :selector :p/name :start [:p/name]}",
            "{:index :avet :selector [:p/name] :start [:p/nope]}")) {
      Anomaly x = assertThrows(Anomaly.class, () -> pulled(args), args);
      assertEquals(Category.INCORRECT, x.category(), args);
    }
  }

  @Test
  void aHistoryValueCannotBePulled() {
    Anomaly x =
        assertThrows(
            Anomaly.class,
            () ->
                conn.db()
                    .history()
                    .indexPull(
                        (Map<?, ?>)
                            Edn.read("{:index :avet :selector [:p/name]" + " :start [:p/name]}")));
    assertTrue(x.getMessage().contains("Can't pull from history"));
  }

  private static int count(Iterable<?> it) {
    int n = 0;
    for (Object ignored : it) {
      n++;
    }
    return n;
  }

  @Test
  void anEntityTheSelectorFindsNothingOfIsNullAsInDatomic() {
    List<Object> ages = pulled("{:index :avet :selector [:p/age] :start [:p/name]}");
    assertEquals(java.util.Arrays.asList(null, Edn.read("{:p/age 5}"), null, null), ages);
  }
}
