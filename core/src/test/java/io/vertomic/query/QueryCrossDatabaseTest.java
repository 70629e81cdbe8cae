package io.vertomic.query;

import io.vertomic.fixtures.TestDb;
import org.junit.jupiter.api.Test;

class QueryCrossDatabaseTest extends QueryTestBase {

  @Test
  void joinsTwoDatabasesOnValues() {
    var db = people();
    var other =
        TestDb.withSchema(
            "[{:db/ident :customer/email :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one :db/unique :db.unique/identity}"
                + " {:db/ident :customer/orders :db/valueType :db.type/long"
                + " :db/cardinality :db.cardinality/one}]");
    TestDb.tx(
        other,
        "[{:customer/email \"anna@x\" :customer/orders 3}"
            + " {:customer/email \"petr@x\" :customer/orders 5}]");
    assertQuery(
        "#{[\"Anna\" 3] [\"Petr\" 5]}",
        "[:find ?n ?o :in $p $c :where [$p ?e :email ?m] [$p ?e :name ?n]"
            + " [$c ?c :customer/email ?m] [$c ?c :customer/orders ?o]]",
        db,
        other.db());
  }

  @Test
  void collectionAndDatabaseJoin() {
    var db = people();
    assertQuery(
        "#{[\"Ivan\"]}",
        "[:find ?n :in $ [?m ...] :where [?e :email ?m] [?e :name ?n]]",
        db,
        java.util.List.of("ivan@x", "nobody@x"));
  }
}
