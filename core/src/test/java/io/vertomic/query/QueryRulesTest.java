package io.vertomic.query;

import org.junit.jupiter.api.Test;

class QueryRulesTest extends QueryTestBase {
  private static final String REACH =
      "[[(reach ?a ?b) [?a :friend ?b]]" + " [(reach ?a ?b) [?a :friend ?x] (reach ?x ?b)]]";

  @Test
  void simpleRule() {
    var db = people();
    assertQuery(
        "#{[\"Petr\"] [\"Oleg\"]}",
        "[:find ?n :in $ % :where (adult ?e) [?e :name ?n]]",
        db,
        "[[(adult ?e) [?e :age ?a] [(> ?a 30)]]]");
  }

  @Test
  void recursiveRuleTerminatesOnCyclicData() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"] [\"Petr\"] [\"Oleg\"]}",
        "[:find ?n :in $ % :where [?e :email \"ivan@x\"] (reach ?e ?f) [?f :name ?n]]",
        db,
        REACH);
  }

  @Test
  void recursiveRuleWithNothingBound() {
    var db = people();
    assertQuery(
        "#{[9]}", "[:find (count ?p) :in $ % :where (reach ?a ?b) [(tuple ?a ?b) ?p]]", db, REACH);
  }

  @Test
  void recursiveRuleBoundOnTheOtherSide() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"] [\"Petr\"] [\"Oleg\"]}",
        "[:find ?n :in $ % :where [?f :email \"oleg@x\"] (reach ?e ?f) [?e :name ?n]]",
        db,
        REACH);
  }

  @Test
  void ruleWithSeveralBranchesAndConstants() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"] [\"Anna\"]}",
        "[:find ?n :in $ % :where (young ?e) [?e :name ?n]]",
        db,
        "[[(young ?e) [?e :age 15]] [(young ?e) [?e :age 22]]]");
  }

  @Test
  void ruleWithRequiredVariable() {
    var db = people();
    assertQuery(
        "#{[\"Petr\"]}",
        "[:find ?n :in $ % :where [?a :email \"ivan@x\"] (older ?a ?b) [?b :email \"petr@x\"] [?b :name ?n]]",
        db,
        "[[(older [?x] ?y) [?x :age ?ax] [?y :age ?ay] [(< ?ax ?ay)]]]");
  }

  @Test
  void ruleCallingRuleAndRuleWithSource() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"]}",
        "[:find ?n :in $ $b % :where [?e :email \"petr@x\"] ($b friend-of-friend ?e ?f) [?f :name ?n]]",
        db,
        db,
        "[[(friend ?a ?b) [?a :friend ?b]]"
            + " [(friend-of-friend ?a ?c) (friend ?a ?b) (friend ?b ?c)]]");
  }
}
