package io.vertomic.storage.dev;

import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageErrors;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** One user's handle on a {@link DevStorage} shared within the process; closing releases it. */
final class SharedDevStorage implements Storage {
  private final DevStorage store;
  private final Supplier<Future<Void>> release;
  private volatile boolean closed;

  SharedDevStorage(DevStorage store, Supplier<Future<Void>> release) {
    this.store = store;
    this.release = release;
  }

  private <T> Future<T> open(Supplier<Future<T>> op) {
    return closed
        ? Future.failedFuture(StorageErrors.closed("dev " + store.directory()))
        : op.get();
  }

  @Override
  public Future<byte[]> get(String key) {
    return open(() -> store.get(key));
  }

  @Override
  public Future<Void> put(String key, byte[] value) {
    return open(() -> store.put(key, value));
  }

  @Override
  public Future<Void> putAll(List<Map.Entry<String, byte[]>> segments) {
    return open(() -> store.putAll(segments));
  }

  @Override
  public Future<List<String>> keys(String prefix) {
    return open(() -> store.keys(prefix));
  }

  @Override
  public Future<Void> delete(Collection<String> keys) {
    return open(() -> store.delete(keys));
  }

  @Override
  public Future<Root> root(String name) {
    return open(() -> store.root(name));
  }

  @Override
  public Future<List<String>> roots(String prefix) {
    return open(() -> store.roots(prefix));
  }

  @Override
  public Future<Long> cas(String name, long expectedRevision, byte[] value) {
    return open(() -> store.cas(name, expectedRevision, value));
  }

  @Override
  public Future<Void> appendLog(String db, long t, byte[] entry) {
    return open(() -> store.appendLog(db, t, entry));
  }

  @Override
  public Future<Void> replaceLog(String db, long t, byte[] entry) {
    return open(() -> store.replaceLog(db, t, entry));
  }

  @Override
  public Future<Void> appendLog(String db, List<LogRecord> entries) {
    return open(() -> store.appendLog(db, entries));
  }

  @Override
  public Future<List<LogRecord>> readLog(String db, long fromT, long untilT, int limit) {
    return open(() -> store.readLog(db, fromT, untilT, limit));
  }

  @Override
  public Future<Void> deleteLog(String db) {
    return open(() -> store.deleteLog(db));
  }

  @Override
  public synchronized Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    return release.get();
  }
}
