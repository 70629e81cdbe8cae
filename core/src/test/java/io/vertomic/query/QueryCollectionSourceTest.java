package io.vertomic.query;

import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Collections of tuples as data sources ({@code :in $ $rel}), matched as Datomic matches them. */
class QueryCollectionSourceTest extends QueryTestBase {
  private static final Keyword K = Keyword.of("k");

  @Test
  void aPatternMatchesEachTupleOfACollectionSourceByPosition() {
    assertQuery(
        "#{[1 3] [3 5]}",
        "[:find ?a ?b :in $ $2 :where [$2 ?a _ ?b]]",
        people(),
        List.of(List.of(1L, 2L, 3L), List.of(3L, 4L, 5L)));
  }

  @Test
  void constantsAndRepeatedVariablesFilterTuples() {
    assertQuery(
        "#{[1]}",
        "[:find ?a :in $ $2 :where [$2 ?a ?a :k]]",
        people(),
        Set.of(List.of(1L, 1L, K), List.of(2L, 2L, "k"), List.of(3L, 4L, K)));
  }

  @Test
  void aCollectionSourceJoinsWithADatabase() {
    assertQuery(
        "#{[\"Ivan\" \"kid\"]}",
        "[:find ?n ?label :in $ $labels :where [$labels ?a ?label] [?e :age ?a] [?e :name ?n]]",
        people(),
        List.of(List.of(15L, "kid"), List.of(99L, "old")));
  }

  @Test
  void notAndRulesRunAgainstACollectionSource() {
    List<?> rel = List.of(List.of(1L, 1L), List.of(3L, 4L));
    assertQuery("#{[3]}", "[:find ?a :in $ $2 :where [$2 ?a] (not [$2 ?a 1])]", people(), rel);
    assertQuery(
        "#{[3]}", "[:find ?a :in $ $2 % :where ($2 r ?a)]", people(), rel, "[[(r ?x) [?x 4]]]");
  }

  @Test
  void aScalarIsNotADataSource() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?a :in $ $2 :where [$2 ?a]]",
        new Object[] {people(), 42L},
        "$2",
        "not a valid data source");
  }

  @Test
  void aTupleShorterThanThePatternIsIncorrect() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?a ?b :in $ $2 :where [$2 ?a ?b]]",
        new Object[] {people(), List.of(List.of(1L))},
        "[1]",
        "$2");
  }

  @Test
  void aFunctionThatNeedsADatabaseRefusesACollectionSource() {
    assertRejected(
        Category.INCORRECT,
        "[:find ?a :in $ $2 :where [$2 ?a] [(missing? $2 ?a :name)]]",
        new Object[] {people(), List.of(List.of(1L))},
        "$2");
  }
}
