package io.vertomic.query;

import io.vertomic.query.fn.Functions;
import org.junit.jupiter.api.Test;

class QueryPredicateTest extends QueryTestBase {

  @Test
  void comparisonPredicate() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"] [\"Anna\"]}", "[:find ?n :where [?e :age ?a] [(< ?a 30)] [?e :name ?n]]", db);
  }

  @Test
  void predicateBetweenTwoEntities() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\" \"Anna\"]}",
        "[:find ?n1 ?n2 :where [?a :age ?x] [?b :age ?y] [(< ?x ?y)] [(< ?y 30)]"
            + " [?a :name ?n1] [?b :name ?n2]]",
        db);
  }

  @Test
  void predicateWithInputConstant() {
    var db = people();
    assertQuery(
        "#{[\"Anna\"]}",
        "[:find ?n :in $ ?min :where [?e :age ?a] [(> ?a ?min)] [(< ?a 30)] [?e :name ?n]]",
        db,
        20L);
  }

  @Test
  void missingPredicate() {
    var db = people();
    assertQuery(
        "#{[\"Oleg\"] [\"Anna\"]}", "[:find ?n :where [?e :name ?n] [(missing? $ ?e :bio)]]", db);
  }

  @Test
  void registeredJavaPredicate() {
    Functions.register("test.pred/even-age?", a -> ((Long) a[0]) % 2 == 0);
    var db = people();
    assertQuery(
        "#{[\"Anna\"]}",
        "[:find ?n :where [?e :age ?a] [(test.pred/even-age? ?a)] [?e :name ?n]]",
        db);
  }
}
