package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.cache.ClusterMapSegmentCache;
import io.vertomic.cache.MemcachedSegmentCache;
import io.vertomic.cache.SealedSegmentCache;
import io.vertomic.cache.SegmentCache;
import io.vertomic.cache.TieredStorage;
import io.vertomic.cluster.ClusterOptions;
import io.vertomic.cluster.ClusteredVertx;
import io.vertomic.cluster.bus.Addresses;
import io.vertomic.cluster.bus.AnomalyMessages;
import io.vertomic.cluster.bus.Lease;
import io.vertomic.cluster.bus.TransactorSecret;
import io.vertomic.log.StorageLog;
import io.vertomic.metrics.CacheMeters;
import io.vertomic.metrics.EngineMeters;
import io.vertomic.metrics.MeteredStorage;
import io.vertomic.peer.Connection;
import io.vertomic.peer.PeerOptions;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageSettings;
import io.vertomic.storage.StorageUri;
import io.vertomic.tx.TxProcessor;
import io.vertomic.wire.DbRoot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The databases of durable storages (every kind but mem) as this process sees them: one opened
 * {@link Storage} per storage system, one root per database ({@code db/NAME}, a {@link DbRoot}),
 * and one connection per database.
 *
 * <p>A storage with a transactor lease has its writers in the transactor: connections are {@link
 * RemoteConnection}s. On a storage no transactor ever served, the process that connects is the
 * database's writer (an embedded system): it rebuilds the database from the log on connect and
 * appends every transaction to the log before acknowledging it. Two writers of one database are
 * fenced by the log's {@code t} keys (the second append of a {@code t} fails {@code conflict}),
 * after which the loser catches up from the log. Thread-safe.
 */
final class StorageDatabases {
  private static final String ROOT_PREFIX = "db/";

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
  private final ConcurrentHashMap<String, RemoteConnection> remotes = new ConcurrentHashMap<>();
  private final Supplier<TxProcessor> embedded;
  private final Supplier<PeerOptions> options;
  private final Supplier<EngineMeters> meters;
  private volatile Vertx vertx;
  private Future<Vertx> clustered;

  /**
   * {@code embedded} makes the processor of a database this process writes with no transactor;
   * {@code options} are the settings in force, read when a storage, cache or writer is opened; what
   * opens is measured in the meters {@code meters} gives at the time.
   */
  StorageDatabases(
      Supplier<TxProcessor> embedded,
      Supplier<PeerOptions> options,
      Supplier<EngineMeters> meters) {
    this.embedded = embedded;
    this.options = options;
    this.meters = meters;
  }

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
      // an index job of this writer may still swap the root: reading it before would lose the race
      Blocking.await(d.close(), "finish indexing " + uri.uri());
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

  /**
   * Renames database {@code from} to {@code to} (Datomic's {@code rename-database}). On a storage a
   * transactor serves, the transactor does it: it writes the database, and its index jobs swap the
   * root. Otherwise this process does, as the database's writer. Connections follow the database to
   * its new name (they go by its id): this process's at once, other peers' on the transactor's
   * notice. Fails {@code not-found} for a missing {@code from}, {@code conflict} for an existing
   * {@code to}, {@code unavailable} when the transactor does not answer; then nothing changed.
   */
  void rename(StorageUri from, StorageUri to) {
    Storage s = storage(from);
    Root lease = Blocking.await(s.root(Lease.ROOT), "read the transactor lease of " + from.uri());
    if (lease == null) {
      renameWritten(from, to);
      return;
    }
    Vertx bus = Blocking.await(clustered(), "join the cluster of the transactor");
    Lease l = Lease.decode(lease.value());
    try {
      askRename(bus, l, from, to);
    } catch (Anomaly a) {
      // refused for the secret of a lease taken over since: once more, under the one read now
      Root now = Blocking.await(s.root(Lease.ROOT), "read the transactor lease of " + from.uri());
      Lease again = now == null ? null : Lease.decode(now.value());
      if (!AnomalyMessages.wrongSecret(a)
          || again == null
          || Objects.equals(again.secret(), l.secret())) {
        throw a;
      }
      askRename(bus, again, from, to);
    }
    RemoteConnection c = remotes.get(from.uri());
    if (c != null) {
      c.renamed(to.database());
    }
  }

  private static void askRename(Vertx bus, Lease l, StorageUri from, StorageUri to) {
    String what = "rename of " + from.uri();
    // the transactor may first wait for an index job of the database: answer before we give up
    long timeout = TimeUnit.SECONDS.toMillis(Blocking.TIMEOUT_SECONDS - 10);
    Blocking.await(
        bus.eventBus()
            .request(
                Addresses.rename(l.address()),
                new JsonObject().put("db", from.database()).put("to", to.database()),
                TransactorSecret.options(l, timeout))
            .recover(e -> Future.failedFuture(AnomalyMessages.from(e, what))),
        what);
  }

