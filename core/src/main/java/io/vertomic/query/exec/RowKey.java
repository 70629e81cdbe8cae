package io.vertomic.query.exec;

import io.vertomic.datom.Values;

/**
 * A tuple of values as a hash key, with equality and hash from {@link Values} so that byte arrays
 * and BigDecimals join and deduplicate by value.
 */
final class RowKey {
  private final Object[] values;
  private final int hash;

  RowKey(Object[] values) {
    this.values = values;
    int h = 1;
    for (Object v : values) {
      // spread each value's hash: entity ids are dense, so a plain 31 * h + x would make pairs of
      // nearby ids collide
      h = h * 0x9E3779B1 + mix(Values.hash(v));
    }
    this.hash = mix(h);
  }

  private static int mix(int x) {
    x ^= x >>> 16;
    x *= 0x85EBCA6B;
    x ^= x >>> 13;
    return x;
  }

  /** The key of {@code row} at column positions {@code cols}. */
  static RowKey of(Object[] row, int[] cols) {
    Object[] vs = new Object[cols.length];
    for (int i = 0; i < cols.length; i++) {
      vs[i] = row[cols[i]];
    }
    return new RowKey(vs);
  }

  /**
   * The key a hash join matches {@code row} by at {@code cols}: numbers as Datomic unifies them,
   * with Clojure's equality and hash (a bigint that fits a long is that long; a float zero is the
   * double zero), so a join finds what a lookup of the same value finds.
   */
  static RowKey joinOf(Object[] row, int[] cols) {
    Object[] vs = new Object[cols.length];
    for (int i = 0; i < cols.length; i++) {
      vs[i] = Values.clojureHashKey(row[cols[i]]);
    }
    return new RowKey(vs);
  }

  Object[] values() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RowKey k) || k.hash != hash || k.values.length != values.length) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if (!Values.equal(values[i], k.values[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
