package io.vertomic.storage.dev;

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
}
