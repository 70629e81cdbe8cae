package io.vertomic.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import java.util.Collection;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Recursive rules evaluated three ways give one answer: right-linear reachability (evaluated by
 * closure from the bound argument), the same relation written left-linearly (semi-naive tabling)
 * and with nothing bound; on random graphs with cycles.
 */
class QueryRecursiveRuleTest {
  private static final String RULES =
      "[[(right ?a ?b) [?a :link ?b]]"
          + " [(right ?a ?b) [?a :link ?x] (right ?x ?b)]"
          + " [(left ?a ?b) [?a :link ?b]]"
          + " [(left ?a ?b) (left ?a ?x) [?x :link ?b]]"
          + " [(hop2 ?a ?b) [?a :link ?x] [?x :link ?b]]"
          + " [(far ?a ?b) (hop2 ?a ?b)]"
          + " [(far ?a ?b) [?a :tag :start] [?a :link ?x] (far ?x ?b)]]";

  private static Database graph(long seed, int nodes) {
    String uri = "vertomic:mem://recursive-rules-" + seed;
    Peer.createDatabase(uri);
    Connection conn = Peer.connect(uri);
    conn.transact(
            "[{:db/ident :node/id :db/valueType :db.type/long :db/cardinality :db.cardinality/one"
                + " :db/unique :db.unique/identity}"
                + " {:db/ident :link :db/valueType :db.type/ref :db/cardinality :db.cardinality/many}"
                + " {:db/ident :tag :db/valueType :db.type/keyword :db/cardinality :db.cardinality/one}]")
        .await();
    Random r = new Random(seed);
    StringBuilder tx = new StringBuilder("[");
    for (int i = 0; i < nodes; i++) {
      tx.append("{:db/id \"n").append(i).append("\" :node/id ").append(i);
      if (r.nextInt(3) == 0) {
        tx.append(" :tag :start");
      }
      tx.append(" :link [");
      for (int k = r.nextInt(3); k > 0; k--) {
        tx.append("\"n").append(r.nextInt(nodes)).append("\" ");
      }
      tx.append("]}");
    }
    conn.transact(tx.append("]").toString()).await();
    return conn.db();
  }

  private static Object reach(Database db, String rule, long from) {
    return Peer.q(
        "[:find ?to :in $ % ?from :where [?a :node/id ?from] ("
            + rule
            + " ?a ?b) [?b :node/id ?to]]",
        db,
        RULES,
        from);
  }

  @Test
  void rightLinearAndLeftLinearReachabilityAgreeOnRandomGraphs() {
    for (long seed = 1; seed <= 5; seed++) {
      Database db = graph(seed, 40);
      for (long from = 0; from < 40; from += 3) {
        assertEquals(reach(db, "left", from), reach(db, "right", from), "seed " + seed);
      }
    }
  }

  @Test
  void boundAndFreeCallsOfARightLinearRuleAgree() {
    Database db = graph(7, 30);
    Collection<?> all =
        (Collection<?>)
            Peer.q(
                "[:find ?f ?t :in $ % :where (far ?a ?b) [?a :node/id ?f] [?b :node/id ?t]]",
                db, RULES);
    assertFalse(all.isEmpty());
    for (long f = 0; f < 30; f++) {
      long from = f;
      Collection<?> bound =
          (Collection<?>)
              Peer.q(
                  "[:find ?f ?t :in $ % ?f :where [?a :node/id ?f] (far ?a ?b) [?b :node/id ?t]]",
                  db, RULES, from);
      long expected =
          all.stream().filter(row -> ((java.util.List<?>) row).get(0).equals(from)).count();
      assertEquals(expected, bound.size(), "from " + from);
    }
  }
}
