package io.vertomic.peer;

import io.vertomic.cache.MemcachedSegmentCache;
import io.vertomic.cache.SealedSegmentCache;
import io.vertomic.cache.SegmentCache;
import io.vertomic.fixtures.KeptMemStorageProvider;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * Excision with memcached as the distributed segment cache: after {@code syncExcise} the cache
 * holds no segment with an excised value either (every segment key the storage ever listed is
 * looked up in memcached).
 */
@Tag("slow") // memcached
class CachedExcisionTest extends ExcisionContractTest {
  private static final String MEMCACHED = "127.0.0.1:11211";

  @BeforeEach
  void cache() {
    Peer.shutdown();
    Peer.configure(Peer.options().setSegmentCache("memcached:" + MEMCACHED));
  }

  private int cachedSeen;

  @Override
  protected void stopped() {
    Peer.configure(Peer.options().setSegmentCache(null));
    org.junit.jupiter.api.Assertions.assertTrue(
        cachedSeen > 0, "memcached held the database's segments (else the check proves nothing)");
  }

  @Override
  protected String uri(String name) {
    return "vertomic:kept://" + name;
  }

  @Override
  protected Storage storage() throws Exception {
    return get(new KeptMemStorageProvider().open(vertx, StorageUri.parse(uri("x"))));
  }

  @Override
  protected List<byte[]> cached(Collection<String> keys) throws Exception {
    // read as the peer reads it: the values are sealed under the storage's key
    SegmentCache cache =
        get(
            SealedSegmentCache.open(
                storage(), new MemcachedSegmentCache(vertx, List.of(MEMCACHED), 5_000)));
    try {
      List<byte[]> out = new ArrayList<>();
      for (String key : keys) {
        byte[] blob = get(cache.get(key));
        if (blob != null) {
          out.add(blob);
          cachedSeen++;
        }
      }
      return out;
    } finally {
      get(cache.close());
    }
  }
}
