package io.vertomic.storage.dev;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageContractTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevStorageTest extends StorageContractTest {
  @TempDir static Path dir;

  @Override
  protected Future<Storage> open(Vertx vertx) {
    return Future.succeededFuture(DevStorage.open(dir.resolve("store")));
  }

  @Test
  void aDirectoryThatCannotBeAStoreIsUnavailableAndNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "not a directory");
    Anomaly a = assertThrows(Anomaly.class, () -> DevStorage.open(file.resolve("store")));
    assertEquals(Category.UNAVAILABLE, a.category());
    assertTrue(a.getMessage().contains(file.toString()), a.getMessage());
  }

  @Test
  void aKeyLongerThanLmdbAllowsIsIncorrect() {
    Anomaly a = failure(storage.put(ns + "x".repeat(600), bytes("v")));
    assertEquals(Category.INCORRECT, a.category());
  }

  @Test
  void segmentsPutWhileTheCollectorRunsAreStoredIntact() throws Exception {
    // lmdbjava's own byte[] proxy let a collection free a key's native copy during mdb_put: with
    // collections running all along this crashed the JVM within the first thousand puts
    Thread collector =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                System.gc();
              }
            });
    collector.setDaemon(true);
    collector.start();
    Random random = new Random(5);
    List<Map.Entry<String, byte[]>> segments = new ArrayList<>();
    try {
      for (int round = 0; round < 3; round++) {
        List<Map.Entry<String, byte[]>> some = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
          byte[] value = new byte[1_500];
          random.nextBytes(value);
          some.add(Map.entry(ns + "gc/" + round + "-" + i, value));
        }
        await(storage.putAll(some));
        segments.addAll(some);
      }
    } finally {
      collector.interrupt();
      collector.join();
    }
    assertEquals(segments.size(), await(storage.keys(ns + "gc/")).size());
    for (int i = 0; i < segments.size(); i += 97) {
      assertArrayEquals(segments.get(i).getValue(), await(storage.get(segments.get(i).getKey())));
    }
  }

  @Test
  void aLogAppendDuringALargePutAllIsDurableBeforeThePutAllEnds() {
    // eight chunks of segments: the append takes its turn after the first, not after the eighth
    List<Map.Entry<String, byte[]>> segments = new ArrayList<>();
    Random random = new Random(9);
    for (int i = 0; i < 64; i++) {
      byte[] value = new byte[DevStorage.CHUNK_BYTES / 8];
      random.nextBytes(value);
      segments.add(Map.entry(ns + "bulk/" + i, value));
    }
    Future<Void> all = storage.putAll(segments);
    Future<Void> appended = storage.appendLog(ns + "db", 1, bytes("entry 1"));
    Future<Boolean> putAllDoneAtAppend = appended.map(v -> all.isComplete());
    assertEquals(false, await(putAllDoneAtAppend));
    await(all);
    assertEquals(64, await(storage.keys(ns + "bulk/")).size());
    assertArrayEquals(bytes("entry 1"), await(storage.readLog(ns + "db", 1, 2, 10)).get(0).entry());
  }
}
