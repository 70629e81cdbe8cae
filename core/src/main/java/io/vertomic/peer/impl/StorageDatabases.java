package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.cache.ClusterMapSegmentCache;
import io.vertomic.cache.MemcachedSegmentCache;
import io.vertomic.cache.TieredStorage;
import io.vertomic.log.StorageLog;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertomic.wire.DbRoot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The databases of durable storages (every kind but mem) as this process sees them: one opened
 * {@link Storage} per storage system, one root per database ({@code db/NAME}, a {@link DbRoot}),
 * and one {@link LocalConnection} per database whose writer appends to the storage's log.
 *
 * <p>Until the transactor process exists, the process that connects is the database's writer: it
 * rebuilds the database from the log on connect and appends every transaction to the log before
 * acknowledging it. Two processes writing one database are fenced by the log's {@code t} keys (the
 * second append of a {@code t} fails {@code conflict}), after which the loser catches up from the
 * log. Thread-safe.
 */
final class StorageDatabases {
  private static final String ROOT_PREFIX = "db/";

  /** System property: bytes of decoded segments the object cache may hold (default: heap / 4). */
  static final String CACHE_BYTES = "vertomic.objectCacheBytes";

  /**
   * System property: the distributed segment cache, {@code memcached:HOST:PORT[,HOST:PORT...]} or
   * {@code cluster-map}; none when unset.
   */
  static final String SEGMENT_CACHE = "vertomic.segmentCache";

  /** System property: transactions a writer holds unanswered before it answers busy (10,000). */
  static final String TX_QUEUE = "vertomic.txQueueMax";

  /** System property: novelty datoms after which the index job runs (default 100,000). */
  static final String INDEX_THRESHOLD = "vertomic.indexThresholdDatoms";

  private final ConcurrentHashMap<String, Future<Storage>> storages = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, SegmentNodeSource> sources = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, DurableDatabase> databases = new ConcurrentHashMap<>();
  private final ExecutorService processing =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "vertomic-writer");
            t.setDaemon(true);
            return t;
          });
  private volatile Vertx vertx;

  boolean create(StorageUri uri) {
    Storage s = storage(uri);
    DbRoot root = DbRoot.created(uri.database() + "-" + UUID.randomUUID());
    try {
      Blocking.await(s.cas(rootName(uri), 0, root.encode()), "create " + uri.uri());
      return true;
    } catch (Anomaly a) {
      if (a.category() == Category.CONFLICT) {
        return false;
      }
      throw a;
    }
  }

  boolean delete(StorageUri uri) {
    Storage s = storage(uri);
    DurableDatabase d = databases.remove(uri.uri());
    if (d != null) {
      d.close();
    }
    Root r = Blocking.await(s.root(rootName(uri)), "read root of " + uri.uri());
    if (r == null) {
      return false;
    }
    DbRoot root = DbRoot.decode(r.value(), "root of " + uri.uri());
    Blocking.await(s.cas(rootName(uri), r.revision(), null), "delete " + uri.uri());
    Blocking.await(new StorageLog(s, root.id()).delete(), "delete log of " + uri.uri());
    Blocking.await(StorageGc.deleteAll(s, root.id()), "delete segments of " + uri.uri());
    return true;
  }

  LocalConnection connect(StorageUri uri) {
    DurableDatabase open = databases.get(uri.uri());
    if (open != null) {
      return open.connection();
    }
    synchronized (this) {
      open = databases.get(uri.uri());
      if (open == null) {
        Storage s = storage(uri);
        SegmentNodeSource source =
            sources.computeIfAbsent(
                systemKey(uri),
                k -> new SegmentNodeSource(s, Long.getLong(CACHE_BYTES, defaultCacheBytes())));
        open =
            DurableDatabase.open(
                s, uri, rootName(uri), source, processing, Long.getLong(INDEX_THRESHOLD, 100_000));
        databases.put(uri.uri(), open);
      }
      return open.connection();
    }
  }

  void released(LocalConnection c) {
    databases.values().removeIf(d -> d.connection() == c);
  }

  /** The object cache of the storage {@code uri} names, once a connection has opened it. */
  SegmentNodeSource source(StorageUri uri) {
    return sources.get(systemKey(uri));
  }

  private static long defaultCacheBytes() {
    return Runtime.getRuntime().maxMemory() / 4;
  }

  /** Closes every storage and the Vert.x instance this catalog started. */
  synchronized void shutdown() {
    databases.values().forEach(DurableDatabase::close);
    databases.clear();
    sources.clear();
    for (Future<Storage> f : storages.values()) {
      if (f.succeeded()) {
        Blocking.await(f.result().close(), "close storage");
      }
    }
    storages.clear();
    if (vertx != null) {
      Blocking.await(vertx.close(), "close Vert.x");
      vertx = null;
    }
  }

  private Storage storage(StorageUri uri) {
    String key = systemKey(uri);
    // the instance is taken here, on the caller's thread: tiered() runs on an event loop, where
    // waiting for this catalog's lock (held by a caller awaiting the open) would deadlock
    Vertx v = vertx();
    Future<Storage> f =
        storages.computeIfAbsent(
            key,
            k ->
                StorageUri.provider(uri.kind(), uri.uri())
                    .open(v, uri)
                    .map(s -> tiered(s, System.getProperty(SEGMENT_CACHE), v)));
    try {
      return Blocking.await(f, "open storage of " + uri.uri());
    } catch (Anomaly a) {
      storages.remove(key, f);
      throw a;
    }
  }

  private static Storage tiered(Storage s, String cache, Vertx vertx) {
    if (cache == null || cache.isBlank()) {
      return s;
    }
    if (cache.equals("cluster-map")) {
      return new TieredStorage(s, new ClusterMapSegmentCache(vertx));
    }
    if (cache.startsWith("memcached:")) {
      List<String> servers = List.of(cache.substring("memcached:".length()).split(","));
      return new TieredStorage(s, new MemcachedSegmentCache(vertx, servers, 2000));
    }
    throw Anomaly.incorrect(
        "vertomic.error/invalid-config",
        "Unknown "
            + SEGMENT_CACHE
            + " '"
            + cache
            + "': use memcached:HOST:PORT[,...] or cluster-map");
  }

  /** The distributed cache in front of the storage {@code uri} names, when there is one. */
  TieredStorage tier(StorageUri uri) {
    Future<Storage> f = storages.get(systemKey(uri));
    return f != null && f.succeeded() && f.result() instanceof TieredStorage t ? t : null;
  }

  private synchronized Vertx vertx() {
    if (vertx == null) {
      vertx = Vertx.vertx();
    }
    return vertx;
  }

  /** One storage system, whatever database of it a URI names. */
  private static String systemKey(StorageUri uri) {
    return uri.kind() + "|" + uri.system();
  }

  private static String rootName(StorageUri uri) {
    return ROOT_PREFIX + uri.database();
  }
}
