package io.vertomic.db;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Database;
import io.vertomic.peer.Entity;
import io.vertomic.schema.Attr;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lazy {@link Entity}: nothing is read until the first {@link #get} or {@link #keySet}, then the
 * entity's datoms are read once. References come back as entities, cardinality-many values as sets,
 * reverse attributes ({@code :ns/_name}) as the set of entities referring here (for a component
 * attribute, as in Datomic, the one owning entity).
 */
public final class EntityView implements Entity {
  private final DbValue db;
  private final Database owner;
  private final long id;
  private volatile Map<Keyword, Object> values;

  public EntityView(DbValue db, Database owner, long id) {
    this.db = db;
    this.owner = owner;
    this.id = id;
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public Database db() {
    return owner;
  }

  @Override
  public Object get(Object attr) {
    Keyword k = Resolver.keyword(attr);
    if (k == null) {
      return null;
    }
    if (k.text().equals("db/id")) {
      return id;
    }
    if (k.name().startsWith("_")) {
      return reverse(Keyword.of(k.namespace(), k.name().substring(1)));
    }
    return load().get(k);
  }

  @Override
  public Set<Keyword> keySet() {
    return Collections.unmodifiableSet(load().keySet());
  }

  @Override
  public Entity touch() {
    touch(new java.util.HashSet<>());
    return this;
  }

  // components form a tree in a valid database; the visited set guards against a cycle anyway
  private void touch(Set<Long> visited) {
    if (!visited.add(id)) {
      return;
    }
    for (Map.Entry<Keyword, Object> e : load().entrySet()) {
      Attr a = db.schema().attr(e.getKey());
      if (a != null && a.component()) {
        Object v = e.getValue();
        Iterable<?> vs = v instanceof Set<?> set ? set : List.of(v);
        for (Object x : vs) {
          if (x instanceof EntityView child) {
            child.touch(visited);
          }
        }
      }
    }
  }

  /** The referring entities; a component has one owner, so its reverse is that entity alone. */
  private Object reverse(Keyword forward) {
    Attr a = db.schema().attr(forward);
    if (a == null || !a.isRef()) {
      return null;
    }
    Set<Entity> out = new LinkedHashSet<>();
    Iterator<Datom> it = db.datoms(IndexOrder.VAET, new Object[] {id, a.id()});
    it.forEachRemaining(d -> out.add(new EntityView(db, owner, d.e())));
    if (out.isEmpty()) {
      return null;
    }
    return a.component() ? out.iterator().next() : out;
  }

  private Map<Keyword, Object> load() {
    if (values == null) {
      Map<Keyword, Object> m = new LinkedHashMap<>();
      Iterator<Datom> it = db.datoms(IndexOrder.EAVT, new Object[] {id});
      while (it.hasNext()) {
        Datom d = it.next();
        Attr a = db.schema().attr(d.a());
        if (a == null) {
          continue;
        }
        Object v = a.isRef() ? new EntityView(db, owner, (Long) d.v()) : d.v();
        if (a.many()) {
          @SuppressWarnings("unchecked")
          Set<Object> set = (Set<Object>) m.computeIfAbsent(a.ident(), x -> new LinkedHashSet<>());
          set.add(v);
        } else {
          // the first in index order, as Datomic: a filter can leave a cardinality-one attribute
          // with more than one value (a retraction it hides brings the old value back)
          m.putIfAbsent(a.ident(), v);
        }
      }
      values = m;
    }
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EntityView other && other.id == id && other.db == db;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  /**
   * As Datomic prints an entity: its id, and the attributes read so far ({@link #touch} reads them
   * all, components included).
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{:db/id ").append(id);
    Map<Keyword, Object> loaded = values;
    if (loaded != null) {
      loaded.forEach((k, v) -> out.append(", ").append(k).append(' ').append(show(v)));
    }
    return out.append('}').toString();
  }

  private static String show(Object v) {
    if (v instanceof Set<?> set) {
      StringBuilder out = new StringBuilder("#{");
      for (Object x : set) {
        out.append(out.length() > 2 ? " " : "").append(show(x));
      }
      return out.append('}').toString();
    }
    return v instanceof EntityView e ? e.toString() : Edn.write(v);
  }
}
