package io.vertomic.query;

import org.junit.jupiter.api.Test;

class QueryNotTest extends QueryTestBase {

  @Test
  void notRemovesMatchingBindings() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"] [\"Anna\"]}", "[:find ?n :where [?e :name ?n] (not [?e :age 37])]", db);
  }

  @Test
  void notJoinKeepsVariablesLocalForAPredicate() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"] [\"Anna\"]}",
        "[:find ?n :where [?e :name ?n] (not-join [?e] [?e :age ?a] [(> ?a 30)])]",
        db);
  }

  @Test
  void notWithAVariableBoundOnlyInsideIsRejectedAsDatomicDoes() {
    assertRejected(
        io.vertomic.anomaly.Category.INCORRECT,
        "[:find ?n :where [?e :name ?n] (not [?e :age ?a] [(> ?a 30)])]",
        new Object[] {people()},
        "[?a]",
        "not-join");
  }

  @Test
  void notJoinJoinsOnlyOnItsVariables() {
    var db = people();
    assertQuery(
        "#{[\"Anna\"]}",
        "[:find ?n :where [?e :name ?n] (not-join [?e] [?e :friend ?f] [?f :name _])]",
        db);
  }

  @Test
  void notFollowingAReference() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"] [\"Petr\"]}",
        "[:find ?n :where [?e :friend ?f] [?e :name ?n] (not [?f :age 15])]",
        db);
  }

  @Test
  void sourceQualifiedNot() {
    var db = people();
    assertQuery(
        "#{[\"Anna\"]}",
        "[:find ?n :in $ $b :where [?e :name ?n] ($b not [?e :friend _])]",
        db,
        db);
  }
}
