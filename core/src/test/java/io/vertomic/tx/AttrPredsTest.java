package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code :db.attr/preds}: registered predicates every asserted value of the attribute must pass.
 */
class AttrPredsTest {
  private static final String SCHEMA =
      """
      [{:db/ident :account/balance :db/valueType :db.type/long :db/cardinality :db.cardinality/one
        :db.attr/preds vertomic.test/non-negative?}
       {:db/ident :account/code :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db.attr/preds [vertomic.test/non-blank? vertomic.test/short?]}
       {:db/ident :account/note :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db.attr/preds vertomic.test/never-registered?}]""";

  @BeforeAll
  static void registerPredicates() {
    Extensions.registry().attrPredicate("vertomic.test/non-negative?", v -> (Long) v >= 0);
    Extensions.registry().attrPredicate("vertomic.test/non-blank?", v -> !((String) v).isBlank());
    Extensions.registry().attrPredicate("vertomic.test/short?", v -> ((String) v).length() <= 4);
  }

  @Test
  void valuePassingThePredicateIsAsserted() {
    Connection conn = TestDb.withSchema(SCHEMA);
    long a = Facts.id(tx(conn, "[{:db/id \"a\" :account/balance 10}]"), "a");
    assertEquals(10L, Facts.value(conn.db(), a, ":account/balance"));
  }

  @Test
  void valueFailingThePredicateIsRejectedNamingPredicateAttributeAndValue() {
    assertRejected(
        TestDb.withSchema(SCHEMA),
        "[{:account/balance -5}]",
        Category.INCORRECT,
        "vertomic.test/non-negative?",
        ":account/balance",
        "-5");
  }

  @Test
  void everyPredicateOfTheAttributeMustPass() {
    Connection conn = TestDb.withSchema(SCHEMA);
    tx(conn, "[{:account/code \"AB\"}]");
    assertRejected(
        conn, "[{:account/code \"  \"}]", Category.INCORRECT, "vertomic.test/non-blank?");
    assertRejected(
        conn, "[{:account/code \"ABCDEF\"}]", Category.INCORRECT, "vertomic.test/short?");
  }

  @Test
  void predicatesAreInstalledAsSymbols() {
    Connection conn = TestDb.withSchema(SCHEMA);
    assertEquals(2, Facts.values(conn.db(), ":account/code", ":db.attr/preds").size());
  }

  @Test
  void retractionsAreNotChecked() {
    Connection conn =
        TestDb.withSchema(
            "[{:db/ident :item/qty :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    long item = Facts.id(tx(conn, "[{:db/id \"i\" :item/qty -1}]"), "i");
    tx(conn, "[[:db/add :item/qty :db.attr/preds vertomic.test/non-negative?]]");
    tx(conn, "[[:db/retract " + item + " :item/qty -1]]");
    assertEquals(null, Facts.value(conn.db(), item, ":item/qty"));
  }

  @Test
  void predicateAddedToAnExistingAttributeChecksLaterValues() {
    Connection conn =
        TestDb.withSchema(
            "[{:db/ident :item/qty :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    tx(conn, "[{:item/qty -1}]");
    tx(conn, "[[:db/add :item/qty :db.attr/preds vertomic.test/non-negative?]]");
    assertRejected(conn, "[{:item/qty -2}]", Category.INCORRECT, "vertomic.test/non-negative?");
  }

  @Test
  void unregisteredPredicateIsRejected() {
    assertRejected(
        TestDb.withSchema(SCHEMA),
        "[{:account/note \"hello\"}]",
        Category.INCORRECT,
        "vertomic.test/never-registered?",
        "not registered");
  }
}
