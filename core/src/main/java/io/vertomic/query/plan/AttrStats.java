package io.vertomic.query.plan;

import io.vertomic.datom.IndexOrder;
import io.vertomic.db.DbValue;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-attribute datom counts of a database value, for cardinality estimates: read from the AEVT
 * tree's subtree counts (current datoms, whatever the view), capped at {@link #CAP}, and cached per
 * value (values are immutable, so the count never goes stale; the weak map lets old values go).
 * Thread-safe.
 */
public final class AttrStats {
  /** Counting stops here: past it, the exact size no longer changes a plan. */
  public static final long CAP = 100_000;

  private static final Map<DbValue, Map<Long, Long>> CACHE = new WeakHashMap<>();

  private AttrStats() {}

  /** The number of datoms of attribute {@code attr} in {@code db}'s view, at most {@link #CAP}. */
  public static long count(DbValue db, long attr) {
    Map<Long, Long> counts;
    synchronized (CACHE) {
      counts = CACHE.computeIfAbsent(db, k -> new ConcurrentHashMap<>());
    }
    return counts.computeIfAbsent(attr, a -> walk(db, a));
  }

  private static long walk(DbValue db, long attr) {
    return Math.min(CAP, db.attrCount(attr));
  }

  /** The number of datoms in {@code db}, at most {@link #CAP} (cached). */
  public static long total(DbValue db) {
    Map<Long, Long> counts;
    synchronized (CACHE) {
      counts = CACHE.computeIfAbsent(db, k -> new ConcurrentHashMap<>());
    }
    return counts.computeIfAbsent(
        Long.MIN_VALUE, k -> Math.min(CAP, db.indexes().current(IndexOrder.EAVT).size()));
  }
}
