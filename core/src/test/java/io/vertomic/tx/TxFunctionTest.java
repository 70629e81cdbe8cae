package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.People;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transaction functions registered by extensions: {@code [name arg ...]} in transaction data is
 * replaced by the transaction data the function returns for the database before the transaction.
 */
class TxFunctionTest {
  private static final Keyword AGE = Keyword.of("person/age");

  @BeforeAll
  static void register() {
    Registry r = Extensions.registry();
    // [vertomic.fn/inc-age e by]: the age e has before the transaction, plus by
    r.txFunction(
        "vertomic.fn/inc-age",
        (db, args) -> {
          Object e = args.get(0);
          long age = (Long) db.entity(e).get(":person/age");
          return List.of(List.of(Keyword.of("db/add"), e, AGE, age + (Long) args.get(1)));
        });
    r.txFunction(
        "vertomic.fn/as-text", (db, args) -> "[[:db/add " + args.get(0) + " :person/age 7]]");
    r.txFunction(
        "vertomic.fn/twice",
        (db, args) ->
            List.of(
                List.of(Keyword.of("vertomic.fn/inc-age"), args.get(0), 1L),
                List.of(Keyword.of("vertomic.fn/inc-age"), args.get(0), 1L)));
    r.txFunction(
        "vertomic.fn/forever", (db, args) -> List.of(List.of(Keyword.of("vertomic.fn/forever"))));
    r.txFunction(
        "vertomic.fn/throws",
        (db, args) -> {
          throw new IllegalStateException("no funds");
        });
    r.txFunction(
        "vertomic.fn/conflicts",
        (db, args) -> {
          throw Anomaly.conflict("bank/busy", "account is locked");
        });
    r.txFunction("vertomic.fn/answers-42", (db, args) -> 42L);
    // Jepsen's "grant" workload: each function alone keeps a grant approved or denied, not both
    r.txFunction("vertomic.fn/approve", (db, args) -> decide(db, args.get(0), "grant/approved"));
    r.txFunction("vertomic.fn/deny", (db, args) -> decide(db, args.get(0), "grant/denied"));
    r.entityPredicate(
        "vertomic.fn/approved-xor-denied?",
        (db, e) ->
            db.entity(e).get(":grant/approved") == null
                || db.entity(e).get(":grant/denied") == null);
  }

  private static Object decide(io.vertomic.peer.Database db, Object grant, String attr) {
    io.vertomic.peer.Entity g = db.entity(grant);
    if (g.get(":grant/approved") != null || g.get(":grant/denied") != null) {
      throw Anomaly.conflict("grant/decided", "grant " + grant + " is already decided");
    }
    return List.of(List.of(Keyword.of("db/add"), grant, Keyword.of(attr), true));
  }

  private static long ivan(Connection c) {
    return c.db().entid(List.of(":person/email", "ivan@x"));
  }

  private static Object age(Connection c) {
    return c.db().entity(ivan(c)).get(":person/age");
  }

  @Test
  void aCallIsReplacedByWhatTheFunctionReturnsForTheDatabaseBefore() {
    Connection c = People.withData();
    long before = (Long) age(c);
    tx(c, "[[vertomic.fn/inc-age [:person/email \"ivan@x\"] 5]]");
    assertEquals(before + 5, age(c));
    tx(c, List.of(List.of(Keyword.of("vertomic.fn/inc-age"), ivan(c), 2L)));
    assertEquals(before + 7, age(c));
  }

  @Test
  void aFunctionMayReturnEdnTextOrCallsOfFunctions() {
    Connection c = People.withData();
    tx(c, "[[vertomic.fn/as-text " + ivan(c) + "]]");
    assertEquals(7L, age(c));
    // both calls see the database before the transaction: the same age plus one, once
    tx(c, "[[vertomic.fn/twice " + ivan(c) + "]]");
    assertEquals(8L, age(c));
  }

  @Test
  void anExtensionOnTheClasspathIsFoundWithServiceLoader() {
    Connection c = People.withData();
    tx(c, "[[vertomic.test/named \"Found\"]]");
    assertEquals(
        1,
        ((java.util.Collection<?>) Peer.q("[:find ?e :where [?e :person/name \"Found\"]]", c.db()))
            .size());
  }

  @Test
  void composedFunctionsSeeTheSameDatabaseBeforeAndOnlyAnEnsuredSpecCatchesWhatTheyBreak() {
    Connection c =
        io.vertomic.fixtures.TestDb.withSchema(
            "[{:db/ident :grant/id :db/valueType :db.type/long :db/cardinality"
                + " :db.cardinality/one :db/unique :db.unique/identity}"
                + " {:db/ident :grant/approved :db/valueType :db.type/boolean :db/cardinality"
                + " :db.cardinality/one}"
                + " {:db/ident :grant/denied :db/valueType :db.type/boolean :db/cardinality"
                + " :db.cardinality/one}"
                + " {:db/ident :grant/decided-once :db.entity/preds"
                + " vertomic.fn/approved-xor-denied?}]");
    tx(c, "[{:grant/id 1} {:grant/id 2}]");
    // both functions see grant 1 undecided, so both decisions apply: the invariant breaks
    tx(c, "[[vertomic.fn/approve [:grant/id 1]] [vertomic.fn/deny [:grant/id 1]]]");
    io.vertomic.peer.Entity one = c.db().entity(List.of(":grant/id", 1L));
    assertEquals(true, one.get(":grant/approved"));
    assertEquals(true, one.get(":grant/denied"));
    // with the spec ensured, the database after the transaction is checked: refused
    assertRejected(
        c,
        "[[vertomic.fn/approve [:grant/id 2]] [vertomic.fn/deny [:grant/id 2]]"
            + " [:db/add [:grant/id 2] :db/ensure :grant/decided-once]]",
        Category.INCORRECT,
        "vertomic.fn/approved-xor-denied?");
    // one decision at a time keeps it: the second transaction sees the first
    tx(c, "[[vertomic.fn/approve [:grant/id 2]]]");
    assertRejected(c, "[[vertomic.fn/deny [:grant/id 2]]]", Category.CONFLICT, "already decided");
  }

  @Test
  void badCallsAreRefusedNamingTheFunctionAndChangeNothing() {
    Connection c = People.withData();
    assertRejected(c, "[[my.ns/nope 1]]", Category.INCORRECT, "my.ns/nope", "no extension");
    assertRejected(c, "[[:my.ns/nope 1]]", Category.INCORRECT, "my.ns/nope");
    assertRejected(c, "[[vertomic.fn/forever]]", Category.INCORRECT, "vertomic.fn/forever", "deep");
    assertRejected(
        c, "[[vertomic.fn/throws]]", Category.INCORRECT, "vertomic.fn/throws", "no funds");
    assertRejected(c, "[[vertomic.fn/conflicts]]", Category.CONFLICT, "account is locked");
    assertRejected(
        c,
        "[[vertomic.fn/answers-42]]",
        Category.INCORRECT,
        "vertomic.fn/answers-42",
        "not transaction data");
  }
}
