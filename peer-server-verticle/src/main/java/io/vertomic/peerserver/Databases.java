package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertomic.peer.impl.Catalog;
import io.vertomic.storage.StorageUri;
import java.util.List;

/**
 * The databases of the peer server's storage, by name: the storage URI with {@code *} gives each
 * name its URI. Connections are the peer library's (cached per URI, with their caches). Every
 * method blocks: call it from a worker. Answers name databases by name only, never by URI, which
 * may hold a storage password.
 */
final class Databases {
  private final StorageUri storage;

  Databases(String storageUri) {
    this.storage = StorageUri.parse(storageUri);
    if (!storage.isWildcard()) {
      throw Anomaly.incorrect(
          "vertomic.error/invalid-config",
          "The peer server's storage URI names its databases with *, as in"
              + " vertomic:dev://127.0.0.1:4334/*");
    }
  }

  /** The storage URI, with {@code *}. */
  String storageUri() {
    return storage.uri();
  }

  List<String> names() {
    return Catalog.instance().databaseNames(storage.uri());
  }

  boolean create(String name) {
    return Peer.createDatabase(uri(name));
  }

  boolean delete(String name) {
    return Peer.deleteDatabase(uri(name));
  }

  /** The connection to {@code name}; fails {@code not-found} naming it when there is none. */
  Connection connect(String name) {
    try {
      return Peer.connect(uri(name));
    } catch (Anomaly a) {
      if (a.category() == Category.NOT_FOUND) {
        throw Anomaly.notFound("db.error/db-not-found", "No database named '" + name + "'");
      }
      throw a;
    }
  }

  private String uri(String name) {
    try {
      return storage.withDatabase(name).uri();
    } catch (Anomaly a) {
      throw Anomaly.incorrect(
          "db.error/invalid-db-name",
          "Invalid database name '" + name + "': use letters, digits, - _ and .");
    }
  }
}
