package io.vertomic.query.fn;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Values;

/** Argument checks shared by the built-ins: a wrong call is an {@code incorrect} anomaly. */
final class Args {
  private Args() {}

  static Anomaly invalid(String fn, String what) {
    return Anomaly.incorrect("query.error/invalid-call", "Invalid call of " + fn + ": " + what);
  }

  static void arity(String fn, Object[] a, int min, int max) {
    if (a.length < min || a.length > max) {
      throw invalid(
          fn,
          "takes " + (min == max ? "" + min : min + " to " + max) + " arguments, got " + a.length);
    }
  }

  static Number number(String fn, Object[] a, int i) {
    if (a[i] instanceof Number n) {
      return n;
    }
    throw invalid(fn, "argument " + (i + 1) + " is not a number: " + Values.toDebugString(a[i]));
  }

  static long integer(String fn, Object[] a, int i) {
    Number n = number(fn, a, i);
    if (n instanceof Double || n instanceof Float) {
      throw invalid(fn, "argument " + (i + 1) + " is not an integer: " + n);
    }
    return n.longValue();
  }

  static String string(String fn, Object[] a, int i) {
    if (a[i] instanceof String s) {
      return s;
    }
    throw invalid(fn, "argument " + (i + 1) + " is not a string: " + Values.toDebugString(a[i]));
  }
}
