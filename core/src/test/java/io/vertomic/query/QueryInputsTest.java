package io.vertomic.query;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryInputsTest extends QueryTestBase {

  @Test
  void scalarInput() {
    var db = people();
    assertQuery("#{[\"Ivan\"]}", "[:find ?n :in $ ?a :where [?e :age ?a] [?e :name ?n]]", db, 15L);
  }

  @Test
  void javaIntegersAreLongs() {
    var db = people();
    assertQuery("#{[\"Ivan\"]}", "[:find ?n :in $ ?a :where [?e :age ?a] [?e :name ?n]]", db, 15);
  }

  @Test
  void tupleInput() {
    var db = people();
    assertQuery(
        "#{[\"Petr\"]}",
        "[:find ?n :in $ [?a ?m] :where [?e :age ?a] [?e :email ?m] [?e :name ?n]]",
        db,
        List.of(37L, "petr@x"));
  }

  @Test
  void collectionInput() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"] [\"Anna\"]}",
        "[:find ?n :in $ [?a ...] :where [?e :age ?a] [?e :name ?n]]",
        db,
        List.of(15L, 22L));
  }

  @Test
  void relationInput() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\" \"kid\"] [\"Petr\" \"adult\"] [\"Oleg\" \"adult\"]}",
        "[:find ?n ?label :in $ [[?a ?label]] :where [?e :age ?a] [?e :name ?n]]",
        db,
        List.of(List.of(15L, "kid"), List.of(37L, "adult")));
  }

  @Test
  void inputsWithoutDatabase() {
    assertQuery(
        "#{[1 2] [3 4]}", "[:find ?a ?b :in [[?a ?b]]]", List.of(List.of(1L, 2L), List.of(3L, 4L)));
  }

  @Test
  void blankInputIsIgnored() {
    var db = people();
    assertQuery(
        "#{[\"Anna\"]}", "[:find ?n :in $ _ :where [?e :age 22] [?e :name ?n]]", db, "ignored");
  }

  @Test
  void emptyCollectionInputGivesNothing() {
    var db = people();
    assertQuery(
        "#{}", "[:find ?n :in $ [?a ...] :where [?e :age ?a] [?e :name ?n]]", db, List.of());
  }

  @Test
  void identInputInEntityPosition() {
    var db = people();
    assertQuery(
        "#{[:db.type/string]}",
        "[:find ?t :in $ ?attr :where [?attr :db/valueType ?vt] [?vt :db/ident ?t]]",
        db,
        io.vertomic.edn.Keyword.of("name"));
  }

  @Test
  void lookupRefInputInEntityPosition() {
    var db = people();
    assertQuery(
        "#{[15]}",
        "[:find ?a :in $ ?e :where [?e :age ?a]]",
        db,
        List.of(io.vertomic.edn.Keyword.of("email"), "ivan@x"));
  }
}
