package io.vertomic.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Edn;
import io.vertomic.fixtures.KeptMemStorageProvider;
import io.vertomic.fixtures.StoredBytes;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertomic.peer.PeerOptions;
import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageSettings;
import io.vertomic.storage.StorageUri;
import io.vertomic.storage.dev.DevStorage;
import io.vertomic.storage.dev.DevStorageProvider;
import io.vertomic.wire.DbRoot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup to a directory and restore from it: the restored database answers like the original, a
 * second backup copies only what is new (and what an excision rewrote), and damaged, conflicting or
 * forked targets are refused before anything is written.
 */
class BackupRestoreTest {
  @TempDir Path dir;
  private final String name = "bk-" + UUID.randomUUID();
  private final String uri = "vertomic:kept://" + name;
  private static final String Q = "[:find (count ?e) (sum ?v) :where [?e :n/v ?v]]";
  private final Vertx vertx = Vertx.vertx();
  private final List<Storage> opened = new ArrayList<>();

  @AfterEach
  void shutdown() throws Exception {
    Peer.shutdown();
    for (Storage s : opened) {
      get(s.close());
    }
    Peer.configure(Peer.options().setDataDir(PeerOptions.DEFAULT_DATA_DIR));
    get(vertx.close());
  }

  @Test
  void aRestoredDatabaseAnswersLikeTheOriginalAndBackupsAreIncremental() throws Exception {
    Connection c = database(20_000);
    String answer = Edn.write(Peer.q(Q, c.db()));
    Storage kept = kept();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    DevStorage backup = DevStorage.open(dir.resolve("backup"));

    Copy.Summary first = Copy.run(kept, name, backup, name, new PrintStream(progress));
    assertTrue(first.segmentsCopied() > 10, first.toString());
    assertTrue(progress.toString().contains("100%"), progress.toString());

    tx(c, "[{:n/v 5000}]");
    c.requestIndex().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    tx(c, "[{:n/v 5001}]");
    String later = Edn.write(Peer.q(Q, c.db()));
    Copy.Summary second = Copy.run(kept, name, backup, name, new PrintStream(progress));
    assertTrue(second.segmentsCopied() > 0, second.toString());
    assertTrue(second.segmentsCopied() < first.segmentsCopied() / 2, second + " after " + first);
    assertEquals(first.logEntriesCopied(), second.logEntriesSkipped());
    assertEquals(2, second.logEntriesCopied());
    assertEquals(0, second.logEntriesRewritten());

    // the original is lost; a restore under another name brings it back
    Peer.deleteDatabase(uri);
    String restoredName = "restored-" + UUID.randomUUID();
    Copy.run(backup, name, kept, restoredName, new PrintStream(progress));
    assertEquals(later, Edn.write(Peer.q(Q, Peer.connect("vertomic:kept://" + restoredName).db())));
    assertTrue(!later.equals(answer));
    backup.close().toCompletionStage().toCompletableFuture().get();
  }

  @Test
  void restoringOverADifferentDatabaseOfTheSameNameIsAConflictAndWritesNothing() throws Exception {
    database(100);
    String otherName = "other-" + UUID.randomUUID();
    Peer.createDatabase("vertomic:kept://" + otherName);
    Peer.connect("vertomic:kept://" + otherName).transact("[{:db/doc \"other\"}]");
    Storage target = dev("127.0.0.1:4401");
    copy(kept(), otherName, target, name);
    Anomaly a = assertThrows(Anomaly.class, () -> copy(kept(), name, target, name));
    assertEquals(Category.CONFLICT, a.category());
    assertTrue(a.getMessage().contains("different database named " + name), a.getMessage());
    assertNothingOf(id(kept(), name), target);
  }

  @Test
  void restoringUnderANewNameIntoTheStorageThatHoldsTheDatabaseIsAConflict() throws Exception {
    // the two names would share one log: a transaction on either would change the other
    database(100);
    Storage backup = dev("127.0.0.1:4402");
    copy(kept(), name, backup, name);
    String copyName = "copy-" + UUID.randomUUID();
    Anomaly a = assertThrows(Anomaly.class, () -> copy(backup, name, kept(), copyName));
    assertEquals(Category.CONFLICT, a.category());
    assertTrue(a.getMessage().contains("already holds this database as " + name), a.getMessage());
    assertTrue(Peer.getDatabaseNames("vertomic:kept://*").contains(name));
    assertFalse(Peer.getDatabaseNames("vertomic:kept://*").contains(copyName));
  }

  @Test
  void aRestoredDatabaseWrittenToSinceIsNotOverwrittenByTheNextBackup() throws Exception {
    Connection c = database(1000);
    Storage target = dev("127.0.0.1:4403");
    String restored = "vertomic:dev://127.0.0.1:4403/" + name;
    copy(kept(), name, target, name);
    tx(Peer.connect(restored), "[{:n/v -1}]");
    tx(c, "[{:n/v 7000}]");
    List<LogRecord> before = log(target, id(kept(), name));

    Anomaly a = assertThrows(Anomaly.class, () -> copy(kept(), name, target, name));
    assertEquals(Category.CONFLICT, a.category());
    assertTrue(a.getMessage().contains("was written to since it was copied"), a.getMessage());
    assertEquals(before.size(), log(target, id(kept(), name)).size());
    assertEquals(
        "[[1001 -1]]",
        Edn.write(
            Peer.q(
                "[:find (count ?e) (min ?v) :where [?e :n/v ?v]]", Peer.connect(restored).db())));
  }

