package io.vertomic.backup;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Storage;
import io.vertomic.wire.TxEntry;
import io.vertomic.wire.TxEntryCodec;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The log half of a {@link Copy}: appends the source's entries the target lacks, skips those it
 * has, and rewrites those an excision rewrote in the source since the last copy, so that a backup
 * taken again after an excision no longer holds the excised datoms. A target whose log is not a
 * prefix of the source's (a restored database that was written to, or one that is ahead of an older
 * backup) is refused with {@code conflict} by {@link #checkNotForked} before anything is written:
 * copying onto it would splice two histories into one log.
 */
final class LogCopy {
  private static final int PAGE = 512;

  /** What the log copy did. */
  record Counts(long copied, long skipped, long rewritten, long bytes, long lastT) {}

  private LogCopy() {}

  /**
   * Fails {@code conflict} unless the log of database {@code dbId} in {@code to}, which holds it
   * with an index up to {@code indexBasisT}, ends at an entry the source holds too (the same bytes,
   * or the bytes an excision made of them). A log forked from the source differs from it at its
   * last entry, so that entry is enough. The source's log counts up to {@code lastT} only.
   */
  static void checkNotForked(
      Storage from, Storage to, String dbId, long indexBasisT, String toName, long lastT) {
    LogRecord last = null;
    long next = indexBasisT;
    while (true) {
      List<LogRecord> page =
          Reachable.await(to.readLog(dbId, next, Long.MAX_VALUE, PAGE), "read target log");
      if (page.isEmpty()) {
        break;
      }
      last = page.get(page.size() - 1);
      next = last.t() + 1;
    }
    if (last == null) {
      return;
    }
    List<LogRecord> there =
        last.t() > lastT
            ? List.of()
            : Reachable.await(from.readLog(dbId, last.t(), last.t() + 1, 1), "read source log");
    if (there.isEmpty()) {
      throw Anomaly.conflict(
          "backup/target-ahead",
          "The target's "
              + toName
              + " is ahead of the source: it has transaction t="
              + last.t()
              + ", which the source lacks; restore under a new name or delete it first");
    }
    if (!sameOrExcised(there.get(0), last)) {
      throw forked(toName, last.t());
    }
  }

  /**
   * The t of the last entry of the log of {@code dbId} as it is now, reading from {@code fromT}
   * (the index basis t of a root just read, whose entry the log holds); {@code fromT} when the log
   * holds nothing from there. Reads only: it ends at the first short page, so transactions that
   * keep arriving cannot keep it going.
   */
  static long tail(Storage storage, String dbId, long fromT) {
    long last = fromT;
    long next = fromT;
    while (true) {
      List<LogRecord> page =
          Reachable.await(storage.readLog(dbId, next, Long.MAX_VALUE, PAGE), "read log");
      if (!page.isEmpty()) {
        last = page.get(page.size() - 1).t();
        next = last + 1;
      }
      if (page.size() < PAGE) {
        return last;
      }
    }
  }

  /**
   * Copies the log of {@code dbId} up to and including {@code lastT}, drawing progress on {@code
   * out}; calls {@code beforeRewrite} once, with its t, before it rewrites the first (the oldest)
   * entry an excision rewrote.
   */
  static Counts run(
      Storage from,
      Storage to,
      String dbId,
      String toName,
      long lastT,
      LongConsumer beforeRewrite,
      PrintStream out) {
    long untilT = lastT == Long.MAX_VALUE ? Long.MAX_VALUE : lastT + 1;
    long copied = 0;
    long skipped = 0;
    long rewritten = 0;
    long bytes = 0;
    long last = 0;
    long next = 0;
    while (true) {
      List<LogRecord> page = Reachable.await(from.readLog(dbId, next, untilT, PAGE), "read log");
      if (page.isEmpty()) {
        break;
      }
      Map<Long, LogRecord> present = new HashMap<>();
      for (LogRecord r :
          Reachable.await(
              to.readLog(dbId, page.get(0).t(), page.get(page.size() - 1).t() + 1, PAGE * 2),
              "read target log")) {
        present.put(r.t(), r);
      }
      for (LogRecord r : page) {
        LogRecord had = present.get(r.t());
        if (had != null && Arrays.equals(had.entry(), r.entry())) {
          skipped++;
        } else if (had != null) {
          if (!sameOrExcised(r, had)) {
            throw forked(toName, r.t());
          }
          if (rewritten == 0) {
            beforeRewrite.accept(r.t());
          }
          Reachable.await(to.replaceLog(dbId, r.t(), r.entry()), "rewrite log entry t=" + r.t());
          rewritten++;
          bytes += r.entry().length;
        } else {
          TxEntryCodec.decode(r.entry(), "log entry t=" + r.t());
          Reachable.await(to.appendLog(dbId, r.t(), r.entry()), "write log entry t=" + r.t());
          copied++;
          bytes += r.entry().length;
        }
        last = r.t();
      }
      next = last + 1;
      out.printf("\rlog        %d entries", copied + skipped + rewritten);
      out.flush();
    }
    out.println();
    return new Counts(copied, skipped, rewritten, bytes, last);
  }

  // the source's entry is the target's, or what an excision left of it (a subset of its datoms)
  private static boolean sameOrExcised(LogRecord source, LogRecord target) {
    if (Arrays.equals(source.entry(), target.entry())) {
      return true;
    }
    TxEntry s = TxEntryCodec.decode(source.entry(), "log entry t=" + source.t());
    TxEntry t = TxEntryCodec.decode(target.entry(), "target log entry t=" + target.t());
    return s.nextT() == t.nextT()
        && s.nextDbCounter() == t.nextDbCounter()
        && new HashSet<>(t.datoms()).containsAll(s.datoms());
  }

  private static Anomaly forked(String toName, long t) {
    return Anomaly.conflict(
        "backup/target-forked",
        "The target's "
            + toName
            + " was written to since it was copied: its transaction t="
            + t
            + " is not the source's; restore under a new name or delete it first");
  }
}
