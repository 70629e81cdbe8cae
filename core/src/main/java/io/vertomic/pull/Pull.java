package io.vertomic.pull;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Idents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pull API's evaluator for the core of the selector grammar: attribute names, {@code *}, {@code
 * :db/id}, reverse attributes ({@code :ns/_name}), nested maps with sub-selectors, and recursion
 * ({@code ...} or a depth, stopping at cycles). References without a sub-selector pull as {@code
 * {:db/id id}}; components under {@code *} are pulled whole. Missing attributes are left out.
 */
public final class Pull {
  private static final Symbol STAR = Symbol.of("*");
  private static final Symbol RECURSE = Symbol.of("...");
  private static final int MAX_DEPTH = 100;

  private Pull() {}

  /** The map {@code selector} pulls from entity {@code eid}; null when eid names no entity. */
  public static Map<Keyword, Object> pull(DbValue db, Object selector, Object eid) {
    Object sel = selector instanceof String s ? Edn.read(s) : selector;
    if (!(sel instanceof List<?> pattern)) {
      throw Anomaly.incorrect(
          "db.error/invalid-pull", "A pull selector must be a vector, got " + selector);
    }
    Long e = Resolver.entid(db, eid);
    return e == null ? null : entity(db, pattern, e, 0, new Walk());
  }

  /** Pulls {@code pattern} from {@code e}. */
  private static Map<Keyword, Object> entity(
      DbValue db, List<?> pattern, long e, int depth, Walk walk) {
    boolean entered = walk.path().add(e);
    Map<Keyword, Object> out = new LinkedHashMap<>();
    for (Object item : pattern) {
      if (item instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> en : m.entrySet()) {
          attribute(db, out, e, en.getKey(), en.getValue(), pattern, depth, walk);
        }
      } else if (STAR.equals(item) || "*".equals(item)) {
        star(db, out, e, depth, walk);
      } else {
        attribute(db, out, e, item, null, pattern, depth, walk);
      }
    }
    if (entered) {
      walk.path().remove(e);
    }
    return out;
  }

  private static void star(DbValue db, Map<Keyword, Object> out, long e, int depth, Walk walk) {
    out.put(Idents.ID, e);
    for (Iterator<Datom> it = db.datoms(IndexOrder.EAVT, new Object[] {e}); it.hasNext(); ) {
      Datom d = it.next();
      Attr a = db.schema().attr(d.a());
      if (a == null || out.containsKey(a.ident()) && !a.many()) {
        continue;
      }
      Object v =
          a.isRef()
              ? (a.component()
                  ? entityOrId(db, List.of(STAR), (Long) d.v(), depth + 1, walk)
                  : idMap(d.v()))
              : d.v();
      put(out, a, v);
    }
  }

  private static void attribute(
      DbValue db,
      Map<Keyword, Object> out,
      long e,
      Object key,
      Object sub,
      List<?> self,
      int depth,
      Walk walk) {
    Keyword k = Resolver.keyword(key);
    if (k == null) {
      throw Anomaly.incorrect("db.error/invalid-pull", "Unknown pull selector element " + key);
    }
    if (k == Idents.ID) {
      out.put(Idents.ID, e);
      return;
    }
    boolean reverse = k.name().startsWith("_");
    Keyword forward = reverse ? Keyword.of(k.namespace(), k.name().substring(1)) : k;
    Attr a = Resolver.attr(db, forward);
    List<Object> values = new ArrayList<>();
    Object[] comps = {e, a.id()};
    Iterator<Datom> it =
        reverse ? db.datoms(IndexOrder.VAET, comps) : db.datoms(IndexOrder.EAVT, comps);
    while (it.hasNext()) {
      Datom d = it.next();
      Object v = reverse ? (Object) d.e() : d.v();
      values.add(a.isRef() ? nested(db, v, sub, self, depth, k, a, walk) : v);
    }
    if (values.isEmpty()) {
      return;
    }
    boolean many = reverse ? !a.component() : a.many();
    out.put(k, many ? values : values.get(0));
  }

  /**
   * The value of reference {@code v}: its id, its component, its sub-selector's map, or a recursion
   * step. Recursion stops at the depth limit and at an entity already being pulled above (a cycle),
   * which comes back as {@code {:db/id id}}.
   */
  private static Object nested(
      DbValue db, Object v, Object sub, List<?> self, int depth, Keyword k, Attr a, Walk walk) {
    long id = (Long) v;
    if (sub == null) {
      return a.component() ? entityOrId(db, List.of(STAR), id, depth + 1, walk) : idMap(id);
    }
    if (sub instanceof List<?> p) {
      return entityOrId(db, p, id, depth + 1, walk);
    }
    int limit = RECURSE.equals(sub) ? MAX_DEPTH : sub instanceof Number n ? n.intValue() : -1;
    if (limit < 0) {
      throw Anomaly.incorrect(
          "db.error/invalid-pull", "Invalid sub-selector " + sub + " for " + a.ident());
    }
    List<Object> spec = List.of(k, self);
    int done = walk.recursions().getOrDefault(spec, 0);
    if (done >= limit || walk.path().contains(id)) {
      return idMap(id);
    }
    walk.recursions().put(spec, done + 1);
    Object out = entityOrId(db, self, id, depth + 1, walk);
    walk.recursions().put(spec, done);
    return out;
  }

  /**
   * The state of one pull: the entities being pulled above the current one (to stop recursion at a
   * cycle) and, per recursive attribute and pattern, how many levels deep it has recursed.
   */
  private record Walk(Set<Long> path, Map<List<Object>, Integer> recursions) {
    Walk() {
      this(new HashSet<>(), new HashMap<>());
    }
  }

  private static Object entityOrId(DbValue db, List<?> pattern, long id, int depth, Walk walk) {
    if (depth > MAX_DEPTH) {
      return idMap(id);
    }
    Map<Keyword, Object> m = entity(db, pattern, id, depth, walk);
    return m.isEmpty() ? idMap(id) : m;
  }

  private static Map<Keyword, Object> idMap(Object id) {
    return Map.of(Idents.ID, id);
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<Keyword, Object> out, Attr a, Object v) {
    if (a.many()) {
      ((List<Object>) out.computeIfAbsent(a.ident(), x -> new ArrayList<>())).add(v);
    } else {
      out.put(a.ident(), v);
    }
  }
}
