package io.vertomic.metrics;

import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A storage whose every call is timed in its kind's {@link StorageMeters}; otherwise exactly the
 * storage it wraps. Thread-safe as that storage is.
 */
public final class MeteredStorage implements Storage {
  private final Storage storage;
  private final StorageMeters meters;

  public MeteredStorage(Storage storage, StorageMeters meters) {
    this.storage = storage;
    this.meters = meters;
  }

  @Override
  public Future<byte[]> get(String key) {
    return meters.read(storage.get(key));
  }

  @Override
  public Future<Void> put(String key, byte[] value) {
    return meters.write(storage.put(key, value));
  }

  @Override
  public Future<Void> putAll(List<Map.Entry<String, byte[]>> segments) {
    return meters.write(storage.putAll(segments));
  }

  @Override
  public Future<List<String>> keys(String prefix) {
    return meters.read(storage.keys(prefix));
  }

  @Override
  public Future<Void> delete(Collection<String> keys) {
    return meters.write(storage.delete(keys));
  }

  @Override
  public Future<Root> root(String name) {
    return meters.read(storage.root(name));
  }

  @Override
  public Future<List<String>> roots(String prefix) {
    return meters.read(storage.roots(prefix));
  }

  @Override
  public Future<Long> cas(String name, long expectedRevision, byte[] value) {
    return meters.write(storage.cas(name, expectedRevision, value));
  }

  @Override
  public Future<Void> appendLog(String db, long t, byte[] entry) {
    return meters.write(storage.appendLog(db, t, entry));
  }

  @Override
  public Future<Void> appendLog(String db, List<LogRecord> entries) {
    return meters.write(storage.appendLog(db, entries));
  }

  @Override
  public Future<Void> replaceLog(String db, long t, byte[] entry) {
    return meters.write(storage.replaceLog(db, t, entry));
  }

  @Override
  public Future<List<LogRecord>> readLog(String db, long fromT, long untilT, int limit) {
    return meters.read(storage.readLog(db, fromT, untilT, limit));
  }

  @Override
  public Future<Void> deleteLog(String db) {
    return meters.write(storage.deleteLog(db));
  }

  @Override
  public Future<Void> close() {
    return storage.close();
  }
}
