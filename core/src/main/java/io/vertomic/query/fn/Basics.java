package io.vertomic.query.fn;

import io.vertomic.edn.EdnList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;

/** Truth and identity: {@code not}, {@code nil?}, {@code some?}, {@code true?}, ... */
final class Basics {
  private Basics() {}

  static void register() {
    Functions.builtin("identity", a -> single("identity", a));
    Functions.builtin("not", a -> !Functions.truthy(single("not", a)));
    Functions.builtin("nil?", a -> single("nil?", a) == null);
    Functions.builtin("some?", a -> single("some?", a) != null);
    Functions.builtin("true?", a -> Boolean.TRUE.equals(single("true?", a)));
    Functions.builtin("false?", a -> Boolean.FALSE.equals(single("false?", a)));
    Functions.builtin(
        "vector", a -> Collections.unmodifiableList(new ArrayList<>(Arrays.asList(a))));
    Functions.builtin("list", EdnList::of);
  }

  private static Object single(String fn, Object[] a) {
    Args.arity(fn, a, 1, 1);
    return a[0];
  }
}
