package io.vertomic.log;

import io.vertomic.peer.LogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The transaction log of one database held in memory: entries in {@code t} order, appended by the
 * single writer, read by anyone. Appends are serialised; readers see a consistent prefix.
 */
public final class TxLog {
  private final List<LogEntry> entries = new ArrayList<>();

  /** Appends the entry of the next transaction; its {@code t} must exceed the last one's. */
  public synchronized void append(LogEntry entry) {
    if (!entries.isEmpty() && entries.get(entries.size() - 1).t() >= entry.t()) {
      throw new IllegalStateException("log t must grow: " + entry.t());
    }
    entries.add(entry);
  }

  /** The entries with {@code startT <= t < endT}. */
  public synchronized List<LogEntry> range(long startT, long endT) {
    int from = firstAtOrAfter(startT);
    int to = firstAtOrAfter(endT);
    return from >= to ? List.of() : new ArrayList<>(entries.subList(from, to));
  }

  /** Forgets the entries with {@code t <= last}, once they are durable elsewhere. */
  public synchronized void dropThrough(long last) {
    entries.subList(0, firstAtOrAfter(last + 1)).clear();
  }

  private int firstAtOrAfter(long t) {
    int lo = 0;
    int hi = entries.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (entries.get(mid).t() < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
