package io.vertomic.query.exec;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The value an aggregate query groups a row by. Datomic puts numbers that are equal in value into
 * one group whatever their types ({@code 0}, {@code 0N}, {@code 0M}, {@code 0.0} and {@code (float
 * 0)} make one group, shown as whichever came first), while its other answers keep them apart; so a
 * number stands here for its value: a long where it is integral and fits, else a double where the
 * double says the same decimal, else the exact decimal.
 */
final class GroupKey {
  private static final double LONG_RANGE = 0x1p63;

  private GroupKey() {}

  static Object of(Object v) {
    if (v instanceof Long || !(v instanceof Number n)) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return n.longValue();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < LONG_RANGE ? (Object) (long) d : (Object) (d + 0.0);
    }
    if (v instanceof BigInteger i) {
      return i.bitLength() < 64 ? (Object) i.longValue() : i;
    }
    if (v instanceof BigDecimal b) {
      BigDecimal s = b.signum() == 0 ? BigDecimal.ZERO : b.stripTrailingZeros();
      if (s.scale() <= 0 && s.precision() - s.scale() < 19) {
        try {
          return s.longValueExact();
        } catch (ArithmeticException e) {
          return s;
        }
      }
      double d = s.doubleValue();
      return Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(s) == 0 ? d : s;
    }
    return v;
  }
}
