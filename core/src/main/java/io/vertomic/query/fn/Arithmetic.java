package io.vertomic.query.fn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Arithmetic over query values. Longs stay longs (overflow is an {@code incorrect} anomaly, as
 * Clojure throws); a double or float anywhere makes a double; otherwise a BigDecimal makes a
 * BigDecimal, and a BigInteger a BigInteger. {@code /} of two integers truncates, as Datomic's does
 * ({@code (/ 37 2)} is 18; Clojure would give a ratio, which EDN and Java callers have no type
 * for).
 */
final class Arithmetic {
  private Arithmetic() {}

  private enum Kind {
    LONG,
    BIGINT,
    BIG,
    DOUBLE
  }

  static void register() {
    Functions.builtin("+", a -> fold("+", a, 0L));
    Functions.builtin("*", a -> fold("*", a, 1L));
    Functions.builtin(
        "-", a -> a.length == 1 ? fold("-", new Object[] {0L, a[0]}, 0L) : fold("-", a, null));
    Functions.builtin("/", Arithmetic::divide);
    Functions.builtin("inc", a -> fold("+", new Object[] {one("inc", a), 1L}, 0L));
    Functions.builtin("dec", a -> fold("-", new Object[] {one("dec", a), 1L}, null));
    Functions.builtin("quot", a -> integers("quot", a, false));
    Functions.builtin("rem", a -> integers("rem", a, false));
    Functions.builtin("mod", a -> integers("mod", a, true));
    Functions.builtin(
        "abs",
        a -> {
          Number n = (Number) one("abs", a);
          return compareNumbers(n, 0L) < 0 ? fold("-", new Object[] {0L, n}, null) : n;
        });
    Functions.builtin("max", a -> extreme("max", a, 1));
    Functions.builtin("min", a -> extreme("min", a, -1));
    Functions.builtin("zero?", a -> compareNumbers((Number) one("zero?", a), 0L) == 0);
    Functions.builtin("pos?", a -> compareNumbers((Number) one("pos?", a), 0L) > 0);
    Functions.builtin("neg?", a -> compareNumbers((Number) one("neg?", a), 0L) < 0);
    Functions.builtin("even?", a -> integer("even?", a) % 2 == 0);
    Functions.builtin("odd?", a -> integer("odd?", a) % 2 != 0);
  }

  private static Object one(String fn, Object[] a) {
    Args.arity(fn, a, 1, 1);
    return Args.number(fn, a, 0);
  }

  private static long integer(String fn, Object[] a) {
    Args.arity(fn, a, 1, 1);
    return Args.integer(fn, a, 0);
  }

  static int compareNumbers(Number x, Number y) {
    Kind k = kind(x, y);
    return switch (k) {
      case LONG -> Long.compare(x.longValue(), y.longValue());
      case DOUBLE -> Double.compare(x.doubleValue(), y.doubleValue());
      case BIGINT, BIG -> big(x).compareTo(big(y));
    };
  }

  private static Kind kind(Number x, Number y) {
    Kind a = kind(x);
    Kind b = kind(y);
    return a.ordinal() > b.ordinal() ? a : b;
  }

  private static Kind kind(Number n) {
    if (n instanceof Double || n instanceof Float) {
      return Kind.DOUBLE;
    }
    return n instanceof BigDecimal ? Kind.BIG : n instanceof BigInteger ? Kind.BIGINT : Kind.LONG;
  }

  private static BigInteger bigint(Number n) {
    return n instanceof BigInteger i ? i : BigInteger.valueOf(n.longValue());
  }

  private static BigDecimal big(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    return n instanceof Double || n instanceof Float
        ? BigDecimal.valueOf(n.doubleValue())
        : BigDecimal.valueOf(n.longValue());
  }

  private static Object fold(String op, Object[] a, Object identity) {
    if (a.length == 0) {
      if (identity == null) {
        throw Args.invalid(op, "needs at least one argument");
      }
      return identity;
    }
    Number acc = Args.number(op, a, 0);
    for (int i = 1; i < a.length; i++) {
      acc = apply(op, acc, Args.number(op, a, i));
    }
    return acc;
  }

  private static Number apply(String op, Number x, Number y) {
    try {
      switch (kind(x, y)) {
        case LONG -> {
          long p = x.longValue();
          long q = y.longValue();
          return op.equals("+")
              ? Math.addExact(p, q)
              : op.equals("-") ? Math.subtractExact(p, q) : Math.multiplyExact(p, q);
        }
        case DOUBLE -> {
          double p = x.doubleValue();
          double q = y.doubleValue();
          return op.equals("+") ? p + q : op.equals("-") ? p - q : p * q;
        }
        case BIGINT -> {
          BigInteger p = bigint(x);
          BigInteger q = bigint(y);
          return op.equals("+") ? p.add(q) : op.equals("-") ? p.subtract(q) : p.multiply(q);
        }
        default -> {
          BigDecimal p = big(x);
          BigDecimal q = big(y);
          return op.equals("+") ? p.add(q) : op.equals("-") ? p.subtract(q) : p.multiply(q);
        }
      }
    } catch (ArithmeticException e) {
      throw Args.invalid(op, "integer overflow on " + x + " and " + y);
    }
  }

  private static Object divide(Object[] a) {
    Args.arity("/", a, 1, Integer.MAX_VALUE);
    Number acc = a.length == 1 ? 1L : Args.number("/", a, 0);
    for (int i = a.length == 1 ? 0 : 1; i < a.length; i++) {
      Number d = Args.number("/", a, i);
      if (compareNumbers(d, 0L) == 0 && kind(acc, d) != Kind.DOUBLE) {
        throw Args.invalid("/", "divide by zero");
      }
      acc =
          switch (kind(acc, d)) {
            case LONG -> acc.longValue() / d.longValue();
            case BIGINT -> bigint(acc).divide(bigint(d));
            case DOUBLE -> acc.doubleValue() / d.doubleValue();
            case BIG -> big(acc).divide(big(d), MathContext.DECIMAL128);
          };
    }
    return acc;
  }

  private static Object integers(String fn, Object[] a, boolean floorMod) {
    Args.arity(fn, a, 2, 2);
    long x = Args.integer(fn, a, 0);
    long y = Args.integer(fn, a, 1);
    if (y == 0) {
      throw Args.invalid(fn, "divide by zero");
    }
    return fn.equals("quot") ? x / y : floorMod ? Math.floorMod(x, y) : x % y;
  }

  private static Object extreme(String fn, Object[] a, int sign) {
    Args.arity(fn, a, 1, Integer.MAX_VALUE);
    Object best = Args.number(fn, a, 0);
    for (int i = 1; i < a.length; i++) {
      Number n = Args.number(fn, a, i);
      if (Integer.signum(compareNumbers(n, (Number) best)) == sign) {
        best = n;
      }
    }
    return best;
  }
}
