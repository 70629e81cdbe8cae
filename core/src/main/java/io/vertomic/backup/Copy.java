package io.vertomic.backup;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.wire.DbRoot;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies one database from a storage to another: the segments its index reaches, its log, then its
 * root, in that order, so the target never names what it lacks. Incremental: segments the target
 * has (same key: segments are immutable) and log entries it holds are skipped, so a second backup
 * copies only what is new; log entries an excision rewrote since are rewritten, and the target's
 * segments of the database that the source no longer has (deleted by {@code gcStorage} or an
 * excision) and the new index does not reach are deleted, so a backup taken again after an excision
 * holds no excised datom. Verified: every segment and log entry copied is decoded (format version,
 * checksum) before it is written, and afterwards the target's root is walked to its last segment.
 * Both backup and restore are this copy.
 *
 * <p>Refused with {@code conflict} before anything is written: a target holding a different
 * database under the name, or this database under another name (two roots would share one log), or
 * this database written to since it was copied or ahead of the source ({@link LogCopy}).
 */
public final class Copy {
  /** What a copy did. */
  public record Summary(
      String database,
      long segmentsCopied,
      long segmentsSkipped,
      long segmentsDeleted,
      long logEntriesCopied,
      long logEntriesSkipped,
      long logEntriesRewritten,
      long bytesCopied,
      long basisT,
      long millis) {
    @Override
    public String toString() {
      return String.format(
          "%s: %d segments copied, %d already there, %d deleted; %d log entries copied,"
              + " %d already there, %d rewritten; %.1f MB; basis t %d; verified; %.1f s",
          database,
          segmentsCopied,
          segmentsSkipped,
          segmentsDeleted,
          logEntriesCopied,
          logEntriesSkipped,
          logEntriesRewritten,
          bytesCopied / 1e6,
          basisT,
          millis / 1000.0);
    }
  }

  private Copy() {}

  /**
   * Copies database {@code fromName} of {@code from} to database {@code toName} of {@code to},
   * drawing progress on {@code out}. Fails {@code not-found} when {@code from} has no such
   * database, {@code conflict} as the class says, {@code unavailable} when a storage does not
   * answer, {@code fault} naming a segment or log entry that is damaged.
   */
  public static Summary run(
      Storage from, String fromName, Storage to, String toName, PrintStream out) {
    long start = System.currentTimeMillis();
    Root root = Reachable.await(from.root("db/" + fromName), "read root of " + fromName);
    if (root == null) {
      throw Anomaly.notFound("db.error/db-not-found", "No database " + fromName + " to copy");
    }
    DbRoot db = DbRoot.decode(root.value(), "root of " + fromName);
    Root existing = checkTarget(from, to, toName, db.id());
    String prefix = "seg/" + db.id() + "/";
    Set<String> have =
        new HashSet<>(Reachable.await(to.keys(prefix), "list segments of the target"));
    Set<String> wanted = Reachable.from(from, db.indexRoots(), false);
    long copied = 0;
    long bytes = 0;
    Progress p = new Progress(out, "segments", wanted.size());
    for (String key : wanted) {
      if (!have.contains(key)) {
        byte[] seg = Reachable.await(from.get(key), "read segment " + key);
        Reachable.check(seg, key);
        Reachable.await(to.put(key, seg), "write segment " + key);
        copied++;
        bytes += seg.length;
      }
      p.step();
    }
    p.finish();
    LogCopy.Counts log = LogCopy.run(from, to, db.id(), toName, out);
    Reachable.await(
        to.cas("db/" + toName, existing == null ? 0 : existing.revision(), root.value()),
        "write target root");
    Reachable.from(to, db.indexRoots(), true);
    long deleted = deleteGone(from, to, prefix, have, wanted);
    return new Summary(
        fromName,
        copied,
        wanted.size() - copied,
        deleted,
        log.copied(),
        log.skipped(),
        log.rewritten(),
        bytes + log.bytes(),
        log.lastT(),
        System.currentTimeMillis() - start);
  }

  // the target's root of toName, after refusing every target that must not be written
  private static Root checkTarget(Storage from, Storage to, String toName, String id) {
    Root existing = Reachable.await(to.root("db/" + toName), "read target root");
    if (existing != null) {
      DbRoot there = DbRoot.decode(existing.value(), "target root");
      if (!there.id().equals(id)) {
        throw Anomaly.conflict(
            "backup/other-database",
            "The target already has a different database named " + toName + ": delete it first");
      }
      LogCopy.checkNotForked(from, to, id, there.indexBasisT(), toName);
      return existing;
    }
    for (String name : Reachable.await(to.roots("db/"), "list databases of the target")) {
      Root r = Reachable.await(to.root(name), "read target root " + name);
      if (r != null && DbRoot.decode(r.value(), "target root " + name).id().equals(id)) {
        throw Anomaly.conflict(
            "backup/same-database",
            "The target already holds this database as "
                + name.substring(3)
                + " (the same log): copy it under that name, or delete or rename it first");
      }
    }
    return null;
  }

  // segments the target had that the source no longer has and the new index does not reach
  private static long deleteGone(
      Storage from, Storage to, String prefix, Set<String> had, Set<String> wanted) {
    List<String> gone = new ArrayList<>();
    Set<String> source = null;
    for (String key : had) {
      if (!wanted.contains(key)) {
        if (source == null) {
          source = new HashSet<>(Reachable.await(from.keys(prefix), "list segments of the source"));
        }
        if (!source.contains(key)) {
          gone.add(key);
        }
      }
    }
    if (!gone.isEmpty()) {
      Reachable.await(to.delete(gone), "delete segments the source deleted");
    }
    return gone.size();
  }
}
