package io.vertomic.pull;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.Keyword;
import io.vertomic.pull.Selector.AttrSpec;
import io.vertomic.pull.Selector.Recursion;
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
 * The pull API's evaluator over a parsed {@link Selector}, with Datomic's answers: missing and
 * unknown attributes are left out (or take their {@code :default}); references without a
 * sub-selector pull as {@code {:db/id id}} and components as whole maps; a nested entity that pulls
 * nothing is left out of its attribute's values, and a pull that finds nothing at all is null;
 * cardinality-many values stop at {@code :limit} (1000 unless given). Recursion stops at its depth,
 * where the recursive attribute is left out, and unbounded recursion ({@code ...}) at a cycle: an
 * entity already on the path from the root (the root itself not counted, as in Datomic) is pulled
 * once more without any recursion.
 */
public final class Pull {
  private static final int MAX_NESTING = 100;
  private static final Object OMIT = new Object();

  private Pull() {}

  /**
   * The map {@code selector} pulls from entity {@code eid}; null when the selector finds nothing
   * there. Fails with {@code incorrect} on a history database, as Datomic does.
   */
  public static Map<Object, Object> pull(DbValue db, Object selector, Object eid) {
    if (db.isHistory()) {
      throw Selector.invalid("Can't pull from a history database");
    }
    Selector sel = Selector.parse(selector);
    Long e = Resolver.entid(db, eid);
    if (e == null) {
      return unresolved(sel);
    }
    Map<Object, Object> out = entity(db, sel, e, 0, new Walk());
    return out.isEmpty() ? null : out;
  }

