package io.vertomic.backup;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.wire.DbRoot;
import io.vertomic.wire.TxEntryCodec;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies one database from a storage to another: the segments its index reaches, its log, then its
 * root, in that order, so the target never names what it lacks. Incremental: segments the target
 * has (same key: segments are immutable) and log entries it holds are skipped, so a second backup
 * copies only what is new. Verified: every segment and log entry copied is decoded (format version,
 * checksum) before it is written, and afterwards the target's root is walked to its last segment.
 * Both backup and restore are this copy.
 */
public final class Copy {
  private static final int PAGE = 512;

  /** What a copy did. */
  public record Summary(
      String database,
      long segmentsCopied,
      long segmentsSkipped,
      long logEntriesCopied,
      long logEntriesSkipped,
      long bytesCopied,
      long basisT,
      long millis) {
    @Override
    public String toString() {
      return String.format(
          "%s: %d segments copied, %d already there; %d log entries copied, %d already there;"
              + " %.1f MB; basis t %d; verified; %.1f s",
          database,
          segmentsCopied,
          segmentsSkipped,
          logEntriesCopied,
          logEntriesSkipped,
          bytesCopied / 1e6,
          basisT,
          millis / 1000.0);
    }
  }

  private Copy() {}

  /**
   * Copies database {@code fromName} of {@code from} to database {@code toName} of {@code to},
   * drawing progress on {@code out}.
   */
  public static Summary run(
      Storage from, String fromName, Storage to, String toName, PrintStream out) {
    long start = System.currentTimeMillis();
    Root root = Reachable.await(from.root("db/" + fromName), "read root of " + fromName);
    if (root == null) {
      throw Anomaly.notFound("db.error/db-not-found", "No database " + fromName + " to copy");
    }
    DbRoot db = DbRoot.decode(root.value(), "root of " + fromName);
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
        io.vertomic.index.NodeCodec.children(seg, "segment " + key);
        Reachable.await(to.put(key, seg), "write segment " + key);
        copied++;
        bytes += seg.length;
      }
      p.step();
    }
    p.finish();
    long[] log = copyLog(from, to, db.id(), out);
    Root existing = Reachable.await(to.root("db/" + toName), "read target root");
    if (existing != null && !DbRoot.decode(existing.value(), "target root").id().equals(db.id())) {
      throw Anomaly.conflict(
          "backup/other-database",
          "The target already has a different database named " + toName + ": delete it first");
    }
    Reachable.await(
        to.cas("db/" + toName, existing == null ? 0 : existing.revision(), root.value()),
        "write target root");
    Reachable.from(to, db.indexRoots(), true);
    return new Summary(
        fromName,
        copied,
        wanted.size() - copied,
        log[0],
        log[1],
        bytes + log[2],
        log[3],
        System.currentTimeMillis() - start);
  }

  // {copied, skipped, bytes, last t}
  private static long[] copyLog(Storage from, Storage to, String dbId, PrintStream out) {
    long copied = 0;
    long skipped = 0;
    long bytes = 0;
    long last = 0;
    long next = 0;
    Progress p = new Progress(out, "log", Long.MAX_VALUE);
    while (true) {
      List<LogRecord> page =
          Reachable.await(from.readLog(dbId, next, Long.MAX_VALUE, PAGE), "read log");
      if (page.isEmpty()) {
        break;
      }
      List<LogRecord> there =
          Reachable.await(
              to.readLog(dbId, page.get(0).t(), page.get(page.size() - 1).t() + 1, PAGE * 2),
              "read target log");
      Set<Long> present = new HashSet<>();
      there.forEach(r -> present.add(r.t()));
      for (LogRecord r : page) {
        if (present.contains(r.t())) {
          skipped++;
        } else {
          TxEntryCodec.decode(r.entry(), "log entry t=" + r.t());
          Reachable.await(to.appendLog(dbId, r.t(), r.entry()), "write log entry t=" + r.t());
          copied++;
          bytes += r.entry().length;
        }
        last = r.t();
      }
      next = last + 1;
      out.printf("\rlog        %d entries", copied + skipped);
      out.flush();
    }
    out.println();
    return new long[] {copied, skipped, bytes, last};
  }
}
