package io.vertomic.conformance;

import io.vertomic.edn.EdnList;
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

/**
 * Datomic's Clojure answers as the Java values Vertomic's EDN uses, for comparison; and Vertomic's
 * EDN values as the Clojure data Datomic's Java API takes (vectors, lists, keywords, symbols; a
 * float, a URI or a byte array stays the Java object, as no Datomic reader literal writes it).
 */
public final class ClojureValues {
  private ClojureValues() {}

  public static Object toJava(Object v) {
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

  public static Object toClojure(Object v) {
    if (v instanceof Keyword k) {
      return clojure.lang.Keyword.intern(k.namespace(), k.name());
    }
    if (v instanceof Symbol s) {
      return clojure.lang.Symbol.intern(s.namespace(), s.name());
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(toClojure(k), toClojure(x)));
      return clojure.lang.PersistentArrayMap.create(out);
    }
    if (v instanceof Set<?> s) {
      List<Object> out = new ArrayList<>();
      s.forEach(x -> out.add(toClojure(x)));
      return clojure.lang.PersistentHashSet.create(out);
    }
    if (v instanceof EdnList l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(toClojure(x)));
      return clojure.lang.PersistentList.create(out);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(toClojure(x)));
      return clojure.lang.PersistentVector.create(out);
    }
    return v;
  }
}
