package io.vertomic.query;

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
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Query tests in the user's language: schema, data, queries and expected answers as EDN. Answers
 * are compared as canonical EDN; an expected set makes any collection compare as a set.
 */
public abstract class QueryTestBase {
  protected static final String SCHEMA =
      "[{:db/ident :name :db/valueType :db.type/string :db/cardinality :db.cardinality/one}"
          + " {:db/ident :email :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
          + "  :db/unique :db.unique/identity}"
          + " {:db/ident :age :db/valueType :db.type/long :db/cardinality :db.cardinality/one"
          + "  :db/index true}"
          + " {:db/ident :friend :db/valueType :db.type/ref :db/cardinality :db.cardinality/many}"
          + " {:db/ident :nick :db/valueType :db.type/string :db/cardinality :db.cardinality/many}"
          + " {:db/ident :bio :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
          + "  :db/fulltext true}]";

  /** Ivan -> Petr -> Oleg -> Ivan is a cycle of friends; Anna has none. */
  protected static final String PEOPLE =
      "[{:db/id \"ivan\" :name \"Ivan\" :age 15 :email \"ivan@x\" :friend [\"petr\"]"
          + "  :nick [\"vanya\" \"ivanushka\"] :bio \"Loves functional programming\"}"
          + " {:db/id \"petr\" :name \"Petr\" :age 37 :email \"petr@x\" :friend [\"oleg\"]"
          + "  :bio \"Writes Java all day\"}"
          + " {:db/id \"oleg\" :name \"Oleg\" :age 37 :email \"oleg@x\" :friend [\"ivan\"]}"
          + " {:db/id \"anna\" :name \"Anna\" :age 22 :email \"anna@x\"}]";

  protected Connection conn;

  protected Database people() {
    conn = TestDb.withSchema(SCHEMA);
    TestDb.tx(conn, PEOPLE);
    return conn.db();
  }

  protected static Object q(Object query, Object... inputs) {
    return Peer.q(query, inputs);
  }

  protected static Object query(Map<?, ?> m) {
    return Peer.query(m);
  }

  protected static Object explain(String query, Object... inputs) {
    return Peer.explain(query, inputs);
  }

  /** Asserts that {@code query} over {@code inputs} answers {@code expectedEdn}. */
  protected static void assertQuery(String expectedEdn, String query, Object... inputs) {
    assertAnswer(expectedEdn, q(query, inputs));
  }

  protected static void assertAnswer(String expectedEdn, Object actual) {
    Object expected = Edn.read(expectedEdn);
    assertEquals(Edn.write(expected), Edn.write(normalize(expected, actual)), expectedEdn);
  }

  private static Object normalize(Object expected, Object actual) {
    if (expected instanceof Set<?> && actual instanceof Collection<?> c) {
      Set<Object> s = new LinkedHashSet<>();
      c.forEach(s::add);
      return s;
    }
    return actual;
  }

  /** Asserts {@code query} fails with {@code category} and a message containing {@code parts}. */
  protected static Anomaly assertRejected(
      Category category, String query, Object[] inputs, String... parts) {
    Anomaly a = assertThrows(Anomaly.class, () -> q(query, inputs));
    assertEquals(category, a.category(), a::toString);
    for (String p : parts) {
      assertTrue(a.getMessage().contains(p), () -> "'" + a.getMessage() + "' lacks '" + p + "'");
    }
    return a;
  }
}
