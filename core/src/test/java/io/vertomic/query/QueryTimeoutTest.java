package io.vertomic.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.TestDb;
import io.vertomic.query.fn.Functions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryTimeoutTest extends QueryTestBase {

  private io.vertomic.peer.Database numbers(int n) {
    var c =
        TestDb.withSchema(
            "[{:db/ident :n :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    StringBuilder tx = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      tx.append("{:n ").append(i).append('}');
    }
    TestDb.tx(c, tx.append(']').toString());
    return c.db();
  }

  @Test
  void runawayCartesianProductIsInterrupted() {
    Functions.register("test.slow/never", a -> false);
    var db = numbers(400);
    Anomaly a =
        assertThrows(
            Anomaly.class,
            () ->
                query(
                    Map.of(
                        Keyword.of("query"),
                        "[:find ?x ?y ?z :where [_ :n ?x] [_ :n ?y] [_ :n ?z] [(test.slow/never ?x ?y ?z)]]",
                        Keyword.of("args"),
                        List.of(db),
                        Keyword.of("timeout"),
                        50L)));
    assertEquals(Category.INTERRUPTED, a.category());
    assertEquals(Keyword.of("query.error/timeout"), a.code());
  }

  @Test
  void rowLimitStopsAHugeIntermediateResult() {
    var db = numbers(200);
    Anomaly a =
        assertThrows(
            Anomaly.class,
            () ->
                query(
                    Map.of(
                        Keyword.of("query"),
                        "[:find ?x ?y :where [_ :n ?x] [_ :n ?y]]",
                        Keyword.of("args"),
                        List.of(db),
                        Keyword.of("row-limit"),
                        1000L)));
    assertEquals(Category.INCORRECT, a.category());
  }

  @Test
  void queryMapWithoutLimitsAnswers() {
    var db = numbers(3);
    assertAnswer(
        "#{[0] [1] [2]}",
        query(
            Map.of(
                Keyword.of("query"), Edn.read("[:find ?x :where [_ :n ?x]]"),
                Keyword.of("args"), List.of(db))));
  }
}
