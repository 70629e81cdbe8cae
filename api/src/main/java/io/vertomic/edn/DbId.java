package io.vertomic.edn;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tempid record, Datomic's {@code #db/id[:db.part/user -1]}: a new entity of {@code partition}
 * (an ident or an entity id), the same entity wherever the same record appears in one transaction.
 * Records made without a number ({@link #next}, or {@code #db/id[:db.part/user]} read as EDN) draw
 * one from a process-wide counter going down from -1,000,001, as Datomic's do, so each is a
 * distinct entity; a caller's own numbers should be negative and above that range.
 */
public record DbId(Object partition, long idx) {
  private static final AtomicLong NEXT = new AtomicLong(-1_000_000);

  /** A record of {@code partition} with a fresh number. */
  public static DbId next(Object partition) {
    return new DbId(partition, NEXT.decrementAndGet());
  }

  /** The record {@code #db/id value} reads as: {@code [partition]} or {@code [partition n]}. */
  static DbId read(Object value) {
    if (value instanceof List<?> l && (l.size() == 1 || l.size() == 2)) {
      if (l.size() == 1) {
        return next(l.get(0));
      }
      if (l.get(1) instanceof Long n) {
        return new DbId(l.get(0), n);
      }
    }
    throw new IllegalArgumentException(
        "#db/id expects [partition] or [partition negative-number], got " + Edn.write(value));
  }

  @Override
  public String toString() {
    return Edn.write(this);
  }
}
