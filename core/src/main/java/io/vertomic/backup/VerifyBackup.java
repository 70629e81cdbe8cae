package io.vertomic.backup;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Storage;
import io.vertomic.wire.BackupPoint;
import io.vertomic.wire.TxEntry;
import io.vertomic.wire.TxEntryCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code verify-backup}: reads back everything the given points in time of a backup location need,
 * as a restore would, without writing anything. Every segment their indexes reach is read and
 * decoded (format, version, checksum; a missing one is a fault naming its key), and so is every log
 * entry up to the latest of their t's, which must follow one another ({@code t} of each is the
 * {@code nextT} of the one before) and include each point's own t.
 */
final class VerifyBackup {
  private static final int PAGE = 512;

  /** What was checked. */
  record Report(int points, long segments, long logEntries, long lastT) {
    @Override
    public String toString() {
      return points
          + " points in time, "
          + segments
          + " segments, "
          + logEntries
          + " log entries up to t="
          + lastT
          + " read and checked; verified";
    }
  }

  private VerifyBackup() {}

  /**
   * Verifies {@code points} of the database whose id is {@code dbId} in {@code location}; fails
   * {@code fault} naming the first segment or log entry that is damaged or missing.
   */
  static Report run(Storage location, String dbId, List<BackupPoint> points) {
    List<String> roots = new ArrayList<>();
    Set<Long> pointTs = new HashSet<>();
    long lastT = 0;
    for (BackupPoint p : points) {
      if (!p.root().id().equals(dbId)) {
        throw Anomaly.fault(
            "Backup point t=" + p.t() + " is of database " + p.root().id() + ", not " + dbId, null);
      }
      roots.addAll(p.indexRoots());
      pointTs.add(p.t());
      lastT = Math.max(lastT, p.t());
    }
    int segments = Reachable.from(location, roots, true).size();
    long entries = 0;
    long expectedT = -1;
    long next = 0;
    while (next <= lastT) {
      List<LogRecord> page =
          Reachable.await(location.readLog(dbId, next, lastT + 1, PAGE), "read backup log");
      if (page.isEmpty()) {
        break;
      }
      for (LogRecord r : page) {
        TxEntry e = TxEntryCodec.decode(r.entry(), "log entry t=" + r.t());
        if (e.t() != r.t()) {
          throw Anomaly.fault("The backup's log entry at t=" + r.t() + " holds t=" + e.t(), null);
        }
        if (expectedT >= 0 && r.t() != expectedT) {
          throw Anomaly.fault(
              "The backup's log lacks entries: t="
                  + r.t()
                  + " follows one whose next t is "
                  + expectedT,
              null);
        }
        expectedT = e.nextT();
        pointTs.remove(r.t());
        entries++;
        next = r.t() + 1;
      }
    }
    if (entries == 0) {
      pointTs.remove(0L); // a database with no transaction yet: an empty log is its whole log
    }
    if (!pointTs.isEmpty()) {
      throw Anomaly.fault(
          "The backup's log lacks the entries of point(s) in time t=" + pointTs, null);
    }
    return new Report(points.size(), segments, entries, lastT);
  }
}
