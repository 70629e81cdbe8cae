package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.db.DbValue;
import io.vertomic.log.StorageLog;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertomic.tx.TxProcessor;
import io.vertomic.tx.Writer;
import io.vertomic.wire.DbRoot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

  private final ConcurrentHashMap<String, Future<Storage>> storages = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LocalConnection> connections = new ConcurrentHashMap<>();
  private volatile Vertx vertx;

  boolean create(StorageUri uri) {
    Storage s = storage(uri);
    DbRoot root = new DbRoot(uri.database() + "-" + UUID.randomUUID(), 0);
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
    LocalConnection c = connections.remove(uri.uri());
    if (c != null) {
      c.close();
    }
    Root r = Blocking.await(s.root(rootName(uri)), "read root of " + uri.uri());
    if (r == null) {
      return false;
    }
    DbRoot root = DbRoot.decode(r.value(), "root of " + uri.uri());
    Blocking.await(s.cas(rootName(uri), r.revision(), null), "delete " + uri.uri());
    Blocking.await(new StorageLog(s, root.id()).delete(), "delete log of " + uri.uri());
    return true;
  }

  LocalConnection connect(StorageUri uri) {
    LocalConnection open = connections.get(uri.uri());
    if (open != null) {
      return open;
    }
    Storage s = storage(uri);
    Root r = Blocking.await(s.root(rootName(uri)), "read root of " + uri.uri());
    if (r == null) {
      throw Anomaly.notFound("db.error/db-not-found", "Could not find database " + uri.uri());
    }
    DbRoot root = DbRoot.decode(r.value(), "root of " + uri.uri());
    StorageLogSink sink = new StorageLogSink(new StorageLog(s, root.id()));
    DbValue db = Blocking.await(sink.catchUp(DbValue.bootstrap()), "read log of " + uri.uri());
    LocalConnection c = new LocalConnection(new Writer(db, new TxProcessor(PeerDb::new), sink));
    LocalConnection raced = connections.putIfAbsent(uri.uri(), c);
    return raced != null ? raced : c;
  }

  void released(LocalConnection c) {
    connections.values().remove(c);
  }

  /** Closes every storage and the Vert.x instance this catalog started. */
  synchronized void shutdown() {
    connections.values().forEach(LocalConnection::close);
    connections.clear();
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
    String key = uri.kind() + "|" + uri.system();
    Future<Storage> f =
        storages.computeIfAbsent(
            key, k -> StorageUri.provider(uri.kind(), uri.uri()).open(vertx(), uri));
    try {
      return Blocking.await(f, "open storage of " + uri.uri());
    } catch (Anomaly a) {
      storages.remove(key, f);
      throw a;
    }
  }

  private synchronized Vertx vertx() {
    if (vertx == null) {
      vertx = Vertx.vertx();
    }
    return vertx;
  }

  private static String rootName(StorageUri uri) {
    return ROOT_PREFIX + uri.database();
  }
}
