package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertomic.anomaly.Category;
import io.vertomic.edn.Edn;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tuple attributes: composites kept up to date from their parts, homogeneous ({@code
 * :db/tupleType}) and heterogeneous ({@code :db/tupleTypes}) tuples checked element by element.
 */
class TupleAttrTest {
  private static final String SCHEMA =
      """
      [{:db/ident :reg/course :db/valueType :db.type/string :db/cardinality :db.cardinality/one}
       {:db/ident :reg/semester :db/valueType :db.type/keyword :db/cardinality :db.cardinality/one}
       {:db/ident :reg/student :db/valueType :db.type/long :db/cardinality :db.cardinality/one}
       {:db/ident :reg/course+semester+student :db/valueType :db.type/tuple
        :db/tupleAttrs [:reg/course :reg/semester :reg/student]
        :db/cardinality :db.cardinality/one :db/unique :db.unique/identity}
       {:db/ident :point/xy :db/valueType :db.type/tuple :db/tupleTypes [:db.type/long :db.type/string]
        :db/cardinality :db.cardinality/one}
       {:db/ident :series/values :db/valueType :db.type/tuple :db/tupleType :db.type/long
        :db/cardinality :db.cardinality/one}]""";

  private static Object composite(Database db, long e) {
    return Facts.value(db, e, ":reg/course+semester+student");
  }

  private static String edn(Object v) {
    return Edn.write(v);
  }

  @Test
  void compositeIsAssertedWhenAPartIsAssertedWithNilForMissingParts() {
    Connection conn = TestDb.withSchema(SCHEMA);
    long r = Facts.id(tx(conn, "[{:db/id \"r\" :reg/course \"Datalog\" :reg/student 7}]"), "r");
    assertEquals(Arrays.asList("Datalog", null, 7L), composite(conn.db(), r));
  }

  @Test
  void compositeFollowsEachChangeOfAPart() {
    Connection conn = TestDb.withSchema(SCHEMA);
    long r =
        Facts.id(
            tx(conn, "[{:db/id \"r\" :reg/course \"Datalog\" :reg/semester :fall :reg/student 7}]"),
            "r");
    assertEquals(edn(Edn.read("[\"Datalog\" :fall 7]")), edn(composite(conn.db(), r)));
    tx(conn, "[[:db/add " + r + " :reg/semester :spring]]");
    assertEquals(edn(Edn.read("[\"Datalog\" :spring 7]")), edn(composite(conn.db(), r)));
    tx(conn, "[[:db/retract " + r + " :reg/student 7]]");
    assertEquals(
        Arrays.asList("Datalog", io.vertomic.edn.Keyword.of("spring"), null),
        composite(conn.db(), r));
  }

  @Test
  void compositeChangeIsReportedAsRetractionAndAssertion() {
    Connection conn = TestDb.withSchema(SCHEMA);
    long r =
        Facts.id(
            tx(conn, "[{:db/id \"r\" :reg/course \"Datalog\" :reg/semester :fall :reg/student 7}]"),
            "r");
    TxReport report = tx(conn, "[[:db/add " + r + " :reg/student 8]]");
    assertEquals(
        edn(
            Edn.read(
                "[[:reg/student 8 true] [:reg/course+semester+student [\"Datalog\" :fall 8] true]"
                    + " [:reg/student 7 false] [:reg/course+semester+student [\"Datalog\" :fall 7] false]]")),
        edn(Facts.txFacts(report.dbAfter(), report)));
  }

  @Test
  void compositeIsRetractedWhenEveryPartIsGone() {
    Connection conn = TestDb.withSchema(SCHEMA);
    long r = Facts.id(tx(conn, "[{:db/id \"r\" :reg/course \"Datalog\" :reg/student 7}]"), "r");
    tx(
        conn,
        "[[:db/retract " + r + " :reg/course \"Datalog\"] [:db/retract " + r + " :reg/student 7]]");
    assertNull(composite(conn.db(), r));
    Facts.assertFacts(conn.db(), r, "[]");
  }

  @Test
  void uniqueCompositeIsALookupRefAndRejectsADuplicateCombination() {
    Connection conn = TestDb.withSchema(SCHEMA);
    long r =
        Facts.id(
            tx(conn, "[{:db/id \"r\" :reg/course \"Datalog\" :reg/semester :fall :reg/student 7}]"),
            "r");
    assertEquals(
        r, conn.db().entid(Edn.read("[:reg/course+semester+student [\"Datalog\" :fall 7]]")));
    assertRejected(
        conn,
        "[{:reg/course \"Datalog\" :reg/semester :fall :reg/student 7}]",
        Category.CONFLICT,
        ":reg/course+semester+student");
  }

