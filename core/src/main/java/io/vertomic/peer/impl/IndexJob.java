package io.vertomic.peer.impl;

import io.vertomic.datom.IndexOrder;
import io.vertomic.db.DbValue;
import io.vertomic.db.Indexes;
import io.vertomic.index.DatomTree;
import io.vertomic.index.TreeWriter;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.wire.DbRoot;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes a database value's indexes durable: writes the nodes that are not stored yet as segments
 * (copy on write: nodes already stored are shared with the previous index), and the fulltext
 * segments not stored yet ({@link FulltextStore}), then swaps the database's root by
 * compare-and-swap to name the new trees at the value's {@code t}. Segments go in first, so a root
 * never names a missing segment; a lost swap leaves only unreachable segments, which garbage
 * collection removes.
 *
 * <p>Segment keys are {@code seg/DBID/MILLIS-UUID}: the time in a key lets garbage collection spare
 * segments younger than its cut-off, such as those of an index job still running.
 */
final class IndexJob {
  /** Where in a root's index roots the fulltext manifest is, after the eight trees. */
  static final int FULLTEXT_ROOT = 8;

  private IndexJob() {}

  /** When the segment {@code key} (under {@code prefix}) was written, in epoch ms. */
  static long writtenAt(String key, String prefix) {
    int dash = key.indexOf('-', prefix.length());
    return Long.parseLong(key.substring(prefix.length(), dash), 36);
  }

  /** The key prefix of every segment of database {@code dbId}. */
  static String segmentPrefix(String dbId) {
    return "seg/" + dbId + "/";
  }

  /**
   * Writes the indexes of {@code db} and swaps root {@code rootName} (read as {@code root}) to
   * them; the future holds the new root as stored and how many segments were written. Runs the
   * encoding on the calling thread.
   */
  static Future<Written> run(
      Storage storage, String rootName, Root root, DbRoot current, DbValue db) {
    String prefix = segmentPrefix(current.id());
    List<String> rootKeys = new ArrayList<>();
    List<Map.Entry<String, byte[]>> segments = new ArrayList<>();
    Indexes idx = db.indexes();
    Supplier<String> newKey =
        () -> prefix + Long.toString(System.currentTimeMillis(), 36) + "-" + UUID.randomUUID();
    for (boolean past : new boolean[] {false, true}) {
      for (IndexOrder o : IndexOrder.values()) {
        DatomTree tree = past ? idx.past(o) : idx.current(o);
        TreeWriter.Written w = TreeWriter.write(tree, newKey);
        rootKeys.add(w.rootKey());
        segments.addAll(w.segments().entrySet());
      }
    }
    FulltextStore.Written fulltext = FulltextStore.write(idx.fulltext(), newKey);
    rootKeys.add(fulltext.manifestKey());
    segments.addAll(fulltext.segments().entrySet());
    DbRoot next =
        new DbRoot(
            current.id(), db.basisT(), db.nextT(), db.nextDbCounter(), List.copyOf(rootKeys));
    byte[] encoded = next.encode();
    return storage
        .putAll(segments)
        .compose(v -> storage.cas(rootName, root.revision(), encoded))
        .map(rev -> new Written(new Root(rootName, rev, encoded), segments.size()));
  }

  /** What a job did: the root it swapped in, and the segments it wrote for it. */
  record Written(Root root, int segments) {}

  /**
   * The database {@code root} names, with its trees and fulltext index read lazily through {@code
   * source}. A root written before fulltext indexes were stored (eight roots) has its fulltext
   * index built from the trees at the first search.
   */
  static DbValue load(DbRoot root, SegmentNodeSource source) {
    DatomTree[] current = new DatomTree[4];
    DatomTree[] past = new DatomTree[4];
    for (IndexOrder o : IndexOrder.values()) {
      int i = o.ordinal();
      current[i] = DatomTree.stored(o.comparator(), root.indexRoots().get(i), source);
      past[i] = DatomTree.stored(o.historyComparator(), root.indexRoots().get(4 + i), source);
    }
    Indexes indexes =
        root.indexRoots().size() > FULLTEXT_ROOT
            ? Indexes.of(
                current, past, FulltextStore.load(root.indexRoots().get(FULLTEXT_ROOT), source))
            : Indexes.of(current, past);
    return DbValue.restore(indexes, root.indexBasisT(), root.nextT(), root.nextDbCounter());
  }
}
