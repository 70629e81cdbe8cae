package io.vertomic.edn;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The numeric part of {@link EdnOrder}: compares {@link Long}, {@link Integer}, {@link Short},
 * {@link Byte}, {@link BigInteger}, {@link BigDecimal}, {@link Double} and {@link Float} by value.
 * {@code ##-Inf} is below and {@code ##Inf}, then {@code ##NaN}, above every finite number.
 * Numerically equal values of different kinds order integer, big integer, decimal, floating point,
 * so the order is total and deterministic.
 */
final class EdnNumberOrder {
  private EdnNumberOrder() {}

  static boolean isNumber(Object v) {
    return kind(v) >= 0;
  }

  private static int kind(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return 0;
    } else if (v instanceof BigInteger) {
      return 1;
    } else if (v instanceof BigDecimal) {
      return 2;
    } else if (v instanceof Double || v instanceof Float) {
      return 3;
    }
    return -1;
  }

  static int compare(Number a, Number b) {
    int ka = kind(a);
    int kb = kind(b);
    if (ka == 0 && kb == 0) {
      return Long.compare(a.longValue(), b.longValue());
    }
    if (ka == 3 && kb == 3) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    if (ka == 3 || kb == 3) {
      int special = nonFinite(a) - nonFinite(b);
      if (special != 0 || nonFinite(a) != 0) {
        return Integer.signum(special);
      }
    }
    int c = decimal(a).compareTo(decimal(b));
    if (c != 0 || ka != kb) {
      return c != 0 ? c : Integer.compare(ka, kb);
    }
    return ka == 2 ? Integer.compare(((BigDecimal) a).scale(), ((BigDecimal) b).scale()) : 0;
  }

  /** -1 for -Inf, 1 for +Inf, 2 for NaN, 0 for any finite number. */
  private static int nonFinite(Number n) {
    if (!(n instanceof Double || n instanceof Float)) {
      return 0;
    }
    double d = n.doubleValue();
    if (Double.isNaN(d)) {
      return 2;
    }
    return Double.isInfinite(d) ? (d > 0 ? 1 : -1) : 0;
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    } else if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    } else if (n instanceof Double || n instanceof Float) {
      return new BigDecimal(n.doubleValue());
    }
    return BigDecimal.valueOf(n.longValue());
  }
}
