package io.vertomic.cache;

import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A storage read through a distributed {@link SegmentCache}: a segment comes from the cache when it
 * is there, else from storage, and is then put in the cache (without waiting) for every other
 * process. Segments written go to storage, then to the cache. Roots and the log always go to
 * storage: they change, and a cache never serves them. Thread-safe.
 */
public final class TieredStorage implements Storage {
  private final Storage storage;
  private final SegmentCache cache;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong readBytes = new AtomicLong();
  private final AtomicLong writtenBytes = new AtomicLong();

  public TieredStorage(Storage storage, SegmentCache cache) {
    this.storage = storage;
    this.cache = cache;
  }

  /** Segment reads the cache answered. */
  public long hits() {
    return hits.get();
  }

  /** Segment reads that went to storage. */
  public long misses() {
    return misses.get();
  }

  /** Bytes of the segments the cache answered. */
  public long readBytes() {
    return readBytes.get();
  }

  /** Bytes of the segments handed to the cache (it may have dropped some). */
  public long writtenBytes() {
    return writtenBytes.get();
  }

  @Override
  public Future<byte[]> get(String key) {
    return cache
        .get(key)
        .compose(
            cached -> {
              if (cached != null) {
                hits.incrementAndGet();
                readBytes.addAndGet(cached.length);
                return Future.succeededFuture(cached);
              }
              misses.incrementAndGet();
              return storage
                  .get(key)
                  .onSuccess(
                      bytes -> {
                        if (bytes != null) {
                          cached(key, bytes);
                        }
                      });
            });
  }

  @Override
  public Future<Void> put(String key, byte[] value) {
    return storage.put(key, value).onSuccess(v -> cached(key, value));
  }

  @Override
  public Future<Void> putAll(List<Map.Entry<String, byte[]>> segments) {
    return storage
        .putAll(segments)
        .onSuccess(v -> segments.forEach(e -> cached(e.getKey(), e.getValue())));
  }

  private void cached(String key, byte[] value) {
    writtenBytes.addAndGet(value.length);
    cache.put(key, value);
  }

  @Override
  public Future<List<String>> keys(String prefix) {
    return storage.keys(prefix);
  }

  @Override
  public Future<Void> delete(Collection<String> keys) {
    return storage.delete(keys).onSuccess(v -> keys.forEach(cache::remove));
  }

  @Override
  public Future<Root> root(String name) {
    return storage.root(name);
  }

  @Override
  public Future<List<String>> roots(String prefix) {
    return storage.roots(prefix);
  }

  @Override
  public Future<Long> cas(String name, long expectedRevision, byte[] value) {
    return storage.cas(name, expectedRevision, value);
  }

  @Override
  public Future<Void> appendLog(String db, long t, byte[] entry) {
    return storage.appendLog(db, t, entry);
  }

  @Override
  public Future<Void> replaceLog(String db, long t, byte[] entry) {
    return storage.replaceLog(db, t, entry);
  }

  @Override
  public Future<Void> appendLog(String db, List<LogRecord> entries) {
    return storage.appendLog(db, entries);
  }

  @Override
  public Future<List<LogRecord>> readLog(String db, long fromT, long untilT, int limit) {
    return storage.readLog(db, fromT, untilT, limit);
  }

  @Override
  public Future<Void> deleteLog(String db) {
    return storage.deleteLog(db);
  }

  @Override
  public Future<Void> close() {
    return cache.close().eventually(storage::close);
  }
}
