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
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 * cardinality-many values stop at {@code :limit} (1000 unless given). Recursion, bounded or not,
 * stops past its depth and at an entity already on the path from the root: that entity is pulled
 * once more, its recursive references not followed. Where recursion stops, a reference pulls as
 * {@code {:db/id id}} if the selector asks for {@code :db/id} and is left out otherwise. The path
 * holds the entities that recursion steps left on the way to the current one, as in Datomic: the
 * root only when it was given as an entity id, not as a lookup ref or ident; and a nested selector
 * reaching an entity on it pulls it with its recursion stopped.
 */
public final class Pull {
  private static final int MAX_NESTING = 100;
  private static final Object OMIT = new Object();

  /** Where the entity id stands among the attributes' ids, for {@link Entries}: first. */
  private static final long ENTITY_ID = -1;

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
    Walk walk = new Walk(eid instanceof Number);
    Map<Object, Object> out = entity(db, sel, e, 0, walk);
    return out.isEmpty() ? null : out;
  }

  /**
   * What Datomic pulls for an ident or lookup ref that names nothing: a null :db/id where the
   * selector asks for it, and the defaults.
   */
  private static Map<Object, Object> unresolved(Selector sel) {
    Entries out = new Entries(sel.star());
    if (sel.star()) {
      out.value(ENTITY_ID, Idents.ID, null);
    }
    for (AttrSpec a : sel.attrs()) {
      if (a.forward() == Idents.ID) {
        out.value(ENTITY_ID, a.key(), null);
      } else if (a.dflt() != Selector.NO_DEFAULT) {
        out.dflt(a.key(), a.dflt());
      }
    }
    Map<Object, Object> m = out.toMap();
    return m.isEmpty() ? null : m;
  }

  private static Map<Object, Object> entity(
      DbValue db, Selector sel, long e, int nesting, Walk walk) {
    Entries out = new Entries(sel.star());
    if (sel.star()) {
      star(db, out, sel, e, nesting, walk);
    }
    for (AttrSpec a : sel.attrs()) {
      attribute(db, out, sel, a, e, nesting, walk);
    }
    return out.toMap();
  }

  private static void star(DbValue db, Entries out, Selector sel, long e, int nesting, Walk walk) {
    out.value(ENTITY_ID, Idents.ID, e);
    Set<Keyword> explicit = new HashSet<>();
    sel.attrs().forEach(a -> explicit.add(a.name()));
    Map<Attr, Object> all = new LinkedHashMap<>();
    for (Iterator<Datom> it = db.datoms(IndexOrder.EAVT, new Object[] {e}); it.hasNext(); ) {
      Datom d = it.next();
      Attr a = db.schema().attr(d.a());
      if (a == null || explicit.contains(a.ident())) {
        continue;
      }
      Object v = a.isRef() ? reference(db, e, (Long) d.v(), a, null, sel, nesting, walk) : d.v();
      if (v == OMIT) {
        continue;
      }
      if (a.many()) {
        addTo(all, a, v);
      } else {
        // a filtered view can show two values of a cardinality-one attribute: Datomic keeps the
        // first, as an explicit attribute does
        all.putIfAbsent(a, v);
      }
    }
    all.forEach((a, v) -> out.value(a.id(), a.ident(), v));
  }

  private static void attribute(
      DbValue db, Entries out, Selector self, AttrSpec spec, long e, int nesting, Walk walk) {
    if (spec.forward() == Idents.ID) {
      out.value(ENTITY_ID, spec.key(), e);
      return;
    }
    Attr a = db.schema().attr(spec.forward());
    if (a == null) {
      if (spec.dflt() != Selector.NO_DEFAULT) {
        out.dflt(spec.key(), spec.dflt());
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
    // one value only for cardinality one: a reverse component's first referrer, even where it
    // pulls nothing
    while (it.hasNext() && (many ? spec.limit() == null || values.size() < spec.limit() : !found)) {
      Datom d = it.next();
      found = true;
      Object v = spec.reverse() ? (Object) d.e() : d.v();
      if (a.isRef()) {
        v = reference(db, e, (Long) v, a, spec, self, nesting, walk);
      }
      if (v != OMIT) {
        values.add(v);
      }
    }
    if (spec.falseIsAbsent() && !many && values.equals(List.of(Boolean.FALSE))) {
      values.clear();
    }
    if (values.isEmpty()) {
      if (spec.dflt() != Selector.NO_DEFAULT) {
        out.dflt(spec.key(), spec.dflt());
      } else if (found && self.star() && !spec.reverse()) {
        // the wildcard would show the attribute; Datomic keeps its key with nil
        out.value(a.id(), spec.key(), null);
      }
      return;
    }
    Object v = many ? values : values.get(0);
    out.value(a.id(), spec.key(), spec.xform() == null ? v : Xforms.require(spec.xform()).apply(v));
  }

  /**
   * The value of a reference to {@code id}: a component pulled whole, a nested selector's map, a
   * recursion step, or {@code {:db/id id}}; {@link #OMIT} where the nested entity pulls nothing.
   */
  private static Object reference(
      DbValue db,
      long parent,
      long id,
      Attr a,
      AttrSpec spec,
      Selector self,
      int nesting,
      Walk walk) {
    Object sub = spec == null ? null : spec.sub();
    if (sub == null && !(a.component() && (spec == null || !spec.reverse()))) {
      return idMap(id);
    }
    if (!(sub instanceof Recursion r)) {
      // another selector: its recursion stopped only if its entity is on the path
      int stopped = walk.stopped;
      walk.stopped = walk.path.contains(id) ? 1 : 0;
      Object out = nested(db, sub == null ? Selector.WILDCARD : (Selector) sub, id, nesting, walk);
      walk.stopped = stopped;
      return out;
    }
    int done = walk.recursions.getOrDefault(spec, 0);
    if (done >= r.depth() || walk.stopped > 0) {
      return stop(self, id);
    }
    // the entity a recursion leaves joins the path for the step, the root only when given by id
    boolean pushed = (nesting > 0 || walk.rootById) && walk.path.add(parent);
    Object out;
    if (walk.path.contains(id)) {
      walk.stopped++;
      out = nested(db, self, id, nesting, walk);
      walk.stopped--;
    } else {
      walk.recursions.put(spec, done + 1);
      out = nested(db, self, id, nesting, walk);
      walk.recursions.put(spec, done);
    }
    if (pushed) {
      walk.path.remove(parent);
    }
    return out;
  }

  /** Where recursion stops: the selector's {@code :db/id} of the entity, or nothing. */
  private static Object stop(Selector self, long id) {
    for (AttrSpec a : self.attrs()) {
      if (a.forward() == Idents.ID) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(a.key(), id);
        return m;
      }
    }
    return self.star() ? idMap(id) : OMIT;
  }

  private static Object nested(DbValue db, Selector sel, long id, int nesting, Walk walk) {
    if (nesting >= MAX_NESTING) {
      return idMap(id);
    }
    Map<Object, Object> m = entity(db, sel, id, nesting + 1, walk);
    return m.isEmpty() ? OMIT : m;
  }

  /**
   * The state of one pull: the entities the recursion steps to the current one left, per recursive
   * attribute how many levels deep it has recursed, and whether recursion is stopped because the
   * walk came back to an entity on its path.
   */
  private static final class Walk {
    final Set<Long> path = new HashSet<>();
    final Map<AttrSpec, Integer> recursions = new IdentityHashMap<>();
    final boolean rootById;
    int stopped;

    Walk(boolean rootById) {
      this.rootById = rootById;
    }
  }

  private static Map<Object, Object> idMap(long id) {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(Idents.ID, id);
    return m;
  }

  @SuppressWarnings("unchecked")
  private static void addTo(Map<Attr, Object> out, Attr a, Object v) {
    ((List<Object>) out.computeIfAbsent(a, x -> new ArrayList<>())).add(v);
  }
}
