package io.vertomic.query;

import org.junit.jupiter.api.Test;

class QueryOrTest extends QueryTestBase {

  @Test
  void orIsAUnionOfBranches() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"] [\"Anna\"]}",
        "[:find ?n :where [?e :name ?n] (or [?e :age 15] [?e :age 22])]",
        db);
  }

  @Test
  void orWithAndBranch() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"] [\"Petr\"]}",
        "[:find ?n :where [?e :name ?n] (or [?e :age 15] (and [?e :age 37] [?e :email \"petr@x\"]))]",
        db);
  }

  @Test
  void orJoinKeepsBranchVariablesLocal() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"] [\"Petr\"] [\"Oleg\"]}",
        "[:find ?n :where [?e :name ?n] (or-join [?e] [?e :friend ?f] (and [?e :age ?a] [(< ?a 20)]))]",
        db);
  }

  @Test
  void orJoinWithRequiredVariables() {
    var db = people();
    assertQuery(
        "#{[\"Anna\"]}",
        "[:find ?n :where [?e :name ?n] (or-join [[?e]] [?e :age 22] [?e :bio \"none\"])]",
        db);
  }

  @Test
  void orThatBindsItsVariables() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"] [\"Petr\"]}",
        "[:find ?n :where (or [?e :age 15] [?e :email \"petr@x\"]) [?e :name ?n]]",
        db);
  }
}
