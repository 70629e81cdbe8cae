package io.vertomic.query.fn;

import io.vertomic.datom.Values;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Clojure's equality, which Datomic's {@code =} and its sets ({@code distinct}, {@code
 * count-distinct}) use: numbers are equal only within one category (integers: long and bigint;
 * floating point: double and float; decimals), so {@code (= 0 0N)} but not {@code (= 0 0.0)}; and a
 * set keeps two equal numbers apart when their hashes differ, as a double and a float of the same
 * value do unless it is zero.
 */
final class Equiv {
  private Equiv() {}

  static boolean equiv(Object x, Object y) {
    if (x instanceof Number a && y instanceof Number b && x.getClass() != y.getClass()) {
      int c = category(a);
      return c == category(b) && c >= 0 && Arithmetic.compareNumbers(a, b) == 0;
    }
    return Values.equal(x, y);
  }

  static int hash(Object v) {
    return Values.hash(Values.clojureHashKey(v));
  }

  /** A value as a member of a Clojure set. */
  record Key(Object value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && equiv(value, k.value);
    }

    @Override
    public int hashCode() {
      return hash(value);
    }
  }

  private static int category(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return 0;
    }
    if (n instanceof BigInteger) {
      return 0;
    }
    if (n instanceof Double || n instanceof Float) {
      return 1;
    }
    return n instanceof BigDecimal ? 2 : -1;
  }
}
