package io.vertomic.cache;

import io.vertx.core.Future;

/**
 * A distributed cache of segments shared by every process of a system (DESIGN.md section 3):
 * memcached servers or the Hazelcast cluster's map. Segments are immutable, so entries are never
 * invalidated. A cache is an optimisation, never a source of failure: {@link #get} answers null for
 * a miss and for a cache it cannot reach, and {@link #put} never fails. Thread-safe.
 */
public interface SegmentCache {
  /** The cache that holds nothing. */
  SegmentCache NONE =
      new SegmentCache() {
        @Override
        public Future<byte[]> get(String key) {
          return Future.succeededFuture();
        }

        @Override
        public Future<Void> put(String key, byte[] value) {
          return Future.succeededFuture();
        }

        @Override
        public Future<Void> remove(String key) {
          return Future.succeededFuture();
        }

        @Override
        public Future<Void> close() {
          return Future.succeededFuture();
        }
      };

  /** The segment cached under {@code key}, or null (a miss, or the cache is unreachable). */
  Future<byte[]> get(String key);

  /** Caches {@code value} under {@code key} when the cache can; never fails. */
  Future<Void> put(String key, byte[] value);

  /** Drops {@code key} (when its segment is garbage collected); never fails. */
  Future<Void> remove(String key);

  /** Releases connections. */
  Future<Void> close();
}
