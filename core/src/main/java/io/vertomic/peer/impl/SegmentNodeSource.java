package io.vertomic.peer.impl;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.index.Node;
import io.vertomic.index.NodeCodec;
import io.vertomic.index.NodeSource;
import io.vertomic.metrics.CacheMeters;
import io.vertomic.storage.Storage;
import io.vertomic.wire.Frame;

/**
 * Where the index trees of durable databases find their stored nodes: the object cache of decoded
 * segments (Caffeine, bounded by an estimate of their heap bytes, least recently used out first),
 * then storage. Synchronous, as trees are read by the synchronous peer API; it waits for storage
 * through {@link Blocking}, so it refuses to run on an event loop. A missing or corrupt segment is
 * a {@code fault} naming its key; unreachable storage is {@code unavailable}. Thread-safe.
 */
final class SegmentNodeSource implements NodeSource, CacheMeters.ObjectCache {
  private final Storage storage;
  // decoded index nodes and fulltext chunks (byte[]), by segment key
  private final Cache<String, Object> cache;
  private final long budget;

  SegmentNodeSource(Storage storage, long budgetBytes) {
    this.storage = storage;
    this.budget = budgetBytes;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(budgetBytes)
            .weigher(
                (String k, Object v) ->
                    v instanceof byte[] b ? 16 + b.length : NodeCodec.heapBytes((Node) v))
            .recordStats()
            .build();
  }

  @Override
  public Node load(Object address) {
    return (Node) cache.get((String) address, k -> NodeCodec.decode(read(k), "segment " + k));
  }

  /** The bytes of the stored fulltext chunk {@code key}, through the same cache. */
  byte[] fulltextChunk(String key) {
    return (byte[])
        cache.get(key, k -> Frame.unwrap(Frame.K_FULLTEXT_CHUNK, read(k), "fulltext chunk " + k));
  }

  /** The bytes stored under {@code key}; a {@code fault} when they are missing. */
  byte[] read(String key) {
    byte[] bytes = Blocking.await(storage.get(key), "read segment " + key);
    if (bytes == null) {
      throw Anomaly.fault("Segment " + key + " is missing from storage", null);
    }
    return bytes;
  }

  /** Bytes the cache holds now, by its estimate; never above {@link #budget()} once settled. */
  long weightedSize() {
    cache.cleanUp();
    return cache.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }

  @Override
  public long budget() {
    return budget;
  }

  @Override
  public long hits() {
    return cache.stats().hitCount();
  }

  @Override
  public long misses() {
    return cache.stats().missCount();
  }

  @Override
  public long bytes() {
    return weightedSize();
  }

  /** Hits over requests since this source was made. */
  double hitRatio() {
    return cache.stats().hitRate();
  }
}
