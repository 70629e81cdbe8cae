package io.vertomic.query;

import io.vertomic.query.fn.Functions;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryFnExprTest extends QueryTestBase {

  @Test
  void scalarBinding() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\" 16]}",
        "[:find ?n ?b :where [?e :age 15] [?e :name ?n] [(inc ?a) ?b] [?e :age ?a]]",
        db);
  }

  @Test
  void tupleCollectionAndRelationBindings() {
    Functions.register("test.fn/pair", a -> List.of(a[0], a[1]));
    Functions.register("test.fn/rel", a -> List.of(List.of(1L, "a"), List.of(2L, "b")));
    assertQuery("#{[1 2]}", "[:find ?x ?y :where [(test.fn/pair 1 2) [?x ?y]]]");
    assertQuery("#{[1] [2]}", "[:find ?x :where [(test.fn/pair 1 2) [?x ...]]]");
    assertQuery("#{[1 \"a\"] [2 \"b\"]}", "[:find ?x ?y :where [(test.fn/rel) [[?x ?y]]]]");
  }

  @Test
  void groundTupleUntuple() {
    assertQuery("#{[42]}", "[:find ?x :where [(ground 42) ?x]]");
    assertQuery("#{[1] [2] [3]}", "[:find ?x :where [(ground [1 2 3]) [?x ...]]]");
    assertQuery(
        "#{[[1 2]]}", "[:find ?t :where [(ground 1) ?a] [(ground 2) ?b] [(tuple ?a ?b) ?t]]");
    assertQuery("#{[1 2]}", "[:find ?a ?b :where [(ground [1 2]) ?t] [(untuple ?t) [?a ?b]]]");
  }

  @Test
  void getElseAndGetSome() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\" \"Loves functional programming\"] [\"Anna\" \"-\"]}",
        "[:find ?n ?bio :where [?e :name ?n] [(get-else $ ?e :bio \"-\") ?bio] [?e :age ?a] [(< ?a 30)]]",
        db);
    assertQuery(
        "#{[\"Petr\"]}",
        "[:find ?v :where [?e :email \"petr@x\"] [(get-some $ ?e :nick :name) [?attr ?v]]]",
        db);
  }

  @Test
  void fulltextMatchesWholeWordsIgnoringCase() {
    var db = people();
    assertQuery(
        "#{[\"Petr\" \"Writes Java all day\"]}",
        "[:find ?n ?bio :where [(fulltext $ :bio \"java\") [[?e ?bio]]] [?e :name ?n]]",
        db);
    assertQuery("#{}", "[:find ?e :where [(fulltext $ :bio \"jav\") [[?e _]]]]", db);
  }

  @Test
  void nilResultBindsNothing() {
    Functions.register("test.fn/nil", a -> null);
    assertQuery("#{}", "[:find ?x :where [(test.fn/nil) ?x]]");
  }

  @Test
  void outputAlreadyBoundUnifies() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"]}", "[:find ?n :where [?e :age ?a] [(ground 15) ?a] [?e :name ?n]]", db);
  }
}
