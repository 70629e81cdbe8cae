package io.vertomic.query;

import io.vertomic.anomaly.Category;
import org.junit.jupiter.api.Test;

class QueryErrorsTest extends QueryTestBase {
  private static final Object[] NONE = new Object[0];

  private Object[] db() {
    return new Object[] {people()};
  }

  @Test
  void unboundVariableInPredicate() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?e :where [?e :age ?a] [(> ?b 1)]]",
        db(),
        "Insufficient binding",
        "[(> ?b 1)]",
        "?b");
  }

  @Test
  void unboundVariableInFunction() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?x :where [?e :age ?a] [(inc ?z) ?x]]",
        db(),
        "Insufficient binding",
        "?z");
  }

  @Test
  void orBranchesWithDifferentVariables() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?e :where [?e :age ?a] (or [?e :age 1] [?x :age 2])]",
        db(),
        "same set of variables");
  }

  @Test
  void unknownFindSpec() {
    assertRejected(
        Category.INCORRECT, "[:find \"foo\" :where [?e :age ?a]]", db(), "Unknown find element");
    assertRejected(
        Category.INCORRECT, "[:find ?a ... :where [?e :age ?a]]", db(), "Unknown find spec");
  }

  @Test
  void wrongRuleArity() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?e :in $ % :where (r ?e)]",
        new Object[] {people(), "[[(r ?a ?b) [?a :age ?b]]]"},
        "Rule r takes 2 arguments",
        "(r ?e)");
  }

  @Test
  void extraRuleArgumentsAreIgnoredAsDatomicDoes() {
    assertQuery(
        "#{[15]}",
        "[:find ?a :in $ % :where (r ?e ?a ?x) [?e :name \"Ivan\"]]",
        people(),
        "[[(r ?e ?a) [?e :age ?a]]]");
  }

  @Test
  void unknownRule() {
    assertRejected(Category.INCORRECT, "[:find ?e :where (nope ?e)]", db(), "Unknown rule", "nope");
  }

  @Test
  void notWithAllVariablesUnbound() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?e :where [?e :age _] (not [?x :age 15])]",
        db(),
        "not bound outside",
        "(not [?x :age 15])");
  }

  @Test
  void unknownInputKind() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?e :in $ 42 :where [?e :age _]]",
        new Object[] {people(), 1},
        "Unknown input kind",
        "42");
  }

  @Test
  void wrongNumberOfInputs() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?e :in $ ?x :where [?e :age ?x]]",
        db(),
        "2 input(s) but 1 given");
  }

  @Test
  void findVariableNotBound() {
    assertRejected(
        Category.INCORRECT, "[:find ?x :where [?e :age _]]", db(), "Find variable ?x is not bound");
  }

  @Test
  void functionNotAllowed() {
    assertRejected(
        Category.FORBIDDEN,
        "[:find ?x :where [(java.lang.System/exit 1) ?x]]",
        NONE,
        "java.lang.System/exit",
        "not allowed");
    assertRejected(Category.FORBIDDEN, "[:find (evil ?a) :where [_ :age ?a]]", db(), "evil");
  }

  @Test
  void malformedQueries() {
    assertRejected(Category.INCORRECT, "[:where [?e :age _]]", NONE, "needs :find");
    assertRejected(
        Category.INCORRECT, "[:find ?e :wher [?e :age _]]", NONE, "Unknown query section");
    assertRejected(Category.INCORRECT, "[:find ?e :where 42]", NONE, "Invalid clause 42");
    assertRejected(Category.INCORRECT, "[:find ?e :where [?e :age", NONE);
  }

  @Test
  void unknownAttribute() {
    assertRejected(Category.INCORRECT, "[:find ?e :where [?e :no/such 1]]", db(), ":no/such");
  }

  @Test
  void unknownSource() {
    assertRejected(Category.INCORRECT, "[:find ?e :where [$x ?e :age _]]", db(), "$x");
  }
}
