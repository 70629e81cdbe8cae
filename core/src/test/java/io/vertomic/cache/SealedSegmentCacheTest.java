package io.vertomic.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertomic.storage.Storage;
import io.vertomic.storage.mem.MemStorage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cache that only storage readers can use: a value put through it reads back, but the shared
 * map holds no plain byte of it; a value a process without the storage's key put there, or one
 * moved under another cache key, is a miss; every process of one storage shares one key.
 */
class SealedSegmentCacheTest {
  private final Vertx vertx = Vertx.vertx();
  private final SegmentCache shared = new ClusterMapSegmentCache(vertx);

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void aValuePutThroughTheSealReadsBackAndTheSharedMapHoldsNoPlainByteOfIt() throws Exception {
    SegmentCache sealed = await(SealedSegmentCache.open(storage(), shared));
    byte[] segment = "a segment with a secret in it".getBytes(StandardCharsets.UTF_8);
    await(sealed.put("seg/1", segment));
    assertArrayEquals(segment, await(sealed.get("seg/1")));
    String raw = new String(await(shared.get("seg/1")), StandardCharsets.ISO_8859_1);
    assertFalse(raw.contains("secret"), raw);
    assertEquals(segment.length + 28, raw.length());
  }

  @Test
  void whatAProcessWithoutTheKeyPutsIsAMiss() throws Exception {
    Storage storage = storage();
    SegmentCache sealed = await(SealedSegmentCache.open(storage, shared));
    await(shared.put("seg/forged", "forged".getBytes(StandardCharsets.UTF_8)));
    assertNull(await(sealed.get("seg/forged")));
    SegmentCache otherStorage = await(SealedSegmentCache.open(storage(), shared));
    await(otherStorage.put("seg/other", new byte[] {1, 2, 3}));
    assertNull(await(sealed.get("seg/other")), "sealed under another storage's key");
    await(shared.put("seg/short", new byte[] {1}));
    assertNull(await(sealed.get("seg/short")));
  }

  @Test
  void aSealedValueMovedUnderAnotherKeyIsAMiss() throws Exception {
    SegmentCache sealed = await(SealedSegmentCache.open(storage(), shared));
    await(sealed.put("seg/a", new byte[] {7}));
    await(shared.put("seg/b", await(shared.get("seg/a"))));
    assertNull(await(sealed.get("seg/b")));
  }

  @Test
  void everyProcessOfOneStorageSharesTheKeyMadeByTheFirst() throws Exception {
    Storage storage = storage();
    SegmentCache first = await(SealedSegmentCache.open(storage, shared));
    SegmentCache second = await(SealedSegmentCache.open(storage, shared));
    await(first.put("seg/x", new byte[] {4, 2}));
    assertArrayEquals(new byte[] {4, 2}, await(second.get("seg/x")));
    assertEquals(32, await(storage.root(SealedSegmentCache.ROOT)).value().length);
  }

  // a storage of its own, as another system's would be
  private static Storage storage() {
    return new MemStorage();
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
