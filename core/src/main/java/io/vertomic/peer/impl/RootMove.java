package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertx.core.Future;

/**
 * A database's rename in storage: its root moves from {@code db/OLD} to {@code db/NEW}, bytes
 * unchanged. The log and the segments are stored under the database's id, not its name (see {@link
 * io.vertomic.wire.DbRoot}), so nothing else moves. The new root is created first (compare-and-swap
 * from nothing, which refuses a name that is taken) and the old one removed at the revision read; a
 * root that changed in between is left as it was and the new one removed again, so a rename either
 * happens whole or changes nothing. The caller keeps its own index jobs off the root meanwhile.
 */
final class RootMove {
  private RootMove() {}

  /** Moves database {@code from}'s root to {@code to}; the moved root. */
  static Future<Root> move(Storage storage, StorageUri from, StorageUri to) {
    String fromRoot = StorageDatabases.rootName(from);
    String toRoot = StorageDatabases.rootName(to);
    return storage
        .root(fromRoot)
        .compose(
            r -> {
              if (r == null) {
                return Future.failedFuture(notFound(from));
              }
              return storage
                  .cas(toRoot, 0, r.value())
                  .recover(e -> Future.failedFuture(isConflict(e) ? exists(to) : e))
                  .compose(
                      revision ->
                          storage
                              .cas(fromRoot, r.revision(), null)
                              .recover(
                                  e ->
                                      storage
                                          .cas(toRoot, revision, null)
                                          .transform(
                                              undone ->
                                                  Future.failedFuture(
                                                      isConflict(e) ? changed(from) : e)))
                              .map(v -> new Root(toRoot, revision, r.value())));
            });
  }

  static Anomaly notFound(StorageUri uri) {
    return Anomaly.notFound("db.error/db-not-found", "Could not find database " + uri.uri());
  }

  static Anomaly exists(StorageUri uri) {
    return Anomaly.conflict(
        "db.error/db-exists", "Database " + uri.database() + " already exists: " + uri.uri());
  }

  private static Anomaly changed(StorageUri uri) {
    return Anomaly.conflict(
        "db.error/db-changed",
        "Database " + uri.uri() + " was changed or deleted during the rename; nothing was renamed");
  }

  private static boolean isConflict(Throwable e) {
    return e instanceof Anomaly a && a.category() == Category.CONFLICT;
  }
}
