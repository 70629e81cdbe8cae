package io.vertomic.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Edn;
import io.vertomic.fixtures.KeptMemStorageProvider;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertomic.storage.dev.DevStorage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup to a directory and restore from it: the restored database answers like the original, a
 * second backup copies only what is new, and damaged or conflicting targets are refused.
 */
class BackupRestoreTest {
  @TempDir Path dir;
  private final String name = "bk-" + UUID.randomUUID();
  private final String uri = "vertomic:kept://" + name;
  private static final String Q = "[:find (count ?e) (sum ?v) :where [?e :n/v ?v]]";

  @AfterEach
  void shutdown() {
    Peer.shutdown();
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

    String restoredName = "restored-" + UUID.randomUUID();
    Copy.run(backup, name, kept, restoredName, new PrintStream(progress));
    assertEquals(later, Edn.write(Peer.q(Q, Peer.connect("vertomic:kept://" + restoredName).db())));
    assertTrue(!later.equals(answer));
    backup.close().toCompletionStage().toCompletableFuture().get();
  }

  @Test
  void restoringOverADifferentDatabaseOfTheSameNameIsAConflict() throws Exception {
    database(100);
    String otherName = "other-" + UUID.randomUUID();
    Peer.createDatabase("vertomic:kept://" + otherName);
    Anomaly a =
        assertThrows(
            Anomaly.class,
            () ->
                Copy.run(
                    kept(), name, kept(), otherName, new PrintStream(new ByteArrayOutputStream())));
    assertEquals(Category.CONFLICT, a.category());
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

  private static Storage kept() throws Exception {
    return new KeptMemStorageProvider()
        .open(null, StorageUri.parse("vertomic:kept://x"))
        .toCompletionStage()
        .toCompletableFuture()
        .get();
  }

  private static void tx(Connection c, String edn) throws Exception {
    c.transact(edn).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
