package io.vertomic.db;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Database;
import io.vertomic.peer.Entity;
import io.vertomic.schema.Attr;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
  private Map<Keyword, Object> values;

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
          m.put(a.ident(), v);
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

  @Override
  public String toString() {
    return "{:db/id " + id + "}";
  }
}
