package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.DbFn;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import io.vertomic.peer.PeerOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Datomic's database functions: a {@code :db/fn} value, Java source compiled once, called in
 * transaction data by its entity's ident with the database before the transaction, or with {@code
 * Database.invoke}. Calls in transactions run only where database functions are turned on.
 */
class DatabaseFunctionTest {
  /** Two accounts and the bank's functions, as a Datomic user writes them. */
  private static final String BANK =
      """
      [{:db/ident :acct/name :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db/unique :db.unique/identity}
       {:db/ident :acct/balance :db/valueType :db.type/long :db/cardinality :db.cardinality/one}
       {:db/ident :acct/note :db/valueType :db.type/string :db/cardinality :db.cardinality/one}
       {:db/ident :bank/transfer
        :db/doc "Moves amount from one account to another; never below zero."
        :db/fn #db/fn {:lang "java"
                       :params [db from to amount]
                       :code "import io.vertomic.peer.Database;
                              Database d = (Database) db;
                              long have = (Long) d.entity(from).get(\\":acct/balance\\");
                              long got = (Long) d.entity(to).get(\\":acct/balance\\");
                              long n = ((Number) amount).longValue();
                              if (have < n) {
                                throw new IllegalStateException(\\"insufficient funds: \\" + have);
                              }
                              return java.util.List.of(
                                java.util.List.of(\\":db/add\\", from, \\":acct/balance\\", have - n),
                                java.util.List.of(\\":db/add\\", to, \\":acct/balance\\", got + n));"}}
       {:db/ident :bank/transfer-all
        :db/fn #db/fn {:lang "java"
                       :params [db from to]
                       :imports [io.vertomic.peer.Database java.util.*]
                       :code "Object all = ((Database) db).entity(from).get(\\":acct/balance\\");
                              return Arrays.asList(Arrays.asList(\\":bank/transfer\\", from, to, all));"}}
       {:db/ident :bank/forever
        :db/fn #db/fn {:lang "java" :params [db]
                       :code "return \\"[[:bank/forever]]\\";"}}
       {:db/ident :bank/locked
        :db/fn #db/fn {:lang "java" :params [db e]
                       :code "throw io.vertomic.anomaly.Anomaly.conflict(
                                \\"bank/locked\\", \\"account \\" + e + \\" is locked\\");"}}
       {:db/ident :dbfn.test/shadowed
        :db/fn #db/fn {:lang "java" :params [db]
                       :code "return \\"[{:acct/name \\\\\\"z\\\\\\" :acct/note \\\\\\"database\\\\\\"}]\\";"}}]""";

  @BeforeEach
  void turnOn() {
    Peer.configure(new PeerOptions().setDatabaseFunctions(true));
    Extensions.registry()
        .txFunction(
            "dbfn.test/shadowed", (db, args) -> "[{:acct/name \"z\" :acct/note \"extension\"}]");
  }

  @AfterEach
  void turnOff() {
    Peer.configure(new PeerOptions());
  }

  private static Connection bank() {
    Connection c = TestDb.fresh();
    tx(c, BANK);
    tx(c, "[{:acct/name \"a\" :acct/balance 100} {:acct/name \"b\" :acct/balance 0}]");
    return c;
  }

  private static Object balance(Connection c, String name) {
    return c.db().entity(List.of(":acct/name", name)).get(":acct/balance");
  }

  @Test
  void aTransferFunctionCalledByItsIdentMovesTheAmount() {
    Connection c = bank();
    tx(c, "[[:bank/transfer [:acct/name \"a\"] [:acct/name \"b\"] 30]]");
    assertEquals(70L, balance(c, "a"));
    assertEquals(30L, balance(c, "b"));
  }

  @Test
  void aFunctionMayReturnCallsOfFunctionsWhichAreExpandedInTurn() {
    Connection c = bank();
    tx(c, "[[:bank/transfer-all [:acct/name \"a\"] [:acct/name \"b\"]]]");
    assertEquals(0L, balance(c, "a"));
    assertEquals(100L, balance(c, "b"));
  }

  @Test
  void aKeywordNamesTheDatabaseFunctionBeforeAnExtensionAndASymbolTheExtension() {
    Connection c = bank();
    tx(c, "[[:dbfn.test/shadowed]]");
    assertEquals("database", c.db().entity(List.of(":acct/name", "z")).get(":acct/note"));
    tx(c, "[[dbfn.test/shadowed]]");
    assertEquals("extension", c.db().entity(List.of(":acct/name", "z")).get(":acct/note"));
  }

  @Test
  void badCallsAreRefusedNamingTheFunctionAndChangeNothing() {
    Connection c = bank();
    Anomaly threw =
        assertRejected(
            c,
            "[[:bank/transfer [:acct/name \"a\"] [:acct/name \"b\"] 500]]",
            Category.INCORRECT,
            "database function :bank/transfer",
            "insufficient funds: 100");
    assertEquals(Keyword.of("db.error/tx-fn-failed"), threw.code());
    assertRejected(c, "[[:bank/locked 7]]", Category.CONFLICT, "account 7 is locked");
    assertRejected(c, "[[:bank/forever]]", Category.INCORRECT, ":bank/forever", "32 calls deep");
    assertRejected(
        c,
        "[[:bank/transfer [:acct/name \"a\"]]]",
        Category.INCORRECT,
        ":bank/transfer",
        "takes 4 arguments [db, from, to, amount], got 2");
  }

