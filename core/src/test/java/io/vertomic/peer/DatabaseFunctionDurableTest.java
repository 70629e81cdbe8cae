package io.vertomic.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.edn.DbFn;
import io.vertomic.edn.Edn;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database function in a durable dev database (an LMDB file store, this process its writer): it
 * is stored in the log and in index segments, and reads back, prints and runs the same after the
 * peer restarts.
 */
class DatabaseFunctionDurableTest {
  private static final String DEPOSIT =
      "#db/fn{:lang :java, :imports [], :requires [], :params [db e amount], :code \"long b ="
          + " (Long) ((io.vertomic.peer.Database) db).entity(e).get(\\\":acct/balance\\\"); return"
          + " java.util.List.of(java.util.List.of(\\\":db/add\\\", e, \\\":acct/balance\\\", b +"
          + " (Long) amount));\"}";

  @TempDir Path dir;
  private final String uri = "vertomic:dev://127.0.0.1:4334/fns-" + UUID.randomUUID();

  @BeforeEach
  void devStoreAndFunctionsOn() {
    Peer.configure(Peer.options().setDataDir(dir.toString()));
    Peer.configure(Peer.options().setDatabaseFunctions(true));
  }

  @AfterEach
  void shutdown() {
    Peer.shutdown();
    Peer.configure(Peer.options().setDataDir(PeerOptions.DEFAULT_DATA_DIR));
    Peer.configure(new PeerOptions());
  }

  private static void tx(Connection c, String edn) throws Exception {
    c.transact(edn).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Object balance(Connection c) {
    return c.db().entity(List.of(":acct/name", "a")).get(":acct/balance");
  }

  private static DbFn deposit(Connection c) {
    return (DbFn) c.db().entity(":acct/deposit").get(":db/fn");
  }

  @Test
  void aStoredFunctionReadsBackPrintsAndRunsAfterRestartsFromTheLogAndFromTheIndex()
      throws Exception {
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(
        c,
        "[{:db/ident :acct/name :db/valueType :db.type/string :db/cardinality"
            + " :db.cardinality/one :db/unique :db.unique/identity}"
            + " {:db/ident :acct/balance :db/valueType :db.type/long :db/cardinality"
            + " :db.cardinality/one}"
            + " {:db/ident :acct/deposit :db/fn "
            + DEPOSIT
            + "}]");
    tx(c, "[{:acct/name \"a\" :acct/balance 10}]");
    DbFn written = deposit(c);
    assertEquals(DEPOSIT, Edn.write(written));

    Peer.shutdown();
    Connection fromLog = Peer.connect(uri);
    assertEquals(written, deposit(fromLog));
    tx(fromLog, "[[:acct/deposit [:acct/name \"a\"] 5]]");
    assertEquals(15L, balance(fromLog));
    fromLog.requestIndex().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    Peer.shutdown();
    Connection fromIndex = Peer.connect(uri);
    assertEquals(DEPOSIT, Edn.write(deposit(fromIndex)));
    Object a = List.of(":acct/name", "a");
    assertEquals(
        List.of(List.of(":db/add", a, ":acct/balance", 17L)),
        fromIndex.db().invoke(":acct/deposit", fromIndex.db(), a, 2L));
    tx(fromIndex, "[[:acct/deposit [:acct/name \"a\"] 1]]");
    assertEquals(16L, balance(fromIndex));
  }
}