  @Test
  void restoringAnOlderBackupOverTheDatabaseItCameFromIsAConflict() throws Exception {
    Connection c = database(1000);
    Storage backup = dev("127.0.0.1:4404");
    copy(kept(), name, backup, name);
    tx(c, "[{:n/v 7000}]");
    Anomaly a = assertThrows(Anomaly.class, () -> copy(backup, name, kept(), name));
    assertEquals(Category.CONFLICT, a.category());
    assertTrue(a.getMessage().contains("ahead of the source"), a.getMessage());
    assertEquals("[[1001 506500]]", Edn.write(Peer.q(Q, c.db())));
  }

  @Test
  void aBackupTakenAgainAfterAnExcisionHoldsNoExcisedDatom() throws Exception {
    String secret = "SECRET-" + UUID.randomUUID();
    Connection c = database(2000);
    tx(
        c,
        "[{:db/ident :n/note :db/valueType :db.type/string :db/cardinality :db.cardinality/one}]");
    long e = tx(c, "[{:db/id \"s\" :n/v -5 :n/note \"" + secret + "\"}]").tempids().get("s");
    get(c.requestIndex());
    tx(c, "[{:db/id " + e + " :n/note \"" + secret + "-2\"}]");
    Storage backup = dev("127.0.0.1:4405");
    copy(kept(), name, backup, name);
    assertTrue(StoredBytes.holds(backup, secret, new ArrayList<>()));

    long t = tx(c, "[{:db/id \"x\" :db/excise " + e + "}]").dbAfter().basisT();
    get(c.syncExcise(t));
    Copy.Summary again = copy(kept(), name, backup, name);
    assertTrue(again.logEntriesRewritten() >= 2, again.toString());
    assertTrue(again.segmentsDeleted() > 0, again.toString());
    assertFalse(StoredBytes.holds(backup, secret, new ArrayList<>()), again.toString());
    assertEquals(
        Edn.write(Peer.q(Q, c.db())), Edn.write(Peer.q(Q, restore(backup, c.db().basisT()))));
  }

  @Test
  void aDamagedBackupIsAFaultNamingTheSegment() throws Exception {
    database(2000);
    DevStorage backup = DevStorage.open(dir.resolve("damaged"));
    Copy.run(kept(), name, backup, name, new PrintStream(new ByteArrayOutputStream()));
    String key = backup.keys("seg/").toCompletionStage().toCompletableFuture().get().get(0);
    backup.delete(java.util.List.of(key)).toCompletionStage().toCompletableFuture().get();
    backup.put(key, new byte[] {'V', 'X', 2, 1, 0}).toCompletionStage().toCompletableFuture().get();
    Anomaly a =
        assertThrows(
            Anomaly.class,
            () ->
                Copy.run(
                    backup,
                    name,
                    DevStorage.open(dir.resolve("fresh")),
                    name,
                    new PrintStream(new ByteArrayOutputStream())));
    assertEquals(Category.FAULT, a.category());
    assertTrue(a.getMessage().contains(key), a.getMessage());
    backup.close().toCompletionStage().toCompletableFuture().get();
  }

  private Connection database(int n) throws Exception {
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(c, "[{:db/ident :n/v :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      b.append("{:n/v ").append(i).append('}');
    }
    tx(c, b.append(']').toString());
    c.requestIndex().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    return c;
  }

  // the database as a new kept name restored from backup (the original's name holds its id)
  private io.vertomic.peer.Database restore(Storage backup, long basisT) throws Exception {
    Peer.deleteDatabase(uri);
    String restored = "restored-" + UUID.randomUUID();
    copy(backup, name, kept(), restored);
    io.vertomic.peer.Database db = Peer.connect("vertomic:kept://" + restored).db();
    assertEquals(basisT, db.basisT());
    return db;
  }

  // a dev store of the temporary directory, as a dev URI naming 127.0.0.1:PORT opens it
  private Storage dev(String hostPort) throws Exception {
    Peer.configure(Peer.options().setDataDir(dir.toString()));
    Storage s =
        get(
            new DevStorageProvider()
                .open(
                    vertx,
                    StorageUri.parse("vertomic:dev://" + hostPort + "/x"),
                    new StorageSettings(dir.toString())));
    opened.add(s);
    return s;
  }

  private static Copy.Summary copy(Storage from, String fromName, Storage to, String toName) {
    return Copy.run(from, fromName, to, toName, new PrintStream(new ByteArrayOutputStream()));
  }

  private static String id(Storage s, String name) throws Exception {
    return DbRoot.decode(get(s.root("db/" + name)).value(), name).id();
  }

  private static List<LogRecord> log(Storage s, String id) throws Exception {
    return get(s.readLog(id, 0, Long.MAX_VALUE, Integer.MAX_VALUE));
  }

  private static void assertNothingOf(String id, Storage s) throws Exception {
    assertEquals(List.of(), get(s.keys("seg/" + id + "/")));
    assertEquals(List.of(), log(s, id));
  }

  private static Storage kept() throws Exception {
    return new KeptMemStorageProvider()
        .open(null, StorageUri.parse("vertomic:kept://x"))
        .toCompletionStage()
        .toCompletableFuture()
        .get();
  }

  private static io.vertomic.peer.TxReport tx(Connection c, String edn) throws Exception {
    return get(c.transact(edn));
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
