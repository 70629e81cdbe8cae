package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import io.vertomic.peer.TxReport;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Entity specs: {@code :db/ensure} names a spec of required attributes and entity predicates. */
class EntitySpecTest {
  private static final String SPECS =
      """
      [{:db/ident :person/named :db.entity/attrs [:person/name :person/email]}
       {:db/ident :person/adult :db.entity/attrs [:person/age]
        :db.entity/preds vertomic.test/adult?}
       {:db/ident :person/odd :db.entity/preds vertomic.test/never-registered-entity?}]""";

  @BeforeAll
  static void registerPredicates() {
    Extensions.registry()
        .entityPredicate(
            "vertomic.test/adult?",
            (db, e) -> {
              Object age = Facts.value(db, e, ":person/age");
              return age instanceof Long a && a >= 18;
            });
  }

  private static Connection conn() {
    Connection conn = People.withSchemaAnd(SPECS);
    tx(conn, People.DATA);
    return conn;
  }

  @Test
  void entityWithEveryRequiredAttributePassesItsSpec() {
    Connection conn = conn();
    TxReport r =
        tx(
            conn,
            "[{:db/id \"p\" :person/name \"P\" :person/email \"p@x\" :db/ensure :person/named}]");
    Facts.assertFacts(
        conn.db(), Facts.id(r, "p"), "[[:person/email \"p@x\"] [:person/name \"P\"]]");
  }

  @Test
  void ensureIsCheckedButNotStored() {
    Connection conn = conn();
    TxReport r =
        tx(
            conn,
            "[[:db/add \"p\" :person/name \"P\"] [:db/add \"p\" :person/email \"p@x\"]"
                + " [:db/add \"p\" :db/ensure :person/named]]");
    assertEquals(List.of(), Facts.values(conn.db(), Facts.id(r, "p"), ":db/ensure"));
    assertEquals(3, r.txData().size(), "name, email and the tx instant");
  }

  @Test
  void entityMissingARequiredAttributeIsRejected() {
    assertRejected(
        conn(),
        "[{:person/name \"P\" :db/ensure :person/named}]",
        Category.INCORRECT,
        ":person/email",
        ":person/named");
  }

  @Test
  void requiredAttributesMayComeFromEarlierTransactions() {
    Connection conn = conn();
    tx(conn, "[{:db/id [:person/email \"ivan@x\"] :person/age 31 :db/ensure :person/adult}]");
    assertEquals(31L, Facts.value(conn.db(), List.of(":person/email", "ivan@x"), ":person/age"));
  }

  @Test
  void entityPredicateSeesTheDatabaseAfterTheTransaction() {
    Connection conn = conn();
    assertRejected(
        conn,
        "[{:db/id [:person/email \"ivan@x\"] :person/age 12 :db/ensure :person/adult}]",
        Category.INCORRECT,
        "vertomic.test/adult?",
        ":person/adult");
  }

  @Test
  void unregisteredEntityPredicateIsRejected() {
    assertRejected(
        conn(),
        "[{:db/id [:person/email \"ivan@x\"] :db/ensure :person/odd}]",
        Category.INCORRECT,
        "vertomic.test/never-registered-entity?",
        "not registered");
  }
}
