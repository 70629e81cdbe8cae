package io.vertomic.conformance;

import io.vertomic.edn.EdnList;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates pull selectors in every form of Datomic's pull grammar (attribute names, {@code *},
 * {@code :db/id}, options in vector form {@code [:a :as "x" :limit n :default v]} and the legacy
 * list forms {@code (limit :a n)}, {@code (default :a v)}, reverse refs {@code :r/_ref0}, nested
 * maps, recursion {@code {:r/ref0 ...}} and {@code {:r/ref0 2}}), and pull reads.
 */
final class PullGen {
  private final Random r;
  private final FeatureSet f;
  private final History h;
  private final Pool pool;
  private final Set<Feature> used;

  private PullGen(Random r, FeatureSet f, History h, Pool pool, Set<Feature> used) {
    this.r = r;
    this.f = f;
    this.h = h;
    this.pool = pool;
    this.used = used;
  }

  static List<Object> selector(Random r, FeatureSet f, History h, Pool pool, Set<Feature> used) {
    used.add(Feature.PULL);
    return new PullGen(r, f, h, pool, used).selector(0);
  }

  static Read read(Random r, FeatureSet f, History h, Pool pool, List<Object> withTx) {
    Set<Feature> used = java.util.EnumSet.of(Feature.PULL);
    Symbol db = Views.pick(r, f, h, used, r.nextInt(10) == 0);
    List<Object> selector = selector(r, f, h, pool, used);
    Object with = db.equals(Symbol.of("$with")) ? withTx : null;
    if (want(r, f, used, Feature.PULL_MANY, 5)) {
      List<Object> eids = new ArrayList<>();
      for (int i = 0; i < 1 + r.nextInt(3); i++) {
        eids.add(eid(r, pool));
      }
      return Read.of("pull-many", used, "db", db, "selector", selector, "eid", eids, "with", with);
    }
    Object eid = eid(r, pool);
    if (want(r, f, used, Feature.INVALID_PULL, 12)) {
      selector = new ArrayList<>(selector);
      // not generated: (limit :a) without its n, which Datomic takes as no limit at all (even
      // where it applies) and Vertomic refuses
      int kind = r.nextInt(5);
      Map.Entry<String, Keyword> target = kind == 1 || kind == 3 ? target(h, withTx, kind) : null;
      if (target != null && f.has(Feature.VIEW_WITH)) {
        // Datomic checks a pull option only when it applies it (to an entity that has the
        // attribute, of cardinality many for :limit) and Vertomic checks the whole selector up
        // front: the malformed element names an attribute an entity of the with transaction has
        used.add(Feature.VIEW_WITH);
        db = Symbol.of("$with");
        with = withTx;
        eid = new io.vertomic.edn.Tagged(IdTokens.ENTITY, target.getKey());
        selector.add(malformed(kind, target.getValue()));
      } else {
        selector.add(invalid(kind % 3, selector));
      }
    }
    return Read.of("pull", used, "db", db, "selector", selector, "eid", eid, "with", with);
  }

