package io.vertomic.pull;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.db.Resolver;
import io.vertomic.edn.Edn;
import io.vertomic.edn.EdnList;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertomic.schema.Idents;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed pull selector: {@code *}, attribute names, reverse attributes ({@code :ns/_name}),
 * attributes with options ({@code [:a :as "x" :limit 5 :default 0 :xform str]} or the same as a
 * list, and the older {@code (limit :a 5)} and {@code (default :a 0)} forms), and maps from an
 * attribute to a nested selector or to recursion ({@code ...} or a depth). Immutable; parse once,
 * pull many times.
 */
record Selector(boolean star, List<AttrSpec> attrs) {
  /** A selector of the wildcard alone. */
  static final Selector WILDCARD = new Selector(true, List.of());

  static final Object NO_DEFAULT = new Object();
  static final int DEFAULT_LIMIT = 1000;
  private static final Symbol STAR = Symbol.of("*");
  private static final Symbol RECURSE = Symbol.of("...");

  /**
   * One attribute of a selector. {@code name} is what the selector wrote, {@code forward} the
   * attribute it reads; {@code key} is the output map key ({@code :as}); {@code limit} caps
   * cardinality-many values (null: no cap); {@code falseIsAbsent} is set by the legacy {@code
   * (default attr v)}, which, as in Datomic, gives its default for a value of false too; {@code
   * sub} is null, a nested {@link Selector} or a {@link Recursion}.
   */
  record AttrSpec(
      Keyword name,
      Keyword forward,
      boolean reverse,
      Object key,
      Integer limit,
      Object dflt,
      boolean falseIsAbsent,
      Symbol xform,
      Object sub) {
    AttrSpec withSub(Object s) {
      return new AttrSpec(name, forward, reverse, key, limit, dflt, falseIsAbsent, xform, s);
    }

    AttrSpec withKey(Object k) {
      return new AttrSpec(name, forward, reverse, k, limit, dflt, falseIsAbsent, xform, sub);
    }

    AttrSpec withLimit(Integer n) {
      return new AttrSpec(name, forward, reverse, key, n, dflt, falseIsAbsent, xform, sub);
    }

    AttrSpec withDefault(Object v, boolean legacy) {
      return new AttrSpec(name, forward, reverse, key, limit, v, legacy, xform, sub);
    }

    AttrSpec withXform(Symbol fn) {
      return new AttrSpec(name, forward, reverse, key, limit, dflt, falseIsAbsent, fn, sub);
    }
  }

  /** Recursion into the enclosing selector, at most {@code depth} levels (MAX for {@code ...}). */
  record Recursion(int depth) {}

  static Selector parse(Object selector) {
    Object sel = selector instanceof String s ? Edn.read(s) : selector;
    if (!(sel instanceof List<?> items) || sel instanceof EdnList) {
      throw invalid("A pull selector must be a vector, got " + Edn.write(selector));
    }
    boolean star = false;
    List<AttrSpec> attrs = new ArrayList<>();
    for (Object item : items) {
      if (STAR.equals(item) || "*".equals(item)) {
        star = true;
      } else if (item instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          attrs.add(attr(e.getKey()).withSub(sub(e.getValue())));
        }
      } else {
        attrs.add(attr(item));
      }
    }
    Set<Keyword> names = new HashSet<>();
    for (AttrSpec a : attrs) {
      if (!a.name().equals(Idents.ID) && !names.add(a.name())) {
        throw invalid("Multiple specifications for " + a.name() + " in " + Edn.write(selector));
      }
    }
    return new Selector(star, List.copyOf(attrs));
  }

  private static Object sub(Object v) {
    if (RECURSE.equals(v)) {
      return new Recursion(Integer.MAX_VALUE);
    }
    if (v instanceof Long n && n > 0) {
      return new Recursion(n.intValue());
    }
    if (v instanceof Long n) {
      throw invalid("Cannot interpret as a recursive pull specification: " + n);
    }
    if (v instanceof List<?> && !(v instanceof EdnList)) {
      return parse(v);
    }
    throw invalid("Invalid sub-selector " + Edn.write(v) + " (expected a vector, ... or a depth)");
  }

  private static AttrSpec attr(Object form) {
    if (form instanceof EdnList l && !l.isEmpty() && l.get(0) instanceof Symbol) {
      return legacy(l);
    }
    if (form instanceof List<?> l && !l.isEmpty()) {
      // [:a :limit 5] and, as Datomic also reads it, (:a :limit 5)
      AttrSpec a = attr(l.get(0));
      if (l.size() % 2 != 1) {
        throw invalid("Attribute options come in pairs: " + Edn.write(form));
      }
      for (int i = 1; i < l.size(); i += 2) {
        a = option(a, l.get(i), l.get(i + 1), form);
      }
      return a;
    }
    Keyword k = Resolver.keyword(form);
    if (k == null) {
      throw invalid("Unknown pull selector element " + Edn.write(form));
    }
    boolean reverse = k.name().startsWith("_");
    Keyword forward = reverse ? Keyword.of(k.namespace(), k.name().substring(1)) : k;
    return new AttrSpec(k, forward, reverse, k, DEFAULT_LIMIT, NO_DEFAULT, false, null, null);
  }

  private static AttrSpec legacy(EdnList l) {
    if (l.size() != 3 || !(l.get(0) instanceof Symbol s)) {
      throw invalid("Expected (limit attr n) or (default attr value): " + Edn.write(l));
    }
    AttrSpec a = option(attr(l.get(1)), Keyword.of(s.name()), l.get(2), l);
    return s.name().equals("default") ? a.withDefault(a.dflt(), true) : a;
  }

  private static AttrSpec option(AttrSpec a, Object name, Object v, Object form) {
    String opt = name instanceof Keyword k && k.namespace() == null ? k.name() : "";
    switch (opt) {
      case "as":
        // Datomic always keys the entity id :db/id
        return a.forward() == Idents.ID ? a : a.withKey(v);
      case "limit":
        if (v != null && !(v instanceof Long n && n >= 0)) {
          throw invalid("A pull :limit is a non-negative number or nil: " + Edn.write(form));
        }
        return a.withLimit(v == null ? null : ((Long) v).intValue());
      case "default":
        return a.withDefault(v, false);
      case "xform":
        if (!(v instanceof Symbol fn)) {
          throw invalid("A pull :xform names a function symbol: " + Edn.write(form));
        }
        Xforms.require(fn);
        return a.withXform(fn);
      default:
        throw invalid("Unknown attribute option " + Edn.write(name) + " in " + Edn.write(form));
    }
  }

  static Anomaly invalid(String message) {
    return Anomaly.incorrect("db.error/invalid-pull", message);
  }
}
