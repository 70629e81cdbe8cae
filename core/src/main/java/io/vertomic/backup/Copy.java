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
 * Both backup and restore are this copy; a copy may also read a past point in time ({@link Source}:
 * a root and the log up to its t, as a backup location keeps them) and spare what the target keeps
 * besides ({@link Kept}: a backup location's other points in time).
 *
 * <p>Refused with {@code conflict} before anything is written: a target holding a different
 * database under the name, or this database under another name (two roots would share one log), or
 * this database written to since it was copied or ahead of the source, e.g. a later t than the
 * point in time restored ({@link LogCopy}).
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

  /**
   * What a copy reads: database {@code name} of {@code storage} as of the root {@code root} (a
   * {@link DbRoot} blob) and its log up to and including {@code lastT}; {@code current} when that
   * root is the database's root as read just now (not a point in time kept by a backup).
   */
  public record Source(Storage storage, String name, byte[] root, long lastT, boolean current) {
    /** A past point in time of the database: {@code root} and the log up to {@code t}. */
    public static Source at(Storage storage, String name, byte[] root, long t) {
      return new Source(storage, name, root, t, false);
    }

    /**
     * The database as it is now: its root, read first, and its log up to its last entry when the
     * root was read, so that a copy taken while transactions run ends at a t it read.
     */
    public static Source current(Storage storage, String name) {
      Root root = Reachable.await(storage.root("db/" + name), "read root of " + name);
      if (root == null) {
        throw Anomaly.notFound("db.error/db-not-found", "No database " + name + " to copy");
      }
      DbRoot db = DbRoot.decode(root.value(), "root of " + name);
      long lastT = LogCopy.tail(storage, db.id(), db.indexBasisT());
      return new Source(storage, name, root.value(), lastT, true);
    }
  }

  /**
   * What the target keeps besides the copied database (a backup location's other points in time):
   * the segments their index roots reach are never deleted by the copy, and before the copy
   * rewrites the first log entry an excision rewrote it tells them, so they can drop what held the
   * data.
   */
  public interface Kept {
    /** A target that keeps nothing else. */
    Kept NOTHING =
        new Kept() {
          @Override
          public List<String> indexRoots() {
            return List.of();
          }

          @Override
          public void excisionSeen(long firstT) {}
        };

    /** The index roots of everything kept, read when the copy is about to delete segments. */
    List<String> indexRoots();

    /**
     * Called once, before the first log entry rewritten by an excision is rewritten, with its t:
     * the oldest t whose datoms the excision changed (log entries are copied oldest first).
     */
    void excisionSeen(long firstT);
  }

  private Copy() {}

  /**
   * Copies database {@code fromName} of {@code from} as it is now to database {@code toName} of
   * {@code to}, drawing progress on {@code out}: {@link #run(Source, Storage, String, Kept,
   * PrintStream)} of {@link Source#current} keeping nothing else.
   */
  public static Summary run(
      Storage from, String fromName, Storage to, String toName, PrintStream out) {
    return run(Source.current(from, fromName), to, toName, Kept.NOTHING, out);
  }

  /**
   * Copies {@code source} to database {@code toName} of {@code to}, drawing progress on {@code
   * out}; the target's segments of the database that neither the copied index nor {@code kept}
   * reaches and the source no longer has are deleted. Fails {@code not-found} when the source has
   * no such database, {@code conflict} as the class says, {@code unavailable} when a storage does
   * not answer, {@code fault} naming a segment or log entry that is damaged or missing (a source
   * log that ends before {@code source.lastT()}).
   */
  public static Summary run(Source source, Storage to, String toName, Kept kept, PrintStream out) {
    long start = System.currentTimeMillis();
    Storage from = source.storage();
    DbRoot db = DbRoot.decode(source.root(), "root of " + source.name());
    Root existing = checkTarget(source, to, toName, db.id());
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
        if (seg == null) {
          throw Anomaly.fault("Segment " + key + " is missing from the source", null);
        }
        Reachable.check(seg, key);
        Reachable.await(to.put(key, seg), "write segment " + key);
        copied++;
        bytes += seg.length;
      }
      p.step();
    }
    p.finish();
    LogCopy.Counts log =
        LogCopy.run(from, to, db.id(), toName, source.lastT(), kept::excisionSeen, out);
    if (log.lastT() != source.lastT()) {
      throw Anomaly.fault(
          "The log of "
              + source.name()
              + " ends at t="
              + log.lastT()
              + ", before t="
              + source.lastT(),
          null);
    }
    if (log.rewritten() > 0 && source.current()) {
      checkIndexUnchanged(source, db);
    }
    Reachable.await(
        to.cas("db/" + toName, existing == null ? 0 : existing.revision(), source.root()),
        "write target root");
    Reachable.from(to, db.indexRoots(), true);
    long deleted = deleteGone(from, to, prefix, have, wanted, kept);
    return new Summary(
        source.name(),
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

  // An excision's index job writes the clean index before it rewrites the log: a copy that saw
  // rewritten entries but read the root before that job swapped it would keep excised segments.
  private static void checkIndexUnchanged(Source source, DbRoot copied) {
    Root now = Reachable.await(source.storage().root("db/" + source.name()), "read source root");
    if (now != null
        && !DbRoot.decode(now.value(), "root of " + source.name())
            .indexRoots()
            .equals(copied.indexRoots())) {
      throw Anomaly.conflict(
          "backup/excised-during-copy",
          "An excision of "
              + source.name()
              + " was cleaning storage while this copy ran: run it again");
    }
  }

  // the target's root of toName, after refusing every target that must not be written
  private static Root checkTarget(Source source, Storage to, String toName, String id) {
    Root existing = Reachable.await(to.root("db/" + toName), "read target root");
    if (existing != null) {
      DbRoot there = DbRoot.decode(existing.value(), "target root");
      if (!there.id().equals(id)) {
        throw Anomaly.conflict(
            "backup/other-database",
            "The target already has a different database named " + toName + ": delete it first");
      }
      LogCopy.checkNotForked(source.storage(), to, id, there.indexBasisT(), toName, source.lastT());
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

  // segments the target had that the source no longer has and neither the new index nor what the
  // target keeps reaches
  private static long deleteGone(
      Storage from, Storage to, String prefix, Set<String> had, Set<String> wanted, Kept kept) {
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
      gone.removeAll(Reachable.from(to, kept.indexRoots(), false));
    }
    if (!gone.isEmpty()) {
      Reachable.await(to.delete(gone), "delete segments the source deleted");
    }
    return gone.size();
  }
}