  @Test
  void callsAreForbiddenWhereDatabaseFunctionsAreOff() {
    Connection c = bank();
    Peer.configure(new PeerOptions());
    String transfer = "[[:bank/transfer [:acct/name \"a\"] [:acct/name \"b\"] 30]]";
    Anomaly a = assertRejected(c, transfer, Category.FORBIDDEN, ":bank/transfer", "are off");
    assertEquals(Keyword.of("db.error/database-functions-off"), a.code());
    Anomaly with = assertThrows(Anomaly.class, () -> c.db().with(transfer));
    assertEquals(Category.FORBIDDEN, with.category());
    // the application calling a function itself is not a transaction running stored code
    Object a1 = List.of(":acct/name", "a");
    assertEquals(
        List.of(List.of(":bank/transfer", a1, 2L, 100L)),
        c.db().invoke(":bank/transfer-all", c.db(), a1, 2L));
  }

  @Test
  void aFunctionThatDoesNotCompileIsRefusedWhenItIsStored() {
    Connection c = bank();
    Anomaly broken =
        assertRejected(
            c,
            "[{:db/ident :bank/broken :db/fn #db/fn {:lang \"java\" :params [db] :code \"return 1 +;\"}}]",
            Category.INCORRECT,
            ":db/fn of entity",
            "(:bank/broken)",
            "does not compile",
            "Line 1");
    assertEquals(Keyword.of("db.error/fn-compile-failed"), broken.code());
    assertRejected(
        c,
        "[{:db/ident :bank/lisp :db/fn #db/fn {:lang \"clojure\" :params [db] :code \"(+ 1 2)\"}}]",
        Category.INCORRECT,
        ":bank/lisp",
        ":lang :clojure");
  }

  @Test
  void peerFunctionMakesAValueToTransactAndDatabaseInvokeCallsTheStoredOne() {
    Connection c = bank();
    DbFn inc =
        Peer.function(
            Map.of(
                ":lang", "java", ":params", List.of("db", "x"), ":code", "return ((Long) x) + 1;"));
    assertEquals(
        "#db/fn{:lang :java, :imports [], :requires [], :params [db x],"
            + " :code \"return ((Long) x) + 1;\"}",
        Edn.write(inc));
    tx(c, List.of(Map.of(Keyword.of("db/ident"), Keyword.of("my/inc"), Keyword.of("db/fn"), inc)));
    Database db = c.db();
    assertEquals(42L, db.invoke(":my/inc", db, 41L));
    assertEquals(42L, db.invoke(Keyword.of("my/inc"), null, 41L));
    assertEquals(inc, db.entity(":my/inc").get(":db/fn"));
    assertEquals(
        Edn.write(inc), Edn.write(db.pull("[:db/fn]", ":my/inc").get(Keyword.of("db/fn"))));

    Anomaly arity = assertThrows(Anomaly.class, () -> db.invoke(":my/inc", db));
    assertTrue(arity.getMessage().contains("takes 2 arguments"), arity.getMessage());
    assertEquals(
        Category.NOT_FOUND, assertThrows(Anomaly.class, () -> db.invoke(":no/such")).category());
    Anomaly notFn = assertThrows(Anomaly.class, () -> db.invoke(":acct/name", db));
    assertEquals(Category.INCORRECT, notFn.category());
    assertTrue(notFn.getMessage().contains("Not a data function: :acct/name"), notFn.getMessage());
  }

  @Test
  void peerFunctionRefusesWhatCannotRun() {
    Anomaly broken =
        assertThrows(
            Anomaly.class,
            () -> Peer.function(Map.of(":lang", "java", ":params", List.of(), ":code", "x +")));
    assertEquals(Category.INCORRECT, broken.category());
    assertTrue(broken.getMessage().contains("does not compile"), broken.getMessage());
    Anomaly lisp =
        assertThrows(
            Anomaly.class,
            () -> Peer.function(Map.of(":lang", "clojure", ":params", List.of(), ":code", "1")));
    assertTrue(lisp.getMessage().contains(":lang :clojure"), lisp.getMessage());
    Anomaly noCode =
        assertThrows(
            Anomaly.class, () -> Peer.function(Map.of(":lang", "java", ":params", List.of())));
    assertTrue(noCode.getMessage().contains("needs :code"), noCode.getMessage());
  }

  @Test
  void storedFunctionsAreValuesQueriesFindAndIndexesOrder() {
    Connection c = bank();
    Object found =
        Peer.q("[:find ?f . :where [?e :db/ident :bank/forever] [?e :db/fn ?f]]", c.db());
    assertTrue(found instanceof DbFn, String.valueOf(found));
    assertEquals(
        5, ((java.util.Collection<?>) Peer.q("[:find ?f :where [_ :db/fn ?f]]", c.db())).size());
  }
}
