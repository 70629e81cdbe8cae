package io.vertomic.db;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.datom.Values;

/**
 * Sentinel datoms that bound index slices: a component left open is the smallest or largest
 * possible value, so a slice from {@link #from} to {@link #to} covers every datom whose leading
 * components equal the given ones.
 */
final class Bounds {
  private static final long LOW = Long.MIN_VALUE;
  private static final long HIGH = Long.MAX_VALUE;

  private Bounds() {}

  /** The first possible AEVT/AVET datom of attribute {@code a}. */
  static Datom min(long a) {
    return new Datom(LOW, a, Values.MIN, LOW, true);
  }

  /** The last possible AEVT/AVET datom of attribute {@code a}. */
  static Datom max(long a) {
    return new Datom(HIGH, a, Values.MAX, HIGH, false);
  }

  /**
   * The lowest datom of {@code order} whose leading components are {@code comps} (e, a, v in the
   * order's sequence; already resolved: ids as {@code Long}, values in stored form).
   */
  static Datom from(IndexOrder order, Object[] comps) {
    return bound(order, comps, LOW, Values.MIN, true);
  }

  /** The highest datom of {@code order} whose leading components are {@code comps}. */
  static Datom to(IndexOrder order, Object[] comps) {
    return bound(order, comps, HIGH, Values.MAX, false);
  }

  private static Datom bound(IndexOrder order, Object[] c, long open, Object openV, boolean lo) {
    int n = Math.min(c.length, 3);
    Object x0 = n > 0 ? c[0] : null;
    Object x1 = n > 1 ? c[1] : null;
    Object x2 = n > 2 ? c[2] : null;
    return switch (order) {
      case EAVT ->
          new Datom(id(x0, n > 0, open), id(x1, n > 1, open), n > 2 ? x2 : openV, open, lo);
      case AEVT ->
          new Datom(id(x1, n > 1, open), id(x0, n > 0, open), n > 2 ? x2 : openV, open, lo);
      case AVET ->
          new Datom(id(x2, n > 2, open), id(x0, n > 0, open), n > 1 ? x1 : openV, open, lo);
      case VAET ->
          new Datom(id(x2, n > 2, open), id(x1, n > 1, open), n > 0 ? x0 : openV, open, lo);
    };
  }

  private static long id(Object x, boolean given, long open) {
    return given ? (Long) x : open;
  }
}
