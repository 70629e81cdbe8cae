package io.vertomic.cache;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The cache contract on the real memcached of 127.0.0.1:11211 (scripts/services/memcached). */
@Tag("slow") // memcached
class MemcachedSegmentCacheTest extends CacheContractTest {
  @Override
  protected SegmentCache open(Vertx vertx) {
    return new MemcachedSegmentCache(vertx, List.of("127.0.0.1:11211"), 2000);
  }

  @Test
  void aServerThatIsDownIsAMissNotAFailure() {
    SegmentCache down = new MemcachedSegmentCache(vertx, List.of("127.0.0.1:1"), 500);
    await(down.put(ns + "a", bytes("x")));
    assertNull(await(down.get(ns + "a")));
    assertNull(await(down.get(ns + "b")));
    await(down.close());
  }

  @Test
  void keysThatMemcachedCannotTakeAreHashed() {
    String odd = "seg/with space/" + "x".repeat(300);
    assertTrue(MemcachedSegmentCache.safe(odd).startsWith("vx#"));
    await(cache.put(odd, bytes("odd")));
    eventually(odd);
  }
}
