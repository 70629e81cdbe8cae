package io.vertomic.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table-driven check behind the bad-transaction tests: each row is a name, an optional setup
 * transaction, the bad transaction, the anomaly category and fragments of its message (the
 * offending input). Every row also checks that the database is unchanged (basis-t and every datom),
 * and that {@code Database.with} refuses the same transaction with the same category. In the EDN of
 * this table {@code '} stands for {@code "}, to keep the rows readable.
 */
abstract class BadTransactionTestBase {
  static final String IVAN = "[:person/email 'ivan@x']";

  /** Every value type, a composite, tuples, predicates and specs, beside the people schema. */
  private static final String MORE_SCHEMA =
      """
      [{:db/ident :thing/flag :db/valueType :db.type/boolean :db/cardinality :db.cardinality/one}
       {:db/ident :thing/at :db/valueType :db.type/instant :db/cardinality :db.cardinality/one}
       {:db/ident :thing/kind :db/valueType :db.type/keyword :db/cardinality :db.cardinality/one}
       {:db/ident :thing/id :db/valueType :db.type/uuid :db/cardinality :db.cardinality/one}
       {:db/ident :thing/score :db/valueType :db.type/double :db/cardinality :db.cardinality/one}
       {:db/ident :thing/big :db/valueType :db.type/bigint :db/cardinality :db.cardinality/one}
       {:db/ident :thing/price :db/valueType :db.type/bigdec :db/cardinality :db.cardinality/one}
       {:db/ident :thing/sym :db/valueType :db.type/symbol :db/cardinality :db.cardinality/one}
       {:db/ident :thing/home :db/valueType :db.type/uri :db/cardinality :db.cardinality/one}
       {:db/ident :thing/pair :db/valueType :db.type/tuple
        :db/tupleTypes [:db.type/long :db.type/string] :db/cardinality :db.cardinality/one}
       {:db/ident :thing/series :db/valueType :db.type/tuple :db/tupleType :db.type/long
        :db/cardinality :db.cardinality/one}
       {:db/ident :reg/course :db/valueType :db.type/string :db/cardinality :db.cardinality/one}
       {:db/ident :reg/student :db/valueType :db.type/long :db/cardinality :db.cardinality/one}
       {:db/ident :reg/course+student :db/valueType :db.type/tuple
        :db/tupleAttrs [:reg/course :reg/student] :db/cardinality :db.cardinality/one
        :db/unique :db.unique/identity}
       {:db/ident :thing/qty :db/valueType :db.type/long :db/cardinality :db.cardinality/one
        :db.attr/preds vertomic.bad/positive?}
       {:db/ident :thing/memo :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db.attr/preds vertomic.bad/unregistered?}
       {:db/ident :person/bio :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db/fulltext true}
       {:db/ident :spec/named :db.entity/attrs [:person/name :person/email]}
       {:db/ident :spec/adult :db.entity/preds vertomic.bad/adult?}
       {:db/ident :spec/odd :db.entity/preds vertomic.bad/unregistered-entity?}]""";

  @BeforeAll
  static void registerPredicates() {
    Extensions.registry().attrPredicate("vertomic.bad/positive?", v -> (Long) v > 0);
    Extensions.registry().entityPredicate("vertomic.bad/adult?", (db, e) -> false);
  }

  static Arguments row(String name, String tx, Category category, String... fragments) {
    return rowWith(name, null, tx, category, fragments);
  }

  static Arguments rowWith(
      String name, String setup, String tx, Category category, String... fragments) {
    return Arguments.of(
        name,
        setup == null ? null : q(setup),
        q(tx),
        category,
        Arrays.stream(fragments).map(BadTransactionTestBase::q).toArray(String[]::new));
  }

  static String q(String edn) {
    return edn.replace("'", "\"").replace("IVAN", IVAN.replace("'", "\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTransactions")
  void isRejectedWithTheRightAnomalyAndLeavesTheDatabaseUnchanged(
      String name, String setup, String tx, Category category, String[] fragments) {
    Connection conn = People.withSchemaAnd(q(MORE_SCHEMA));
    TestDb.tx(conn, People.DATA);
    if (setup != null) {
      TestDb.tx(conn, setup);
    }
    TestDb.assertRejected(conn, tx, category, fragments);
    Anomaly speculative = assertThrows(Anomaly.class, () -> conn.db().with(tx), "with() too");
    assertEquals(category, speculative.category(), () -> "with(): " + speculative);
  }
}
