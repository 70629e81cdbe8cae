package io.vertomic.query;

import io.vertomic.anomaly.Category;
import org.junit.jupiter.api.Test;

class QueryPatternTest extends QueryTestBase {

  @Test
  void constantAttributeAndValueFindEntities() {
    var db = people();
    assertQuery("#{[\"Petr\"] [\"Oleg\"]}", "[:find ?n :where [?e :age 37] [?e :name ?n]]", db);
  }

  @Test
  void joinsThroughReferences() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\" \"Petr\"] [\"Petr\" \"Oleg\"] [\"Oleg\" \"Ivan\"]}",
        "[:find ?n1 ?n2 :where [?a :friend ?b] [?a :name ?n1] [?b :name ?n2]]",
        db);
  }

  @Test
  void blanksMatchAnything() {
    var db = people();
    assertQuery("#{[\"Anna\"]}", "[:find ?n :where [?e :name ?n] (not [?e :friend _])]", db);
  }

  @Test
  void lookupRefInEntityPosition() {
    var db = people();
    assertRejected(
        io.vertomic.anomaly.Category.INCORRECT,
        "[:find ?a :where [[:email \"ivan@x\"] :age ?a]]",
        new Object[] {db},
        "lookup ref is not allowed",
        "[[:email \"ivan@x\"] :age ?a]");
  }

  @Test
  void lookupRefAsEntityInput() {
    var db = people();
    assertQuery(
        "#{[15]}",
        "[:find ?a :in $ ?e :where [?e :age ?a]]",
        db,
        io.vertomic.edn.Edn.read("[:email \"ivan@x\"]"));
  }

  @Test
  void lookupRefInValuePositionOfRefAttribute() {
    var db = people();
    assertQuery(
        "#{[\"Oleg\"]}", "[:find ?n :where [?e :friend [:email \"ivan@x\"]] [?e :name ?n]]", db);
  }

  @Test
  void aLookupRefValueIsResolvedOnlyUnderAnAttributeKnownBeforeTheQueryRuns() {
    var db = people();
    Object ivan = io.vertomic.edn.Edn.read("[:email \"ivan@x\"]");
    Object friend = io.vertomic.edn.Keyword.of("friend");
    // written, or a scalar input: Datomic resolves the value as a reference to Ivan
    assertQuery(
        "#{[\"Oleg\"]}", "[:find ?n :in $ ?v :where [?e :friend ?v] [?e :name ?n]]", db, ivan);
    assertQuery(
        "#{[\"Oleg\"]}",
        "[:find ?n :in $ ?a [?v ...] :where [?e ?a ?v] [?e :name ?n]]",
        db,
        friend,
        java.util.List.of(ivan));
    // an attribute bound through a collection, a relation or a pattern: the value is a plain
    // list there, which no reference equals (as in Datomic 1.0.7277)
    assertQuery(
        "#{}",
        "[:find ?e :in $ [?a ...] ?v :where [?e ?a ?v]]",
        db,
        java.util.List.of(friend),
        ivan);
    assertQuery(
        "#{}",
        "[:find ?e :in $ [[?a ?v]] :where [?e ?a ?v]]",
        db,
        java.util.List.of(java.util.List.of(friend, ivan)));
    assertQuery("#{}", "[:find ?e :in $ ?v :where [?a :db/ident :friend] [?e ?a ?v]]", db, ivan);
  }

  @Test
  void identsAsAttributeVariableValues() {
    var db = people();
    assertQuery(
        "#{[:name] [:age] [:email] [:nick] [:friend] [:bio]}",
        "[:find ?ident :in $ ?e :where [?e ?a _] [?a :db/ident ?ident]]",
        db,
        io.vertomic.edn.Edn.read("[:email \"ivan@x\"]"));
  }

  @Test
  void cardinalityManyValuesAreSeparateRows() {
    var db = people();
    assertQuery("#{[\"vanya\"] [\"ivanushka\"]}", "[:find ?k :where [_ :nick ?k]]", db);
  }

  @Test
  void aLookupJoinWhoseFirstRowsNeverRepeatStillAnswersLaterRepeats() {
    var db = people();
    // 64 rows of distinct ids that name nothing (the join stops caching), then one entity twice
    StringBuilder rows = new StringBuilder("[");
    for (int i = 0; i < 64; i++) {
      rows.append("[").append(9_000_000 + i).append(" ").append(i).append("]");
    }
    rows.append("[[:email \"ivan@x\"] 100] [[:email \"ivan@x\"] 101]]");
    assertQuery(
        "#{[100 15] [101 15]}",
        "[:find ?x ?a :in $ [[?e ?x]] :where [?e :age ?a]]",
        db,
        io.vertomic.edn.Edn.read(rows.toString()));
  }

  @Test
  void sameVariableTwiceInOnePattern() {
    var db = people();
    assertQuery("#{}", "[:find ?e :where [?e :friend ?e]]", db);
  }

  @Test
  void aLookupRefInputThatNamesNothingIsNotFoundAsInDatomic() {
    var db = people();
    assertRejected(
        Category.NOT_FOUND,
        "[:find ?a :in $ ?e :where [?e :age ?a]]",
        new Object[] {db, io.vertomic.edn.Edn.read("[:email \"nobody@x\"]")},
        "Cannot resolve key",
        "nobody@x");
  }

  @Test
  void aCollectionLookupRefThatNamesNothingAnswersEmptyWhenEarlierPatternsJoinedToItMatchNothing() {
    var db = people();
    Object nobody = io.vertomic.edn.Edn.read("[[:email \"nobody@x\"]]");
    // Datomic stops at the empty join before it resolves the collection's values
    assertQuery("#{}", "[:find ?a :in $ [?f ...] :where [?a :age 99] [?a :friend ?f]]", db, nobody);
    // reached with rows, or joined to no earlier pattern, the value still fails
    for (String query :
        new String[] {
          "[:find ?a :in $ [?f ...] :where [?a :age 15] [?a :friend ?f]]",
          "[:find ?a :in $ [?f ...] :where [?x :age 99] [?a :friend ?f]]",
          "[:find ?a :in $ [?f ...] :where [?a :friend ?f] [?a :age 99]]"
        }) {
      assertRejected(
          Category.NOT_FOUND, query, new Object[] {db, nobody}, "Cannot resolve key", "nobody@x");
    }
  }

  @Test
  void mapFormAndJavaListForm() {
    var db = people();
    assertQuery("#{[\"Ivan\"]}", "{:find [?n] :where [[?e :age 15] [?e :name ?n]]}", db);
    Object javaForm =
        java.util.List.of(
            io.vertomic.edn.Keyword.of("find"),
            io.vertomic.edn.Symbol.of("?n"),
            io.vertomic.edn.Keyword.of("where"),
            java.util.List.of(
                io.vertomic.edn.Symbol.of("?e"), io.vertomic.edn.Keyword.of("age"), 15L),
            java.util.List.of(
                java.util.List.of(
                    io.vertomic.edn.Symbol.of("<"), io.vertomic.edn.Symbol.of("?n"), "J")),
            java.util.List.of(
                io.vertomic.edn.Symbol.of("?e"),
                io.vertomic.edn.Keyword.of("name"),
                io.vertomic.edn.Symbol.of("?n")));
    assertAnswer("#{[\"Ivan\"]}", q(javaForm, db));
  }

  @Test
  void txAndAddedPositionsInHistory() {
    var db = people();
    io.vertomic.fixtures.TestDb.tx(conn, "[[:db/add [:email \"ivan@x\"] :age 16]]");
    assertQuery(
        "#{[15 false] [15 true] [16 true]}",
        "[:find ?a ?added :in $ ?e :where [?e :age ?a _ ?added]]",
        conn.db().history(),
        io.vertomic.edn.Edn.read("[:email \"ivan@x\"]"));
  }
}