  /**
   * Renames database {@code from} to {@code to} with this process as its writer (the transactor, or
   * an embedded system); a writer open here moves with it and goes on under the new name. The id of
   * the renamed database.
   */
  synchronized String renameWritten(StorageUri from, StorageUri to) {
    DurableDatabase d = databases.get(from.uri());
    String what = "rename " + from.uri();
    if (d == null) {
      Root moved = Blocking.await(RootMove.move(storage(from), from, to), what);
      return DbRoot.decode(moved.value(), "root of " + to.uri()).id();
    }
    Blocking.await(d.rename(to), what);
    databases.remove(from.uri(), d);
    databases.put(to.uri(), d);
    return d.id();
  }

  /** Connection {@code c} of this process follows its database from {@code from} to {@code to}. */
  void renamed(RemoteConnection c, StorageUri from, StorageUri to) {
    if (remotes.remove(from.uri(), c)) {
      remotes.putIfAbsent(to.uri(), c);
    }
  }

  /**
   * A connection to the database {@code uri} names. When a transactor has ever served its storage
   * (a lease is in storage) the connection is a peer's, transacting through the transactor;
   * otherwise this process is the database's writer (an embedded system with no transactor).
   */
  Connection connect(StorageUri uri) {
    DurableDatabase written = databases.get(uri.uri());
    if (written != null) {
      return written.connection();
    }
    RemoteConnection remote = remotes.get(uri.uri());
    if (remote != null) {
      return remote;
    }
    Storage s = storage(uri);
    if (Blocking.await(s.root(Lease.ROOT), "read the transactor lease of " + uri.uri()) == null) {
      return openWriter(uri, embedded.get()).connection();
    }
    synchronized (this) {
      remote = remotes.get(uri.uri());
      if (remote == null) {
        Root r = Blocking.await(s.root(rootName(uri)), "read root of " + uri.uri());
        if (r == null) {
          throw Anomaly.notFound("db.error/db-not-found", "Could not find database " + uri.uri());
        }
        DbRoot root = DbRoot.decode(r.value(), "root of " + uri.uri());
        Vertx bus = Blocking.await(clustered(), "join the cluster of the transactor");
        remote =
            RemoteConnection.open(
                uri,
                s,
                rootName(uri),
                root,
                source(uri, s),
                bus,
                options.get().getTxTimeoutMillis(),
                meters.get().bus());
        remotes.put(uri.uri(), remote);
      }
      return remote;
    }
  }

  /**
   * Opens database {@code uri} with this process as its writer (the transactor, or embedded),
   * processing its transactions with {@code processor} (when this call opens it).
   */
  DurableDatabase openWriter(StorageUri uri, TxProcessor processor) {
    DurableDatabase open = databases.get(uri.uri());
    if (open != null) {
      return open;
    }
    synchronized (this) {
      open = databases.get(uri.uri());
      if (open == null) {
        Storage s = storage(uri);
        PeerOptions o = options.get();
        open =
            DurableDatabase.open(
                s,
                uri,
                rootName(uri),
                source(uri, s),
                processing,
                o.getIndexThresholdDatoms(),
                o.getTxQueueMax(),
                processor,
                meters.get());
        databases.put(uri.uri(), open);
      }
      return open;
    }
  }

  /** The names of the databases of the storage {@code uri} names, sorted. */
  List<String> names(StorageUri uri) {
    Storage s = storage(uri);
    List<String> roots = Blocking.await(s.roots(ROOT_PREFIX), "list databases of " + uri.uri());
    return roots.stream().map(r -> r.substring(ROOT_PREFIX.length())).sorted().toList();
  }

  /**
   * Opens the storage {@code uri} names and, when a transactor serves it, joins the cluster, so
   * that the first connection of a server that hosts peers pays for neither.
   */
  void prepare(StorageUri uri) {
    Storage s = storage(uri);
    if (Blocking.await(s.root(Lease.ROOT), "read the transactor lease of " + uri.uri()) != null) {
      Blocking.await(clustered(), "join the cluster of the transactor");
    }
  }

