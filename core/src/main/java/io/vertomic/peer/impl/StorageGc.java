package io.vertomic.peer.impl;

import io.vertomic.backup.Reachable;
import io.vertomic.storage.Storage;
import io.vertomic.wire.DbRoot;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Garbage collection of index segments: everything under a database's segment prefix that its
 * current root does not reach and that is older than a cut-off (the time is in the key, see {@link
 * IndexJob}). Reaching means walking the branches from the eight index roots; leaves are never
 * read. Runs on the calling thread, which may block (not an event loop).
 */
final class StorageGc {
  private static final int BATCH = 500;

  private StorageGc() {}

  /** Deletes the unreachable segments older than {@code olderThan}; how many. */
  static long collect(Storage storage, DbRoot root, Date olderThan) {
    Set<String> live = Reachable.from(storage, root.indexRoots(), false);
    String prefix = IndexJob.segmentPrefix(root.id());
    List<String> dead = new ArrayList<>();
    for (String key : Blocking.await(storage.keys(prefix), "list segments of " + root.id())) {
      if (!live.contains(key) && IndexJob.writtenAt(key, prefix) < olderThan.getTime()) {
        dead.add(key);
      }
    }
    for (int i = 0; i < dead.size(); i += BATCH) {
      List<String> batch = dead.subList(i, Math.min(dead.size(), i + BATCH));
      Blocking.await(storage.delete(new ArrayList<>(batch)), "delete segments");
    }
    return dead.size();
  }

  /** Deletes every segment of database {@code dbId} (when the database is deleted). */
  static Future<Void> deleteAll(Storage storage, String dbId) {
    return storage.keys(IndexJob.segmentPrefix(dbId)).compose(storage::delete);
  }
}