  /**
   * An entity the with transaction creates (its tempid) and an attribute it gives it: {@code
   * :e/name} for kind 3 (a nested selector), else one of cardinality many and no reference.
   */
  private static Map.Entry<String, Keyword> target(History h, List<Object> withTx, int kind) {
    List<String> named = Pool.of(h).names();
    for (Object op : withTx) {
      if (op instanceof Map<?, ?> m
          && m.get(Keyword.of("db/id")) instanceof String id
          && id.startsWith("e")
          && !named.contains(id)) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          Attr a = h.attr(e.getKey());
          boolean fits =
              kind == 3
                  ? SchemaGen.NAME.equals(e.getKey())
                  : a != null && a.many() && !a.isRef() && e.getValue() instanceof List<?> l;
          if (fits && !(e.getValue() instanceof List<?> l && l.isEmpty())) {
            return Map.entry(id, (Keyword) e.getKey());
          }
        }
      }
    }
    return null;
  }

  private static Object malformed(int kind, Keyword attr) {
    return kind == 1
        ? List.of(attr, Keyword.of("limit"), "x")
        : Map.of(attr, List.of(SchemaGen.NAME));
  }

  /** An entity as a lookup ref or, one time in three, as the engine's own id for it. */
  static Object eid(Random r, Pool pool) {
    String name = pool.name(r);
    if (r.nextInt(3) == 0 && !name.equals("nobody")) {
      return new io.vertomic.edn.Tagged(IdTokens.ENTITY, name);
    }
    return HistoryGen.lookup(name);
  }

  private static boolean want(Random r, FeatureSet f, Set<Feature> used, Feature x, int oneIn) {
    if (f.has(x) && r.nextInt(oneIn) == 0) {
      used.add(x);
      return true;
    }
    return false;
  }

  private boolean want(Feature x, int oneIn) {
    return want(r, f, used, x, oneIn);
  }

  private List<Object> selector(int depth) {
    List<Object> out = new ArrayList<>();
    boolean wildcard = want(Feature.PULL_WILDCARD, 4);
    if (wildcard) {
      out.add(Symbol.of("*"));
    }
    int n = 1 + r.nextInt(3);
    List<Object> attrs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object x = element(depth, wildcard);
      // Datomic refuses a selector naming an attribute twice (an invalid pull does it on purpose)
      Object attr = attrOf(x);
      if (!attrs.contains(attr)) {
        attrs.add(attr);
        out.add(x);
      }
    }
    return out;
  }

  private Object element(int depth, boolean wildcard) {
    Attr a = h.schema().get(r.nextInt(h.schema().size()));
    if (r.nextInt(10) == 0) {
      return Keyword.of("db/id");
    }
    if (a.isRef() && depth < 2) {
      if (want(Feature.PULL_REVERSE, 4)) {
        Keyword rev = Keyword.of(a.ident().namespace(), "_" + a.ident().name());
        return r.nextBoolean() ? rev : nested(rev, depth);
      }
      // Datomic fails inside itself (a NullPointerException) on recursion next to a wildcard
      if (!wildcard && want(Feature.PULL_RECURSION, 4)) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(a.ident(), r.nextBoolean() ? Symbol.of("...") : (Object) (long) (1 + r.nextInt(3)));
        return m;
      }
      if (want(Feature.PULL_NESTED, 2)) {
        return nested(a.ident(), depth);
      }
    }
    if (want(Feature.PULL_OPTIONS, 4)) {
      List<Object> opt = new ArrayList<>(List.of(a.ident()));
      switch (r.nextInt(4)) {
        case 0 -> opt.addAll(List.of(Keyword.of("as"), "renamed"));
        case 1 -> opt.addAll(List.of(Keyword.of("limit"), (long) (1 + r.nextInt(2))));
        case 2 -> opt.addAll(List.of(Keyword.of("default"), dflt(a)));
        default ->
            opt.addAll(
                List.of(
                    Keyword.of("as"), Keyword.of("x/renamed"), Keyword.of("limit"), (Object) 1L));
      }
      return opt;
    }
    if (want(Feature.PULL_LEGACY_OPTIONS, 5)) {
      return r.nextBoolean()
          ? EdnList.of(Symbol.of("limit"), a.ident(), (long) (1 + r.nextInt(2)))
          : EdnList.of(Symbol.of("default"), a.ident(), dflt(a));
    }
    return a.ident();
  }

  private static Object attrOf(Object element) {
    if (element instanceof Map<?, ?> m) {
      return attrOf(m.keySet().iterator().next());
    }
    if (element instanceof EdnList l) {
      return l.get(1);
    }
    if (element instanceof List<?> l) {
      return l.get(0);
    }
    return element;
  }

  private Object dflt(Attr a) {
    Object v = a.isRef() ? null : pool.value(r, a);
    return v == null ? "none" : v;
  }

  private Map<Object, Object> nested(Keyword k, int depth) {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(k, selector(depth + 1));
    return m;
  }

  /** An element Datomic refuses in any selector: an unknown attribute, a repeat, a number. */
  private static Object invalid(int kind, List<Object> selector) {
    return switch (kind) {
      case 0 -> Keyword.of("no/such");
      case 1 -> selector.get(0);
      default -> 42L;
    };
  }
}
