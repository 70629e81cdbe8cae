package io.vertomic.storage.ddb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.storage.SegmentPartitions;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageContractTest;
import io.vertomic.storage.StorageUri;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The storage contract on the real DynamoDB-compatible server (dynalite) that {@code
 * scripts/services/dynamodb} keeps on 127.0.0.1:4567, plus what is DynamoDB's own: values split
 * over items, conditional writes that lose, a missing table, a server that is not there.
 */
@Tag("slow") // dynalite
class DdbStorageTest extends StorageContractTest {
  static final String ENDPOINT = "http://127.0.0.1:4567";
  static final String TABLE = "vertomic-test";

  /** The contract's own table, dropped after it so that its data does not pile up run after run. */
  private static final String CONTRACT =
      "vertomic:ddb://us-east-1/vertomic-contract/x?endpoint=" + ENDPOINT;

  private static volatile boolean installed;
  private static volatile boolean contractInstalled;

  /** The URI of database {@code name} in the test table. */
  static String uri(String name) {
    return "vertomic:ddb://us-east-1/" + TABLE + "/" + name + "?endpoint=" + ENDPOINT;
  }

  @Override
  protected Future<Storage> open(Vertx vertx) {
    Future<?> table =
        contractInstalled
            ? Future.succeededFuture()
            : DdbSchema.install(vertx, CONTRACT).onSuccess(v -> contractInstalled = true);
    return table.compose(v -> new DdbStorageProvider().open(vertx, StorageUri.parse(CONTRACT)));
  }

  @AfterAll
  static void dropTheContractsTable() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      DdbStorageProvider.Target t =
          DdbStorageProvider.target(StorageUri.parse(CONTRACT).system(), CONTRACT);
      DdbClient client = await(DdbClient.create(vertx, t));
      try {
        client.sdk.deleteTable(r -> r.tableName(t.table())).get(60, TimeUnit.SECONDS);
      } finally {
        client.close();
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** Creates the test table, once per JVM, waiting for it (for database tests). */
  static void installSchema() throws Exception {
    io.vertomic.fixtures.OnVertx.await(DdbStorageTest::schema, 120);
  }

  static synchronized Future<Void> schema(Vertx vertx) {
    if (installed) {
      return Future.succeededFuture();
    }
    return DdbSchema.install(vertx, uri("*")).onSuccess(v -> installed = true).mapEmpty();
  }

  @Test
  void aSegmentOverOneItemsLimitIsSplitAndReadBackWhole() {
    byte[] big = new byte[DdbLayout.CHUNK * 2 + 1000];
    new Random(3).nextBytes(big);
    await(storage.put(ns + "big", big));
    assertArrayEquals(big, await(storage.get(ns + "big")));
    DdbTable raw = table();
    var head = await(raw.get("test", SegmentPartitions.of(ns + "big"), ns + "big", true));
    assertEquals("3", head.get(DdbLayout.N).n(), "a head and two more chunks");
    assertEquals(DdbLayout.CHUNK, head.get(DdbLayout.V).b().asByteArray().length);
    await(storage.delete(java.util.List.of(ns + "big")));
    assertEquals(null, await(storage.get(ns + "big")));
    assertEquals(
        null,
        await(raw.get("test", DdbLayout.segmentChunks(ns + "big"), DdbLayout.hex8(1), true)),
        "its chunks are deleted with it");
  }

  @Test
  void aLosingAppendOfALargeEntryLeavesTheWinnersEntryWhole() {
    byte[] first = new byte[DdbLayout.CHUNK + 10];
    byte[] second = new byte[DdbLayout.CHUNK + 20];
    new Random(1).nextBytes(first);
    new Random(2).nextBytes(second);
    await(storage.appendLog(ns + "db", 1000, first));
    Anomaly a = failure(storage.appendLog(ns + "db", 1000, second));
    assertEquals(Category.CONFLICT, a.category());
    assertEquals(Storage.LOG_T_EXISTS, a.code().toString().substring(1));
    assertArrayEquals(first, await(storage.readLog(ns + "db", 1000, 1001, 1)).get(0).entry());
  }

  @Test
  void anExcisedLargeEntryIsReplacedWhole() {
    byte[] large = new byte[DdbLayout.CHUNK * 2];
    new Random(4).nextBytes(large);
    await(storage.appendLog(ns + "db", 1000, large));
    await(storage.replaceLog(ns + "db", 1000, bytes("small")));
    assertArrayEquals(
        bytes("small"), await(storage.readLog(ns + "db", 0, Long.MAX_VALUE, 10)).get(0).entry());
    await(storage.replaceLog(ns + "db", 1000, large));
    assertArrayEquals(
        large, await(storage.readLog(ns + "db", 0, Long.MAX_VALUE, 10)).get(0).entry());
  }

  @Test
  void aRootLargerThanOneItemIsIncorrectAndNotWritten() {
    Anomaly a = failure(storage.cas(ns + "r", 0, new byte[DdbLayout.CHUNK + 1]));
    assertEquals(Category.INCORRECT, a.category());
    assertTrue(a.getMessage().contains(ns + "r"), a.getMessage());
    assertEquals(null, await(storage.root(ns + "r")));
  }

  @Test
  void aMissingTableIsUnavailableNamingTheScript() {
    Anomaly a =
        failure(
            new DdbStorageProvider()
                .open(
                    vertx,
                    StorageUri.parse(
                        "vertomic:ddb://us-east-1/no-such-table/x?endpoint=" + ENDPOINT)));
    assertEquals(Category.UNAVAILABLE, a.category(), a.getMessage());
    assertTrue(a.getMessage().contains("scripts/ddb-schema"), a.getMessage());
    assertTrue(a.getMessage().contains("no-such-table"), a.getMessage());
  }

  @Test
  void aServerThatRefusesConnectionsIsUnavailableNamingIt() {
    Anomaly a =
        failure(
            new DdbStorageProvider()
                .open(
                    vertx,
                    StorageUri.parse(
                        "vertomic:ddb://us-east-1/t-1/x?endpoint=http://127.0.0.1:1")));
    assertEquals(Category.UNAVAILABLE, a.category(), a.getMessage());
    assertTrue(a.getMessage().contains("http://127.0.0.1:1"), a.getMessage());
  }

  @Test
  void installingTheSchemaAgainChangesNothing() {
    assertFalse(await(DdbSchema.install(vertx, CONTRACT)));
  }

  private DdbTable table() {
    return ((DdbStorage) storage).table();
  }
}
