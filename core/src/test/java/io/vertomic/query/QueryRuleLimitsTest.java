package io.vertomic.query;

import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.TestDb;
import org.junit.jupiter.api.Test;

/**
 * Rule sets a hostile client may send: too many rules, or a chain of calls deeper than evaluation
 * may nest on the stack, are refused {@code incorrect} before anything runs; a chain within the
 * limit runs. Recursion inside one rule is iteration and has no such limit.
 */
class QueryRuleLimitsTest extends QueryTestBase {
  private static final String QUERY =
      "[:find ?n :in $ % :where [?e :name \"Ivan\"] (c0 ?e ?f)" + " [?f :name ?n]]";

  @Test
  void aChainOfCallsWithinTheLimitRuns() {
    assertQuery("#{[\"Petr\"]}", QUERY, people(), chain(100));
  }

  @Test
  void aChainOfCallsDeeperThanTheLimitIsIncorrect() {
    assertRejected(
        Category.INCORRECT,
        QUERY,
        new Object[] {people(), chain(101)},
        "chain of calls 101 rules deep, more than the limit of 100");
  }

  @Test
  void aChainOfAHundredThousandRulesIsRefusedNotAStackOverflow() {
    assertRejected(
        Category.INCORRECT,
        QUERY,
        new Object[] {people(), chain(100_000)},
        "The query defines 100000 rules, more than the limit of 1000");
  }

  @Test
  void deepRecursionWithinOneRuleIsIterationAndHasNoDepthLimit() {
    StringBuilder tx = new StringBuilder("[");
    for (int i = 0; i < 3000; i++) {
      tx.append("{:db/id \"n").append(i).append("\" :name \"n").append(i).append('"');
      tx.append(i < 2999 ? " :friend \"n" + (i + 1) + "\"}" : "}");
    }
    conn = TestDb.withSchema(SCHEMA);
    TestDb.tx(conn, tx.append("]").toString());
    assertQuery(
        "2999",
        "[:find (count ?f) . :in $ % :where [?e :name \"n0\"] (reach ?e ?f)]",
        conn.db(),
        "[[(reach ?a ?b) [?a :friend ?b]] [(reach ?a ?b) [?a :friend ?c] (reach ?c ?b)]]");
  }

  /** Rules c0 calls c1 ... calls c(n-1), which is a friend: n rules, each its own component. */
  private static String chain(int n) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n - 1; i++) {
      b.append("[(c").append(i).append(" ?a ?b) (c").append(i + 1).append(" ?a ?b)]");
    }
    b.append("[(c").append(n - 1).append(" ?a ?b) [?a :friend ?b]]]");
    return b.toString();
  }
}
