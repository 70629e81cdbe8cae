package io.vertomic.bench;

import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Datomic's Clojure answers as the Java values Vertomic's EDN uses, for comparison. */
final class ClojureValues {
  private ClojureValues() {}

  static Object toJava(Object v) {
    if (v instanceof clojure.lang.Keyword k) {
      return Keyword.of(k.getNamespace(), k.getName());
    }
    if (v instanceof clojure.lang.Symbol s) {
      return new Symbol(s.getNamespace(), s.getName());
    }
    if (v instanceof clojure.lang.Ratio r) {
      return r.decimalValue(MathContext.DECIMAL64);
    }
    if (v instanceof clojure.lang.BigInt b) {
      return b.toBigInteger();
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(toJava(k), toJava(x)));
      return out;
    }
    if (v instanceof Set<?> s) {
      Set<Object> out = new LinkedHashSet<>();
      s.forEach(x -> out.add(toJava(x)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(x -> out.add(toJava(x)));
      return out;
    }
    if (v instanceof Object[] a) {
      return toJava(List.of(a));
    }
    return v;
  }
}
