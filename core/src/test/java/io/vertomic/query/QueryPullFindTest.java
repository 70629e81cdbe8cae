package io.vertomic.query;

import org.junit.jupiter.api.Test;

class QueryPullFindTest extends QueryTestBase {

  @Test
  void pullInFind() {
    var db = people();
    assertQuery(
        "#{[{:name \"Ivan\" :age 15}]}", "[:find (pull ?e [:name :age]) :where [?e :age 15]]", db);
  }

  @Test
  void pullWithSourceAndNesting() {
    var db = people();
    assertQuery(
        "[{:name \"Ivan\" :friend [{:name \"Petr\"}]}]",
        "[:find [(pull $ ?e [:name {:friend [:name]}]) ...] :where [?e :age 15]]",
        db);
  }

  @Test
  void pullPatternFromInput() {
    var db = people();
    assertQuery(
        "{:email \"anna@x\"}",
        "[:find (pull ?e ?p) . :in $ ?p :where [?e :age 22]]",
        db,
        io.vertomic.edn.Edn.read("[:email]"));
  }

  @Test
  void pullAlongsideVariables() {
    var db = people();
    assertQuery(
        "#{[37 {:name \"Petr\"}] [37 {:name \"Oleg\"}]}",
        "[:find ?a (pull ?e [:name]) :where [?e :age ?a] [(> ?a 30)]]",
        db);
  }
}
