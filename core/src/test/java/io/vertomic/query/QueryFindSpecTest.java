package io.vertomic.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryFindSpecTest extends QueryTestBase {

  @Test
  void relationIsASetOfListsWithoutDuplicates() {
    var db = people();
    Object r = q("[:find ?a :where [_ :age ?a]]", db);
    assertTrue(r instanceof Set<?>);
    assertAnswer("#{[15] [22] [37]}", r);
  }

  @Test
  void collectionOfValues() {
    var db = people();
    Object r = q("[:find [?n ...] :where [?e :age 37] [?e :name ?n]]", db);
    assertTrue(r instanceof Collection<?>);
    assertAnswer("#{\"Petr\" \"Oleg\"}", r);
  }

  @Test
  void singleTupleOrNull() {
    var db = people();
    assertQuery(
        "[\"Ivan\" 15]",
        "[:find [?n ?a] :where [?e :email \"ivan@x\"] [?e :name ?n] [?e :age ?a]]",
        db);
    assertNull(q("[:find [?n ?a] :where [?e :age 99] [?e :name ?n] [?e :age ?a]]", db));
  }

  @Test
  void scalarOrNull() {
    var db = people();
    assertEquals("Anna", q("[:find ?n . :where [?e :age 22] [?e :name ?n]]", db));
    assertNull(q("[:find ?n . :where [?e :age 99] [?e :name ?n]]", db));
  }

  @Test
  void keysSymsStrsMakeMaps() {
    var db = people();
    assertQuery(
        "#{{:name \"Ivan\" :age 15}}",
        "[:find ?n ?a :keys name age :where [?e :age 15] [?e :name ?n] [?e :age ?a]]",
        db);
    assertQuery(
        "#{{name \"Ivan\"}}", "[:find ?n :syms name :where [?e :age 15] [?e :name ?n]]", db);
    assertQuery(
        "#{{\"name\" \"Ivan\"}}", "[:find ?n :strs name :where [?e :age 15] [?e :name ?n]]", db);
  }

  @Test
  void withKeepsDuplicatesForAggregationThenDropsThem() {
    var db = people();
    assertQuery("#{[1]}", "[:find (count ?a) :where [?e :age ?a] [(= ?a 37)]]", db);
    assertQuery("#{[1]}", "[:find (count ?a) :where [?e :age 37] [?e :age ?a]]", db);
    assertQuery("#{[2]}", "[:find (count ?a) :with ?e :where [?e :age 37] [?e :age ?a]]", db);
    assertQuery("#{[37]}", "[:find ?a :with ?e :where [?e :age 37] [?e :age ?a]]", db);
  }

  @Test
  void emptyRelationWhenAnUnrelatedClauseMatchesNothing() {
    var db = people();
    assertQuery("#{}", "[:find ?n :where [?e :name ?n] [?x :age 1000]]", db);
    assertEquals(
        List.of(),
        List.copyOf((Collection<?>) q("[:find [?n ...] :where [?e :name ?n] [?x :age 1000]]", db)));
  }
}
