package io.vertomic.storage.mem;

import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageErrors;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Storage in this process's heap: the reference backend the contract suite is written against, and
 * a fast stand-in for durable storage in tests. Nothing survives the process. Thread-safe: maps are
 * concurrent and the compare-and-swap and log append are synchronized on this instance.
 */
public final class MemStorage implements Storage {
  private final ConcurrentSkipListMap<String, byte[]> segments = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<String, Root> roots = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<String, NavigableMap<Long, byte[]>> logs =
      new ConcurrentSkipListMap<>();
  private volatile boolean closed;

  @Override
  public Future<byte[]> get(String key) {
    return open().map(v -> segments.get(key));
  }

  @Override
  public Future<Void> put(String key, byte[] value) {
    return open().map(v -> segments.putIfAbsent(key, value.clone())).mapEmpty();
  }

  @Override
  public Future<List<String>> keys(String prefix) {
    return open().map(v -> List.copyOf(segments.subMap(prefix, prefix + '\uffff').keySet()));
  }

  @Override
  public Future<Void> delete(Collection<String> keys) {
    return open().map(v -> segments.keySet().removeAll(keys)).mapEmpty();
  }

  @Override
  public Future<Root> root(String name) {
    return open().map(v -> roots.get(name));
  }

  @Override
  public Future<List<String>> roots(String prefix) {
    return open().map(v -> List.copyOf(roots.subMap(prefix, prefix + '\uffff').keySet()));
  }

  @Override
  public synchronized Future<Long> cas(String name, long expectedRevision, byte[] value) {
    if (closed) {
      return closedFailure();
    }
    Root current = roots.get(name);
    long revision = current == null ? 0 : current.revision();
    if (revision != expectedRevision) {
      return Future.failedFuture(StorageErrors.casFailed(name, expectedRevision, revision));
    }
    if (value == null) {
      roots.remove(name);
      return Future.succeededFuture(0L);
    }
    roots.put(name, new Root(name, revision + 1, value.clone()));
    return Future.succeededFuture(revision + 1);
  }

  @Override
  public synchronized Future<Void> appendLog(String db, long t, byte[] entry) {
    if (closed) {
      return closedFailure();
    }
    NavigableMap<Long, byte[]> log = logs.computeIfAbsent(db, d -> new TreeMap<>());
    if (log.putIfAbsent(t, entry.clone()) != null) {
      return Future.failedFuture(StorageErrors.logTExists(db, t));
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> replaceLog(String db, long t, byte[] entry) {
    if (closed) {
      return closedFailure();
    }
    logs.computeIfAbsent(db, d -> new TreeMap<>()).put(t, entry.clone());
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> appendLog(String db, List<LogRecord> entries) {
    if (closed) {
      return closedFailure();
    }
    NavigableMap<Long, byte[]> log = logs.computeIfAbsent(db, d -> new TreeMap<>());
    for (LogRecord r : entries) {
      if (log.containsKey(r.t())) {
        return Future.failedFuture(StorageErrors.logTExists(db, r.t()));
      }
    }
    entries.forEach(r -> log.put(r.t(), r.entry().clone()));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<LogRecord>> readLog(
      String db, long fromT, long untilT, int limit) {
    if (closed) {
      return closedFailure();
    }
    List<LogRecord> out = new ArrayList<>();
    NavigableMap<Long, byte[]> log = logs.get(db);
    if (log != null && fromT < untilT) {
      for (var e : log.subMap(fromT, true, untilT, false).entrySet()) {
        if (out.size() >= limit) {
          break;
        }
        out.add(new LogRecord(e.getKey(), e.getValue()));
      }
    }
    return Future.succeededFuture(out);
  }

  @Override
  public synchronized Future<Void> deleteLog(String db) {
    logs.remove(db);
    return open();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return Future.succeededFuture();
  }

  private Future<Void> open() {
    return closed ? closedFailure() : Future.succeededFuture();
  }

  private static <T> Future<T> closedFailure() {
    return Future.failedFuture(StorageErrors.closed("mem"));
  }
}