  /**
   * What Datomic pulls for an ident or lookup ref that names nothing: a null :db/id where the
   * selector asks for it, and the defaults.
   */
  private static Map<Object, Object> unresolved(Selector sel) {
    Map<Object, Object> out = new LinkedHashMap<>();
    if (sel.star()) {
      out.put(Idents.ID, null);
    }
    for (AttrSpec a : sel.attrs()) {
      if (a.forward() == Idents.ID) {
        out.put(a.key(), null);
      } else if (a.dflt() != Selector.NO_DEFAULT) {
        out.put(a.key(), a.dflt());
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static Map<Object, Object> entity(
      DbValue db, Selector sel, long e, int nesting, Walk walk) {
    Map<Object, Object> out = new LinkedHashMap<>();
    if (sel.star()) {
      star(db, out, sel, e, nesting, walk);
    }
    for (AttrSpec a : sel.attrs()) {
      attribute(db, out, sel, a, e, nesting, walk);
    }
    return out;
  }

  private static void star(
      DbValue db, Map<Object, Object> out, Selector sel, long e, int nesting, Walk walk) {
    out.put(Idents.ID, e);
    Set<Keyword> explicit = new HashSet<>();
    sel.attrs().forEach(a -> explicit.add(a.name()));
    for (Iterator<Datom> it = db.datoms(IndexOrder.EAVT, new Object[] {e}); it.hasNext(); ) {
      Datom d = it.next();
      Attr a = db.schema().attr(d.a());
      if (a == null || explicit.contains(a.ident())) {
        continue;
      }
      Object v = a.isRef() ? reference(db, (Long) d.v(), a, null, sel, nesting, walk) : d.v();
      if (v == OMIT) {
        continue;
      }
      if (a.many()) {
        addTo(out, a.ident(), v);
      } else {
        out.put(a.ident(), v);
      }
    }
  }

  private static void attribute(
      DbValue db,
      Map<Object, Object> out,
      Selector self,
      AttrSpec spec,
      long e,
      int nesting,
      Walk walk) {
    if (spec.forward() == Idents.ID) {
      out.put(spec.key(), e);
      return;
    }
    Attr a = db.schema().attr(spec.forward());
    if (a == null) {
      if (spec.dflt() != Selector.NO_DEFAULT) {
        out.put(spec.key(), spec.dflt());
      }
      return;
    }
    if (spec.sub() != null && !a.isRef()) {
      throw Selector.invalid(
          "A nested selector needs a reference attribute, and " + a.ident() + " is not one");
    }
    boolean many = spec.reverse() ? !a.component() : a.many();
    Object[] comps = {e, a.id()};
    Iterator<Datom> it =
        spec.reverse() ? db.datoms(IndexOrder.VAET, comps) : db.datoms(IndexOrder.EAVT, comps);
    List<Object> values = new ArrayList<>();
    boolean found = false;
    while (it.hasNext() && (!many || spec.limit() == null || values.size() < spec.limit())) {
      Datom d = it.next();
      found = true;
      Object v = spec.reverse() ? (Object) d.e() : d.v();
      if (a.isRef()) {
        v = reference(db, (Long) v, a, spec, self, nesting, walk);
      }
      if (v != OMIT) {
        values.add(v);
      }
    }
    if (values.isEmpty()) {
      if (spec.dflt() != Selector.NO_DEFAULT) {
        out.put(spec.key(), spec.dflt());
      } else if (found && self.star() && !spec.reverse()) {
        // the wildcard would show the attribute; Datomic keeps its key with nil
        out.put(spec.key(), null);
      }
      return;
    }
    Object v = many ? values : values.get(0);
    out.put(spec.key(), spec.xform() == null ? v : Xforms.require(spec.xform()).apply(v));
  }

  /**
   * The value of a reference to {@code id}: a component pulled whole, a nested selector's map, a
   * recursion step, or {@code {:db/id id}}; {@link #OMIT} past a recursion's depth or where the
   * nested entity pulls nothing.
   */
  private static Object reference(
      DbValue db, long id, Attr a, AttrSpec spec, Selector self, int nesting, Walk walk) {
    Object sub = spec == null ? null : spec.sub();
    if (sub == null) {
      return a.component() && (spec == null || !spec.reverse())
          ? nested(db, new Selector(true, List.of()), id, nesting, walk)
          : idMap(id);
    }
    if (sub instanceof Selector s) {
      return nested(db, s, id, nesting, walk);
    }
    int depth = ((Recursion) sub).depth();
    int done = walk.recursions.getOrDefault(spec, 0);
    if (done >= depth || walk.stopped > 0) {
      return OMIT;
    }
    // a cycle stops only an unbounded recursion: a depth bounds the other (as in Datomic)
    if (depth == Integer.MAX_VALUE && walk.path.contains(id)) {
      walk.stopped++;
      Object out = nested(db, self, id, nesting, walk);
      walk.stopped--;
      return out;
    }
    walk.recursions.put(spec, done + 1);
    Object out = nested(db, self, id, nesting, walk);
    walk.recursions.put(spec, done);
    return out;
  }

  private static Object nested(DbValue db, Selector sel, long id, int nesting, Walk walk) {
    if (nesting >= MAX_NESTING) {
      return idMap(id);
    }
    boolean entered = walk.path.add(id);
    Map<Object, Object> m = entity(db, sel, id, nesting + 1, walk);
    if (entered) {
      walk.path.remove(id);
    }
    return m.isEmpty() ? OMIT : m;
  }

  /**
   * The state of one pull: the entities on the path from the root to the current one (the root left
   * out), per recursive attribute how many levels deep it has recursed, and whether recursion is
   * stopped because the walk came back to an entity on its path.
   */
  private static final class Walk {
    final Set<Long> path = new HashSet<>();
    final Map<AttrSpec, Integer> recursions = new HashMap<>();
    int stopped;
  }

  private static Map<Object, Object> idMap(long id) {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(Idents.ID, id);
    return m;
  }

  @SuppressWarnings("unchecked")
  private static void addTo(Map<Object, Object> out, Keyword k, Object v) {
    ((List<Object>) out.computeIfAbsent(k, x -> new ArrayList<>())).add(v);
  }
}
