package io.vertomic.query;

import io.vertomic.fixtures.TestDb;
import org.junit.jupiter.api.Test;

class QueryTimeTravelTest extends QueryTestBase {
  private static final String AGE = "[:find ?a . :where [?e :email \"ivan@x\"] [?e :age ?a]]";

  @Test
  void asOfSinceHistoryAndWith() {
    var before = people();
    TestDb.tx(conn, "[[:db/add [:email \"ivan@x\"] :age 16]]");
    var now = conn.db();
    assertQuery("16", AGE, now);
    assertQuery("15", AGE, now.asOf(before.basisT()));
    assertQuery("#{[16]}", "[:find ?a :where [_ :age ?a]]", now.since(before.basisT()));
    assertQuery(
        "#{[15 false] [15 true] [16 true]}",
        "[:find ?a ?op :where [?e :email \"ivan@x\"] [?e :age ?a _ ?op]]",
        now.history());
    var with = now.with("[[:db/add [:email \"ivan@x\"] :age 17]]").dbAfter();
    assertQuery("17", AGE, with);
  }

  @Test
  void comparesTwoPointsInTime() {
    var before = people();
    TestDb.tx(conn, "[[:db/add [:email \"ivan@x\"] :age 16]]");
    assertQuery(
        "#{[15 16]}",
        "[:find ?old ?new :in $then $now :where [$then ?e :email \"ivan@x\"] [$then ?e :age ?old]"
            + " [$now ?e :age ?new]]",
        before,
        conn.db());
  }
}
