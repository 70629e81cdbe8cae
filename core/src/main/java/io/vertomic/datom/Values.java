package io.vertomic.datom;

import io.vertomic.edn.DbFn;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The one total order over every value a datom can hold: first the type's rank, then the value
 * within its type. Two sentinels, {@link #MIN} and {@link #MAX}, sort before and after every value;
 * index range bounds use them for "any value".
 *
 * <p>Ranks: null (only inside tuples), Boolean, Long, Double, Float, BigInteger, BigDecimal,
 * String, Keyword, Symbol, Date (instant), UUID, URI, byte[], List (tuple), DbFn (database
 * function, in {@link DbFn#compareTo}'s order). Values of one attribute always share a type, so
 * across-type comparisons only happen between sentinels, tuples and query constants, and there a
 * stable order is all that is needed.
 */
public final class Values {
  /** Sorts before every value. */
  public static final Object MIN = new Sentinel("MIN");

  /** Sorts after every value. */
  public static final Object MAX = new Sentinel("MAX");

  private Values() {}

  private record Sentinel(String name) {}

  /** The rank of the type of {@code v} in the total order. */
  public static int rank(Object v) {
    if (v == null) {
      return 1;
    }
    if (v == MIN) {
      return 0;
    }
    if (v == MAX) {
      return Integer.MAX_VALUE;
    }
    if (v instanceof Long) {
      return 3;
    }
    if (v instanceof String) {
      return 8;
    }
    if (v instanceof Keyword) {
      return 9;
    }
    if (v instanceof Boolean) {
      return 2;
    }
    if (v instanceof Double) {
      return 4;
    }
    if (v instanceof Float) {
      return 5;
    }
    if (v instanceof BigInteger) {
      return 6;
    }
    if (v instanceof BigDecimal) {
      return 7;
    }
    if (v instanceof Symbol) {
      return 10;
    }
    if (v instanceof Date) {
      return 11;
    }
    if (v instanceof UUID) {
      return 12;
    }
    if (v instanceof URI) {
      return 13;
    }
    if (v instanceof byte[]) {
      return 14;
    }
    if (v instanceof List) {
      return 15;
    }
    if (v instanceof DbFn) {
      return 16;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return 3;
    }
    throw new IllegalArgumentException("not a datom value: " + v.getClass().getName());
  }

  /** Compares two values in the total order. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object x, Object y) {
    if (x == y) {
      return 0;
    }
    if (x instanceof Long a && y instanceof Long b) {
      return Long.compare(a, b);
    }
    if (x instanceof String a && y instanceof String b) {
      return a.compareTo(b);
    }
    // the other values of the same type that indexes meet most (enums, transaction instants):
    // straight to their order, without ranking both and calling compareTo through Comparable
    if (x instanceof Keyword a && y instanceof Keyword b) {
      return a.compareTo(b);
    }
    if (x instanceof Date a && y instanceof Date b) {
      return a.compareTo(b);
    }
    int rx = rank(x);
    int ry = rank(y);
    if (rx != ry) {
      return Integer.compare(rx, ry);
    }
    if (x == null || rx == 0 || rx == Integer.MAX_VALUE) {
      return 0;
    }
    if (x instanceof byte[] a) {
      return Arrays.compareUnsigned(a, (byte[]) y);
    }
    if (x instanceof List<?> a) {
      return compareLists(a, (List<?>) y);
    }
    if (rx == 3) {
      return Long.compare(((Number) x).longValue(), ((Number) y).longValue());
    }
    return ((Comparable) x).compareTo(y);
  }

  private static int compareLists(List<?> a, List<?> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Equality consistent with {@link #compare} (byte arrays by content). */
  public static boolean equal(Object x, Object y) {
    if (x == y) {
      return true;
    }
    if (x == null || y == null) {
      return false;
    }
    if (x instanceof byte[] a) {
      return y instanceof byte[] b && Arrays.equals(a, b);
    }
    if (x instanceof List<?> || x instanceof BigDecimal) {
      return rank(x) == rank(y) && compare(x, y) == 0;
    }
    return x.equals(y);
  }

  /**
   * The value Clojure's hash collections file {@code v} under, as Datomic's joins and sets do: an
   * integer that fits a long as that long, a float zero as the double zero, anything else as
   * itself. (Other floats keep their own hash in Clojure, so they stay apart from equal doubles.)
   */
  public static Object clojureHashKey(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof java.math.BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    return v instanceof Float f && f == 0.0f ? (Object) 0.0 : v;
  }

  /** A hash consistent with {@link #equal}. */
  public static int hash(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof byte[] b) {
      return Arrays.hashCode(b);
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().hashCode();
    }
    if (v instanceof List<?> l) {
      int h = 1;
      for (Object o : l) {
        h = h * 31 + hash(o);
      }
      return h;
    }
    return v.hashCode();
  }

  /** A short readable form for messages and {@code toString}. */
  public static String toDebugString(Object v) {
    if (v instanceof String s) {
      return '"' + s + '"';
    }
    if (v instanceof byte[] b) {
      return "#bytes[" + b.length + "]";
    }
    return String.valueOf(v);
  }
}
