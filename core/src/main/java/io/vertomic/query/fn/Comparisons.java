package io.vertomic.query.fn;

import io.vertomic.datom.Values;
import java.util.function.IntPredicate;

/**
 * Equality and ordering. Equality is variadic as in Clojure: {@code =} is Clojure's ({@link
 * Equiv}), {@code ==} compares numbers by value whatever their types. {@code <}, {@code >}, {@code
 * <=} and {@code >=} take exactly two arguments, as Datomic's range predicates do, and order
 * numbers of different Java types by value; everything else by the one total order of {@link
 * Values}, so mixed values never throw.
 */
final class Comparisons {
  private Comparisons() {}

  static void register() {
    Functions.builtin("=", Comparisons::equal);
    Functions.builtin("==", a -> chain(a, c -> c == 0));
    Functions.builtin("not=", a -> !equal(a));
    Functions.builtin("!=", a -> !equal(a));
    // one call site each, so that the comparison a predicate runs per row inlines
    Functions.builtin("<", a -> compareTwo("<", a) < 0);
    Functions.builtin(">", a -> compareTwo(">", a) > 0);
    Functions.builtin("<=", a -> compareTwo("<=", a) <= 0);
    Functions.builtin(">=", a -> compareTwo(">=", a) >= 0);
    Functions.builtin(
        "compare",
        a -> {
          Args.arity("compare", a, 2, 2);
          return (long) Integer.signum(compare(a[0], a[1]));
        });
    Functions.builtin(
        "identical?",
        a -> {
          Args.arity("identical?", a, 2, 2);
          return a[0] == a[1];
        });
  }

  /** Compares two values: numbers numerically across types, the rest by {@link Values}. */
  static int compare(Object x, Object y) {
    if (x instanceof Number n && y instanceof Number m && x.getClass() != y.getClass()) {
      return Arithmetic.compareNumbers(n, m);
    }
    return Values.compare(x, y);
  }

  /** Clojure's {@code =}: {@link Equiv}, so a long never equals a double. */
  private static boolean equal(Object[] a) {
    for (int i = 0; i + 1 < a.length; i++) {
      if (!Equiv.equiv(a[i], a[i + 1])) {
        return false;
      }
    }
    return true;
  }

  private static int compareTwo(String fn, Object[] a) {
    Args.arity(fn, a, 2, 2);
    return compare(a[0], a[1]);
  }

  private static boolean chain(Object[] a, IntPredicate ok) {
    for (int i = 0; i + 1 < a.length; i++) {
      if (!ok.test(compare(a[i], a[i + 1]))) {
        return false;
      }
    }
    return true;
  }
}
