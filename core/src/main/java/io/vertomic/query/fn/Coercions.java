package io.vertomic.query.fn;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Clojure's number coercions, which Datomic queries may call: {@code double}, {@code float}, {@code
 * long}, {@code int} (a long here, since query values hold longs), {@code bigint} and {@code
 * biginteger} (a BigInteger), {@code bigdec}; and {@code boolean}. Integer coercions of a fraction
 * truncate toward zero, as Clojure's do.
 */
final class Coercions {
  private Coercions() {}

  static void register() {
    Functions.builtin("double", a -> number("double", a).doubleValue());
    Functions.builtin("float", a -> number("float", a).floatValue());
    Functions.builtin("long", a -> integral("long", a).longValueExact());
    Functions.builtin("int", a -> integral("int", a).longValueExact());
    Functions.builtin("bigint", a -> integral("bigint", a));
    Functions.builtin("biginteger", a -> integral("biginteger", a));
    Functions.builtin("bigdec", a -> decimal(number("bigdec", a)));
    Functions.builtin(
        "boolean",
        a -> {
          Args.arity("boolean", a, 1, 1);
          return a[0] != null && !Boolean.FALSE.equals(a[0]);
        });
  }

  private static Number number(String fn, Object[] a) {
    Args.arity(fn, a, 1, 1);
    return Args.number(fn, a, 0);
  }

  private static BigInteger integral(String fn, Object[] a) {
    Number n = number(fn, a);
    if (n instanceof BigInteger b) {
      return b;
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigInteger.valueOf(n.longValue());
    }
    return decimal(n).toBigInteger();
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (n instanceof Double || n instanceof Float) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    return BigDecimal.valueOf(n.longValue());
  }
}
