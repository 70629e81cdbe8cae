package io.vertomic.peer.impl;

import io.vertomic.index.NodeCodec;
import io.vertomic.storage.Storage;
import io.vertomic.wire.DbRoot;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
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

  /** The segments of {@code root}'s index, by walking its branches. */
  static Set<String> reachable(Storage storage, DbRoot root) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(root.indexRoots());
    while (!todo.isEmpty()) {
      String key = todo.pop();
      if (!seen.add(key)) {
        continue;
      }
      byte[] bytes = Blocking.await(storage.get(key), "read segment " + key);
      if (bytes == null) {
        throw io.vertomic.anomaly.Anomaly.fault(
            "Segment " + key + " is missing from storage", null);
      }
      todo.addAll(NodeCodec.children(bytes, "segment " + key));
    }
    return seen;
  }

  /** Deletes the unreachable segments older than {@code olderThan}; how many. */
  static long collect(Storage storage, DbRoot root, Date olderThan) {
    Set<String> live = reachable(storage, root);
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
