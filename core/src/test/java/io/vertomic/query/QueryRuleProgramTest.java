package io.vertomic.query;

import io.vertomic.anomaly.Category;
import org.junit.jupiter.api.Test;

/**
 * Rule programs as a whole: stratified negation, and the programs that have no meaning (negation
 * through recursion, recursion with no base case, a head variable the body never binds), each
 * refused with {@code incorrect} before anything runs.
 */
class QueryRuleProgramTest extends QueryTestBase {
  private static final String REACH =
      "[(reach ?a ?b) [?a :friend ?b]] [(reach ?a ?b) [?a :friend ?x] (reach ?x ?b)]";

  @Test
  void negationOfARecursiveRuleSeesItsCompleteAnswer() {
    // everyone Anna cannot reach (she has no friends): the not needs reach's whole answer
    assertQuery(
        "#{[\"Ivan\"] [\"Petr\"] [\"Oleg\"] [\"Anna\"]}",
        "[:find ?n :in $ % :where [?a :name \"Anna\"] [?e :name ?n] (not (reach ?a ?e))]",
        people(),
        "[" + REACH + "]");
    assertQuery(
        "#{[\"Anna\"]}",
        "[:find ?n :in $ % :where [?i :name \"Ivan\"] [?e :name ?n] (unreachable ?i ?e)]",
        people(),
        "[" + REACH + " [(unreachable ?a ?b) [?b :name] (not (reach ?a ?b))]]");
  }

  @Test
  void aRecursiveRuleWithABoundArgumentAnswersOnlyWhatItReaches() {
    assertQuery(
        "#{[\"Petr\"] [\"Oleg\"] [\"Ivan\"]}",
        "[:find ?n :in $ % ?a :where (reach ?a ?b) [?b :name ?n]]",
        people(),
        "[" + REACH + "]",
        io.vertomic.edn.Edn.read("[:email \"ivan@x\"]"));
  }

  @Test
  void negationThroughRecursionIsIncorrect() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?e :in $ % :where (odd ?e)]",
        new Object[] {
          people(), "[[(odd ?e) [?e :name] (not (even ?e))] [(even ?e) [?e :name] (not (odd ?e))]]"
        },
        "cannot be stratified");
  }

  @Test
  void recursionWithNoBaseCaseIsIncorrect() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?b :in $ % :where (loop ?a ?b)]",
        new Object[] {people(), "[[(loop ?a ?b) [?a :friend ?x] (loop ?x ?b)]]"},
        "no base case");
  }

  @Test
  void aHeadVariableTheBodyNeverBindsIsIncorrect() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?b :in $ % :where (r ?a ?b)]",
        new Object[] {people(), "[[(r ?a ?b) [?a :name]]]"},
        "?b");
  }
}
