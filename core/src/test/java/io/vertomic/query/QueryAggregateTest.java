package io.vertomic.query;

import io.vertomic.anomaly.Category;
import io.vertomic.query.fn.Functions;
import org.junit.jupiter.api.Test;

class QueryAggregateTest extends QueryTestBase {

  @Test
  void aWithVariableAlsoInTheFindSpecIsIncorrectAsInDatomic() {
    assertRejected(
        Category.INCORRECT,
        "[:find (count ?e) :with ?e :where [?e :age ?a]]",
        new Object[] {people()},
        "?e",
        ":with");
  }

  @Test
  void aFunctionBindingItsOwnArgumentIsIncorrectAsInDatomic() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?a :where [?e :age ?a] [(identity ?a) ?a]]",
        new Object[] {people()},
        "?a");
  }

  @Test
  void countMinMaxSum() {
    var db = people();
    assertQuery(
        "[4 15 37 111]", "[:find [(count ?e) (min ?a) (max ?a) (sum ?a)] :where [?e :age ?a]]", db);
  }

  @Test
  void groupByOtherFindElements() {
    var db = people();
    assertQuery("#{[15 1] [22 1] [37 2]}", "[:find ?a (count ?e) :where [?e :age ?a]]", db);
  }

  @Test
  void scalarAggregateOverNothingIsNull() {
    var db = people();
    assertQuery("nil", "[:find (count ?e) . :where [?e :age 99]]", db);
  }

  @Test
  void aggregateWithConstantArgument() {
    Functions.registerAggregate(
        "test.agg/first-n", (args, vs) -> vs.stream().sorted().limit((Long) args.get(0)).toList());
    var db = people();
    assertQuery("[[15 22]]", "[:find [(test.agg/first-n 2 ?a)] :where [_ :age ?a]]", db);
  }

  @Test
  void customAggregate() {
    Functions.registerAggregate("test.agg/str-all", (args, vs) -> String.valueOf(vs.size()) + "!");
    var db = people();
    assertQuery("\"3!\"", "[:find (test.agg/str-all ?a) . :where [_ :age ?a]]", db);
  }
}
