package io.vertomic.query.fn;

import io.vertomic.datom.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Collections in queries, as Datomic allows them from clojure.core: {@code contains?}, {@code get},
 * {@code range}, {@code empty?}, {@code not-empty}, {@code set}, {@code hash-map}, {@code
 * rand-int}. Sets and maps come from EDN literals in the query or from inputs.
 */
final class Colls {
  private Colls() {}

  static void register() {
    Functions.builtin("contains?", Colls::contains);
    Functions.builtin("get", Colls::get);
    Functions.builtin("range", Colls::range);
    Functions.builtin("empty?", a -> size("empty?", a) == 0);
    Functions.builtin("not-empty", a -> size("not-empty", a) == 0 ? null : a[0]);
    Functions.builtin(
        "set", a -> Collections.unmodifiableSet(new LinkedHashSet<>(coll("set", a, 0))));
    Functions.builtin("hash-map", Colls::hashMap);
    Functions.builtin(
        "rand-int",
        a -> {
          Args.arity("rand-int", a, 1, 1);
          long n = Args.integer("rand-int", a, 0);
          return n <= 0 ? 0L : ThreadLocalRandom.current().nextLong(n);
        });
  }

  private static Object contains(Object[] a) {
    Args.arity("contains?", a, 2, 2);
    Object c = a[0];
    if (c instanceof Map<?, ?> m) {
      return m.containsKey(a[1]);
    }
    if (c instanceof Collection<?> s && !(c instanceof List<?>)) {
      return s.contains(a[1]);
    }
    if (c instanceof List<?> l || c instanceof String) {
      int n = c instanceof List<?> l2 ? l2.size() : ((String) c).length();
      return a[1] instanceof Long i && i >= 0 && i < n;
    }
    if (c == null) {
      return false;
    }
    throw Args.invalid("contains?", "not a collection: " + Values.toDebugString(c));
  }

  private static Object get(Object[] a) {
    Args.arity("get", a, 2, 3);
    Object fallback = a.length == 3 ? a[2] : null;
    Object c = a[0];
    Object found = null;
    if (c instanceof Map<?, ?> m) {
      found = m.get(a[1]);
    } else if (c instanceof List<?> l && a[1] instanceof Long i && i >= 0 && i < l.size()) {
      found = l.get(i.intValue());
    } else if (c instanceof Collection<?> s && !(c instanceof List<?>) && s.contains(a[1])) {
      found = a[1];
    }
    return found != null ? found : fallback;
  }

  private static Object range(Object[] a) {
    Args.arity("range", a, 1, 3);
    long start = a.length == 1 ? 0 : Args.integer("range", a, 0);
    long end = Args.integer("range", a, a.length == 1 ? 0 : 1);
    long step = a.length == 3 ? Args.integer("range", a, 2) : 1;
    if (step == 0) {
      throw Args.invalid("range", "step must not be 0");
    }
    List<Object> out = new ArrayList<>();
    for (long i = start; step > 0 ? i < end : i > end; i += step) {
      // a million Longs is tens of megabytes already; a query wanting more binds an input
      if (out.size() >= 1_000_000) {
        throw Args.invalid("range", "more than 1,000,000 values");
      }
      out.add(i);
    }
    return Collections.unmodifiableList(out);
  }

  private static Object hashMap(Object[] a) {
    if (a.length % 2 != 0) {
      throw Args.invalid("hash-map", "takes key-value pairs, got " + a.length + " arguments");
    }
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < a.length; i += 2) {
      m.put(a[i], a[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  private static int size(String fn, Object[] a) {
    Args.arity(fn, a, 1, 1);
    if (a[0] == null) {
      return 0;
    }
    if (a[0] instanceof String s) {
      return s.length();
    }
    if (a[0] instanceof Map<?, ?> m) {
      return m.size();
    }
    return coll(fn, a, 0).size();
  }

  private static Collection<?> coll(String fn, Object[] a, int i) {
    if (a[i] instanceof Collection<?> c) {
      return c;
    }
    if (a[i] instanceof Object[] arr) {
      return Arrays.asList(arr);
    }
    throw Args.invalid(
        fn, "argument " + (i + 1) + " is not a collection: " + Values.toDebugString(a[i]));
  }
}