  @Test
  void compositeOfReferencesHoldsTheEntityIds() {
    Connection conn =
        People.withSchemaAnd(
            """
            [{:db/ident :follow/who :db/valueType :db.type/ref :db/cardinality :db.cardinality/one}
             {:db/ident :follow/whom :db/valueType :db.type/ref :db/cardinality :db.cardinality/one}
             {:db/ident :follow/who+whom :db/valueType :db.type/tuple
              :db/tupleAttrs [:follow/who :follow/whom] :db/cardinality :db.cardinality/one
              :db/unique :db.unique/identity}]""");
    tx(conn, People.DATA);
    long f =
        Facts.id(
            tx(
                conn,
                "[{:db/id \"f\" :follow/who [:person/email \"ivan@x\"]"
                    + " :follow/whom [:person/email \"oleg@x\"]}]"),
            "f");
    Database db = conn.db();
    long ivan = db.entid(List.of(":person/email", "ivan@x"));
    long oleg = db.entid(List.of(":person/email", "oleg@x"));
    assertEquals(List.of(ivan, oleg), Facts.value(db, f, ":follow/who+whom"));
    assertEquals(f, db.entid(List.of(":follow/who+whom", List.of(ivan, oleg))));
  }

  @Test
  void compositeCannotBeAssertedDirectly() {
    assertRejected(
        TestDb.withSchema(SCHEMA),
        "[[:db/add \"r\" :reg/course+semester+student [\"Datalog\" :fall 7]]]",
        Category.INCORRECT,
        ":reg/course+semester+student");
  }

  @Test
  void heterogeneousTupleChecksEachElementAgainstItsType() {
    Connection conn = TestDb.withSchema(SCHEMA);
    long p = Facts.id(tx(conn, "[{:db/id \"p\" :point/xy [1 \"one\"]}]"), "p");
    assertEquals(List.of(1L, "one"), Facts.value(conn.db(), p, ":point/xy"));
    assertRejected(
        conn, "[{:point/xy [\"one\" 1]}]", Category.INCORRECT, ":point/xy", ":db.type/long");
  }

  @Test
  void heterogeneousTupleMustHaveOneElementPerType() {
    assertRejected(
        TestDb.withSchema(SCHEMA),
        "[{:point/xy [1 \"one\" 2]}]",
        Category.INCORRECT,
        ":point/xy",
        "2 elements");
  }

  @Test
  void heterogeneousTupleMayHoldNil() {
    Connection conn = TestDb.withSchema(SCHEMA);
    long p = Facts.id(tx(conn, "[{:db/id \"p\" :point/xy [1 nil]}]"), "p");
    assertEquals(Arrays.asList(1L, null), Facts.value(conn.db(), p, ":point/xy"));
  }

  @Test
  void homogeneousTupleTakesAnyNumberOfElementsOfItsType() {
    Connection conn = TestDb.withSchema(SCHEMA);
    long s = Facts.id(tx(conn, "[{:db/id \"s\" :series/values [1 2 3 4 5]}]"), "s");
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), Facts.value(conn.db(), s, ":series/values"));
    assertRejected(
        conn,
        "[{:series/values [1 \"two\"]}]",
        Category.INCORRECT,
        ":series/values",
        ":db.type/long");
  }

  @Test
  void tupleOfMoreThanEightElementsIsRejected() {
    assertRejected(
        TestDb.withSchema(SCHEMA),
        "[{:series/values [1 2 3 4 5 6 7 8 9]}]",
        Category.INCORRECT,
        ":series/values");
  }

  @Test
  void tupleAttributeNeedsExactlyOneDefinition() {
    assertRejected(
        TestDb.fresh(),
        "[{:db/ident :x/t :db/valueType :db.type/tuple :db/cardinality :db.cardinality/one}]",
        Category.INCORRECT,
        ":x/t",
        ":db/tupleType");
  }

  @Test
  void compositeMustNameInstalledAttributes() {
    assertRejected(
        TestDb.fresh(),
        "[{:db/ident :x/t :db/valueType :db.type/tuple :db/tupleAttrs [:x/a :x/b]"
            + " :db/cardinality :db.cardinality/one}]",
        Category.INCORRECT,
        ":x/t");
  }
}
