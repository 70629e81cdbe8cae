package io.vertomic.schema;

import io.vertomic.datom.Datom;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The schema of one database value: idents in both directions and the {@link Attr} of every
 * installed attribute. Immutable; a transaction that touches schema entities derives a new one with
 * {@link #update}. Lookups are hash lookups (the transaction path calls them per datom).
 */
public final class Schema {
  private final Map<Keyword, Long> identToId;
  private final Map<Long, Keyword> idToIdent;
  private final Map<Long, Attr> attrs;
  private final Map<Long, List<Attr>> compositesOf;
  // the attributes of ids below SMALL_IDS (attributes live in the db partition, whose ids are
  // small) by id: the transaction path looks one up several times per datom
  private final Attr[] bySmallId;
  private static final long SMALL_IDS = 1 << 16;

  private Schema(
      Map<Keyword, Long> identToId,
      Map<Long, Keyword> idToIdent,
      Map<Long, Attr> attrs,
      Map<Long, List<Attr>> compositesOf) {
    this.identToId = identToId;
    this.idToIdent = idToIdent;
    this.attrs = attrs;
    this.compositesOf = compositesOf;
    long max = -1;
    for (long id : attrs.keySet()) {
      if (id >= 0 && id < SMALL_IDS) {
        max = Math.max(max, id);
      }
    }
    this.bySmallId = new Attr[(int) (max + 1)];
    for (Map.Entry<Long, Attr> e : attrs.entrySet()) {
      long id = e.getKey();
      if (id >= 0 && id < bySmallId.length) {
        bySmallId[(int) id] = e.getValue();
      }
    }
  }

  /** An empty schema, the start of {@link #update}. */
  public static Schema empty() {
    return new Schema(Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** The entity id of {@code ident}, or null. */
  public Long entid(Keyword ident) {
    return identToId.get(ident);
  }

  /** The ident of entity {@code id}, or null. */
  public Keyword ident(long id) {
    return idToIdent.get(id);
  }

  /** The attribute with entity id {@code id}, or null. */
  public Attr attr(long id) {
    return id >= 0 && id < bySmallId.length ? bySmallId[(int) id] : attrs.get(id);
  }

  /** The attribute named {@code ident}, or null. */
  public Attr attr(Keyword ident) {
    Long id = identToId.get(ident);
    return id == null ? null : attr(id.longValue());
  }

  /** The composite tuple attributes that {@code attrId} is a part of (often empty). */
  public List<Attr> compositesOf(long attrId) {
    return compositesOf.isEmpty() ? List.of() : compositesOf.getOrDefault(attrId, List.of());
  }

  /** Every installed attribute. */
  public Collection<Attr> attrs() {
    return attrs.values();
  }

  /**
   * A schema in which each of {@code entities} is re-read from its current datoms (as {@code
   * datomsOf} gives them, any order). Entities without an ident or value type drop out.
   */
  public Schema update(Collection<Long> entities, LongFunction<List<Datom>> datomsOf) {
    Map<Keyword, Long> i2id = new HashMap<>(identToId);
    Map<Long, Keyword> id2i = new HashMap<>(idToIdent);
    Map<Long, Attr> as = new HashMap<>(attrs);
    for (long e : entities) {
      Keyword old = id2i.remove(e);
      if (old != null && i2id.get(old) == e) {
        i2id.remove(old);
      }
      as.remove(e);
    }
    Map<Long, List<Datom>> read = new HashMap<>();
    for (long e : entities) {
      List<Datom> ds = datomsOf.apply(e);
      read.put(e, ds);
      for (Datom d : ds) {
        if (d.a() == 10 && d.v() instanceof Keyword k) {
          i2id.put(k, e);
          id2i.put(e, k);
        }
      }
    }
    for (Map.Entry<Long, List<Datom>> en : read.entrySet()) {
      Attr a = AttrReader.read(en.getKey(), en.getValue(), id2i, i2id);
      if (a != null) {
        as.put(a.id(), a);
      }
    }
    Map<Long, List<Attr>> comps = new HashMap<>();
    for (Attr a : as.values()) {
      for (long part : a.tupleAttrs()) {
        comps.computeIfAbsent(part, k -> new ArrayList<>()).add(a);
      }
    }
    return new Schema(i2id, id2i, as, comps);
  }

  /** The symbols of {@code :db.attr/preds}, for messages. */
  static List<Symbol> symbols(List<Datom> ds, long attr) {
    List<Symbol> out = new ArrayList<>();
    for (Datom d : ds) {
      if (d.a() == attr && d.v() instanceof Symbol s) {
        out.add(s);
      }
    }
    return out;
  }
}
