package io.vertomic.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The meters of the segment caches of this process, summed over the storages it has opened: the
 * object cache of decoded segments (hits, misses, bytes held, its budget) and the distributed
 * cache, memcached or the cluster map (hits, misses, bytes read and written). The caches keep their
 * own counts; these meters read them when scraped, so a cache lookup costs nothing more.
 * Thread-safe.
 */
public final class CacheMeters {
  /** What an object cache tells about itself. */
  public interface ObjectCache {
    long hits();

    long misses();

    long bytes();

    long budget();
  }

  /** What a distributed cache tells about itself. */
  public interface SharedCache {
    long hits();

    long misses();

    /** Bytes of the segments it answered. */
    long readBytes();

    /** Bytes of the segments put in it. */
    long writtenBytes();
  }

  private final Set<ObjectCache> objectCaches = ConcurrentHashMap.newKeySet();
  private final Set<SharedCache> sharedCaches = ConcurrentHashMap.newKeySet();

  CacheMeters(MeterRegistry registry) {
    FunctionCounter.builder(
            "vertomic_object_cache_hits", objectCaches, sum(objectCaches, ObjectCache::hits))
        .description("Segment reads the object cache answered")
        .register(registry);
    FunctionCounter.builder(
            "vertomic_object_cache_misses", objectCaches, sum(objectCaches, ObjectCache::misses))
        .description("Segment reads that went past the object cache")
        .register(registry);
    Gauge.builder(
            "vertomic_object_cache_bytes", objectCaches, sum(objectCaches, ObjectCache::bytes))
        .description("Estimated heap bytes of the decoded segments the object cache holds")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder(
            "vertomic_object_cache_budget_bytes",
            objectCaches,
            sum(objectCaches, ObjectCache::budget))
        .description("Heap bytes the object cache may hold (objectCacheBytes)")
        .register(registry);
    FunctionCounter.builder(
            "vertomic_memcached_hits", sharedCaches, sum(sharedCaches, SharedCache::hits))
        .description("Segment reads the distributed cache (memcached or cluster map) answered")
        .register(registry);
    FunctionCounter.builder(
            "vertomic_memcached_misses", sharedCaches, sum(sharedCaches, SharedCache::misses))
        .description("Segment reads the distributed cache did not have")
        .register(registry);
    FunctionCounter.builder(
            "vertomic_memcached_read_bytes",
            sharedCaches,
            sum(sharedCaches, SharedCache::readBytes))
        .description("Bytes of the segments the distributed cache answered")
        .baseUnit("bytes")
        .register(registry);
    FunctionCounter.builder(
            "vertomic_memcached_written_bytes",
            sharedCaches,
            sum(sharedCaches, SharedCache::writtenBytes))
        .description("Bytes of the segments put in the distributed cache")
        .baseUnit("bytes")
        .register(registry);
  }

  private static <C> ToDoubleFunction<Set<C>> sum(Set<C> caches, ToDoubleFunction<C> each) {
    return set -> {
      double total = 0;
      for (C c : caches) {
        total += each.applyAsDouble(c);
      }
      return total;
    };
  }

  /** Counts {@code cache} in the object cache meters. */
  public void watch(ObjectCache cache) {
    objectCaches.add(cache);
  }

  /** Counts {@code cache} in the distributed cache meters. */
  public void watch(SharedCache cache) {
    sharedCaches.add(cache);
  }

  /**
   * Stops counting every cache (their storages are closed): the counters start again from the next
   * caches, which Prometheus reads as a counter reset.
   */
  public void forgetAll() {
    objectCaches.clear();
    sharedCaches.clear();
  }
}