  /**
   * Null when the storage {@code uri} names answers and a transactor holds an unexpired lease on it
   * (or none ever served it: an embedded system), else what is wrong.
   */
  String problem(StorageUri uri) {
    Root r;
    try {
      r =
          Blocking.await(
              storage(uri).root(Lease.ROOT), "read the transactor lease of " + uri.uri());
    } catch (Anomaly a) {
      return a.getMessage();
    }
    if (r == null || r.value() == null) {
      return null;
    }
    Lease lease = Lease.decode(r.value());
    return lease.expired(System.currentTimeMillis())
        ? "No transactor holds the lease of "
            + uri.system()
            + " (the last, epoch "
            + lease.epoch()
            + ", expired)"
        : null;
  }

  /** Closes a writer (its transactor lost the lease). */
  void closeWriter(DurableDatabase d) {
    databases.values().remove(d);
    d.close();
  }

  /** The storage {@code uri} names, opened on first use. */
  Storage storageOf(StorageUri uri) {
    return storage(uri);
  }

  private SegmentNodeSource source(StorageUri uri, Storage s) {
    return sources.computeIfAbsent(
        systemKey(uri),
        k -> {
          SegmentNodeSource source = new SegmentNodeSource(s, options.get().objectCacheBudget());
          meters.get().cache().watch(source);
          return source;
        });
  }

  private synchronized Future<Vertx> clustered() {
    if (clustered == null || clustered.failed()) {
      PeerOptions o = options.get();
      clustered =
          ClusteredVertx.start(
              new VertxOptions(),
              new ClusterOptions(o.getClusterConfig(), o.getClusterName(), o.getClusterTls()));
    }
    return clustered;
  }

  void released(Connection c) {
    databases.values().removeIf(d -> d.connection() == c);
    remotes.values().remove(c);
  }

  /** The object cache of the storage {@code uri} names, once a connection has opened it. */
  SegmentNodeSource source(StorageUri uri) {
    return sources.get(systemKey(uri));
  }

  /** Closes every storage and the Vert.x instance this catalog started. */
  synchronized void shutdown() {
    databases.values().forEach(DurableDatabase::close);
    databases.clear();
    remotes.values().forEach(RemoteConnection::close);
    remotes.clear();
    sources.clear();
    meters.get().cache().forgetAll();
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
    if (clustered != null && clustered.succeeded()) {
      Blocking.await(clustered.result().close(), "leave the cluster");
    }
    clustered = null;
  }

  private Storage storage(StorageUri uri) {
    String key = systemKey(uri);
    // the instance is taken here, on the caller's thread: tiered() runs on an event loop, where
    // waiting for this catalog's lock (held by a caller awaiting the open) would deadlock
    Vertx v = vertx();
    PeerOptions o = options.get();
    EngineMeters m = meters.get();
    Future<Storage> f =
        storages.computeIfAbsent(
            key,
            k ->
                StorageUri.provider(uri.kind(), uri.uri())
                    .open(v, uri, new StorageSettings(o.getDataDir()))
                    .map(s -> new MeteredStorage(s, m.storage(uri.kind())))
                    .compose(s -> tiered(s, o.getSegmentCache(), v, m.cache())));
    try {
      return Blocking.await(f, "open storage of " + uri.uri());
    } catch (Anomaly a) {
      storages.remove(key, f);
      throw a;
    }
  }

  // the cache's values are sealed under a key kept in the storage (SealedSegmentCache)
  private static Future<Storage> tiered(Storage s, String cache, Vertx vertx, CacheMeters meters) {
    if (cache == null || cache.isBlank()) {
      return Future.succeededFuture(s);
    }
    SegmentCache plain;
    if (cache.equals("cluster-map")) {
      plain = new ClusterMapSegmentCache(vertx);
    } else if (cache.startsWith("memcached:")) {
      List<String> servers = List.of(cache.substring("memcached:".length()).split(","));
      plain = new MemcachedSegmentCache(vertx, servers, 2000);
    } else {
      return Future.failedFuture(
          Anomaly.incorrect(
              "vertomic.error/invalid-config",
              "Unknown segmentCache '"
                  + cache
                  + "': use memcached:HOST:PORT[,...] or cluster-map"));
    }
    return SealedSegmentCache.open(s, plain).map(c -> watched(new TieredStorage(s, c), meters));
  }

  private static TieredStorage watched(TieredStorage t, CacheMeters meters) {
    meters.watch(
        new CacheMeters.SharedCache() {
          @Override
          public long hits() {
            return t.hits();
          }

          @Override
          public long misses() {
            return t.misses();
          }

          @Override
          public long readBytes() {
            return t.readBytes();
          }

          @Override
          public long writtenBytes() {
            return t.writtenBytes();
          }
        });
    return t;
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

  static String rootName(StorageUri uri) {
    return ROOT_PREFIX + uri.database();
  }
}
