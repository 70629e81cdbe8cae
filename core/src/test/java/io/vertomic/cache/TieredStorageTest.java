package io.vertomic.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageContractTest;
import io.vertomic.storage.mem.MemStorage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A storage read through the cluster-map cache keeps the storage contract, and a second reader of a
 * segment is served by the cache, not by storage.
 */
class TieredStorageTest extends StorageContractTest {
  @Override
  protected Future<Storage> open(Vertx vertx) {
    return Future.succeededFuture(
        new TieredStorage(new MemStorage(), new ClusterMapSegmentCache(vertx)));
  }

  @Override
  protected boolean durable() {
    return false;
  }

  @Test
  void aSegmentReadOnceIsServedByTheCacheAfterwards() {
    MemStorage behind = new MemStorage();
    await(behind.put(ns + "s", bytes("segment")));
    TieredStorage first = new TieredStorage(behind, new ClusterMapSegmentCache(vertx));
    TieredStorage second = new TieredStorage(behind, new ClusterMapSegmentCache(vertx));
    assertArrayEquals(bytes("segment"), await(first.get(ns + "s")));
    assertEquals(1, first.misses());
    for (int i = 0; i < 100 && second.hits() == 0; i++) {
      assertArrayEquals(bytes("segment"), await(second.get(ns + "s")));
    }
    assertEquals(1, second.hits());
  }

  @Test
  void segmentsPutTogetherAreCachedForTheNextReader() {
    MemStorage behind = new MemStorage();
    TieredStorage writer = new TieredStorage(behind, new ClusterMapSegmentCache(vertx));
    TieredStorage reader = new TieredStorage(behind, new ClusterMapSegmentCache(vertx));
    await(
        writer.putAll(
            List.of(
                Map.entry(ns + "a", bytes("segment a")), Map.entry(ns + "b", bytes("segment b")))));
    assertEquals(bytes("segment a").length + bytes("segment b").length, writer.writtenBytes());
    for (int i = 0; i < 100 && reader.hits() == 0; i++) {
      assertArrayEquals(bytes("segment b"), await(reader.get(ns + "b")));
    }
    assertEquals(1, reader.hits());
    assertEquals(0, reader.misses());
  }
}
