package io.vertomic.tx;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.datom.IndexOrder;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.Keyword;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Bootstrap;
import io.vertomic.schema.Idents;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Excision (Datomic's {@code :db/excise}): a transaction asserts an excision entity naming a target
 * entity (optionally only {@code :db.excise/attrs}) or a target attribute (all of its values), and,
 * optionally, only datoms older than {@code :db.excise/beforeT} or {@code :db.excise/before}. The
 * matching datoms leave every index, current and past, in the value after that transaction, in
 * every process that applies it (the writer and every peer replaying its log entry); the excision
 * entity stays as the record. The durable index, the stored log and the segment cache lose the
 * bytes at the next index job ({@code peer.impl.DurableDatabase}).
 *
 * <p>Refused ({@code incorrect}, {@code db.error/invalid-excise}, nothing applied): an excision
 * entity without {@code :db/excise}; a target that has no datoms at all; a transaction entity, a
 * built-in entity, a schema entity that is not an attribute, an entity with a {@code :db/ident}, an
 * excision record; {@code :db.excise/attrs} naming a non-attribute, or given with an attribute
 * target. Composite tuples that hold an excised attribute's value go too.
 */
public final class Excision {
  private static final String CODE = "db.error/invalid-excise";

  private Excision() {}

  /**
   * One excision: the datoms of entity {@code target} (of {@code attrs} only, when not empty), or
   * of attribute {@code target} (and of {@code attrs}: composite tuples that hold its values),
   * whose {@code t} is below {@code beforeT}; made by the transaction at {@code t}.
   */
  public record Rule(long target, boolean attribute, Set<Long> attrs, long beforeT, long t) {

    /**
     * Whether {@code d} is older than the bound and of the target: one of the datoms this excision
     * removes (and so are the later retractions of the assertions it removes).
     */
    public boolean matches(Datom d) {
      return EntityId.txToT(d.tx()) < beforeT && targets(d);
    }

    /** Whether {@code d} is of the target entity or attribute, whatever its time. */
    boolean targets(Datom d) {
      if (attribute) {
        return d.a() == target || attrs.contains(d.a());
      }
      return d.e() == target && (attrs.isEmpty() || attrs.contains(d.a()));
    }
  }

  /**
   * {@code after} (the value after the transaction at {@code t}, whose datoms are {@code txDatoms})
   * without the datoms the transaction's excisions name; {@code after} itself when it has none.
   */
  static DbValue apply(DbValue after, List<Datom> txDatoms, long t) {
    List<Rule> rules = requested(after, txDatoms, t);
    if (rules.isEmpty()) {
      return after;
    }
    List<Datom> current = new ArrayList<>();
    List<Datom> past = new ArrayList<>();
    for (Rule r : rules) {
      IndexOrder order = r.attribute() ? IndexOrder.AEVT : IndexOrder.EAVT;
      // the retractions of an excised assertion go with it, even when they are younger than the
      // bound: a retraction carries the value too (Datomic leaves some; Vertomic none)
      Set<Datom> facts = new java.util.TreeSet<>(order.comparator());
      for (Object[] comps : scans(r)) {
        collect(after.indexes().current(order), order, comps, r::matches, current);
        List<Datom> old = new ArrayList<>();
        collect(after.indexes().past(order), order, comps, r::matches, old);
        old.stream().filter(Datom::added).forEach(facts::add);
        past.addAll(old);
      }
      for (Object[] comps : scans(r)) {
        collect(
            after.indexes().past(order),
            order,
            comps,
            d -> !d.added() && !r.matches(d) && r.targets(d) && facts.contains(d),
            past);
      }
    }
    return after.next(
        after.indexes().excise(after.schema(), current, past),
        after.schema(),
        after.basisT(),
        after.nextT(),
        after.nextDbCounter());
  }

  private static List<Object[]> scans(Rule r) {
    List<Object[]> out = new ArrayList<>();
    out.add(new Object[] {r.target()});
    if (r.attribute()) {
      r.attrs().forEach(a -> out.add(new Object[] {a}));
    }
    return out;
  }

  private static void collect(
      io.vertomic.index.DatomTree tree,
      IndexOrder o,
      Object[] comps,
      java.util.function.Predicate<Datom> keep,
      List<Datom> out) {
    Iterator<Datom> it = tree.slice(DbValue.lowest(o, comps), DbValue.highest(o, comps));
    while (it.hasNext()) {
      Datom d = it.next();
      if (keep.test(d)) {
        out.add(d);
      }
    }
  }

  /** Every excision {@code db} records (its excision entities), in the order they were made. */
  public static List<Rule> recorded(DbValue db) {
    Attr excise = db.schema().attr(Idents.EXCISE);
    List<Rule> out = new ArrayList<>();
    Iterator<Datom> it = db.datoms(IndexOrder.AEVT, new Object[] {excise.id()});
    while (it.hasNext()) {
      Datom d = it.next();
      out.add(rule(db, (Long) d.v(), db.currentDatoms(d.e()), EntityId.txToT(d.tx())));
    }
    return out;
  }

  /**
   * {@code data} (a log entry's) without the datoms any of {@code rules} removes from {@code db}
   * (the value that made them): those a rule matches, and retractions of assertions it removed,
   * which {@code db} no longer holds.
   */
  public static List<Datom> clean(List<Datom> data, List<Rule> rules, DbValue db) {
    if (rules.isEmpty()) {
      return data;
    }
    List<Datom> out = new ArrayList<>(data.size());
    for (Datom d : data) {
      if (!excised(d, rules, db)) {
        out.add(d);
      }
    }
    return out.size() == data.size() ? data : out;
  }

  private static boolean excised(Datom d, List<Rule> rules, DbValue db) {
    for (Rule r : rules) {
      if (r.matches(d) || (!d.added() && r.targets(d) && !assertedBefore(db, d))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code db} holds the assertion that retraction {@code r} retracted. */
  private static boolean assertedBefore(DbValue db, Datom r) {
    Object[] c = {r.e(), r.a(), r.v()};
    Iterator<Datom> it = db.history().datoms(IndexOrder.EAVT, c);
    while (it.hasNext()) {
      Datom d = it.next();
      if (d.added() && d.tx() < r.tx()) {
        return true;
      }
    }
    return false;
  }

  /** The excisions the transaction at {@code t} asks for, checked against {@code db}. */
  private static List<Rule> requested(DbValue db, List<Datom> txDatoms, long t) {
    Set<Long> family = new LinkedHashSet<>();
    for (Keyword k :
        List.of(Idents.EXCISE, Idents.EXCISE_ATTRS, Idents.EXCISE_BEFORE_T, Idents.EXCISE_BEFORE)) {
      family.add(db.schema().attr(k).id());
    }
    Map<Long, List<Datom>> byEntity = new LinkedHashMap<>();
    for (Datom d : txDatoms) {
      // the family is bootstrap attributes: a user attribute's datom is passed without a lookup
      if (d.added() && d.a() < Bootstrap.FIRST_DB_COUNTER && family.contains(d.a())) {
        byEntity.computeIfAbsent(d.e(), k -> new ArrayList<>()).add(d);
      }
    }
    if (byEntity.isEmpty()) {
      return List.of();
    }
    long excise = db.schema().attr(Idents.EXCISE).id();
    List<Rule> out = new ArrayList<>();
    for (Map.Entry<Long, List<Datom>> x : byEntity.entrySet()) {
      Long target = null;
      for (Datom d : x.getValue()) {
        if (d.a() == excise) {
          target = (Long) d.v();
        }
      }
      if (target == null) {
        throw Anomaly.incorrect(
            CODE,
            "Excision entity " + x.getKey() + " names nothing to excise: it has no :db/excise");
      }
      checkTarget(db, target, excise);
      out.add(rule(db, target, x.getValue(), t));
    }
    return out;
  }

  private static void checkTarget(DbValue db, long e, long excise) {
    String refused = null;
    if (EntityId.partition(e) == EntityId.PART_TX) {
      refused = "is a transaction; transactions cannot be excised";
    } else if (EntityId.partition(e) == EntityId.PART_DB
        && EntityId.counter(e) < Bootstrap.FIRST_DB_COUNTER) {
      refused = "is a built-in entity";
    } else if (db.attr(e) == null && EntityId.partition(e) == EntityId.PART_DB) {
      refused = "is a schema entity that is not an attribute";
    } else if (db.attr(e) == null && db.schema().ident(e) != null) {
      refused = "has a :db/ident (" + db.schema().ident(e) + "); idents are schema";
    } else if (!db.currentDatoms(e, excise).isEmpty()) {
      refused = "is an excision record; records are kept";
    } else if (db.attr(e) != null ? db.attrCount(e) == 0 && !hasPast(db, e) : noDatoms(db, e)) {
      refused = "has no datoms: the excision names nothing";
    }
    if (refused != null) {
      throw Anomaly.incorrect(CODE, "Cannot excise " + e + ": it " + refused);
    }
  }

  private static boolean hasPast(DbValue db, long attr) {
    Object[] c = {attr};
    return db.indexes()
        .past(IndexOrder.AEVT)
        .slice(DbValue.lowest(IndexOrder.AEVT, c), DbValue.highest(IndexOrder.AEVT, c))
        .hasNext();
  }

  private static boolean noDatoms(DbValue db, long e) {
    Object[] c = {e};
    return db.currentDatoms(e).isEmpty()
        && !db.indexes()
            .past(IndexOrder.EAVT)
            .slice(DbValue.lowest(IndexOrder.EAVT, c), DbValue.highest(IndexOrder.EAVT, c))
            .hasNext();
  }

  /**
   * The excision of {@code target} that the datoms of its excision entity ({@code record})
   * describe, made by the transaction at {@code t}: datoms older than that transaction at most.
   */
  private static Rule rule(DbValue db, long target, List<Datom> record, long t) {
    long attrsAttr = db.schema().attr(Idents.EXCISE_ATTRS).id();
    long beforeTAttr = db.schema().attr(Idents.EXCISE_BEFORE_T).id();
    long beforeAttr = db.schema().attr(Idents.EXCISE_BEFORE).id();
    boolean attribute = db.attr(target) != null;
    Set<Long> attrs = new LinkedHashSet<>();
    long beforeT = t;
    for (Datom d : record) {
      if (d.a() == attrsAttr) {
        long a = (Long) d.v();
        if (db.attr(a) == null) {
          throw Anomaly.incorrect(CODE, ":db.excise/attrs names " + a + ", which is no attribute");
        }
        if (attribute) {
          throw Anomaly.incorrect(
              CODE,
              ":db.excise/attrs limits the excision of an entity; "
                  + db.attr(target).ident()
                  + " is an attribute (all of its values are excised)");
        }
        attrs.add(a);
      } else if (d.a() == beforeTAttr) {
        long n = (Long) d.v();
        beforeT =
            Math.min(beforeT, EntityId.partition(n) == EntityId.PART_TX ? EntityId.txToT(n) : n);
      } else if (d.a() == beforeAttr) {
        beforeT = Math.min(beforeT, Resolver.firstTAtOrAfter(db, (Date) d.v()));
      }
    }
    // a composite tuple holds its components' values: it goes with them
    Set<Long> excised = attribute ? Set.of(target) : Set.copyOf(attrs);
    Set<Long> composites = new LinkedHashSet<>();
    for (long a : excised) {
      db.schema().compositesOf(a).forEach(c -> composites.add(c.id()));
    }
    if (attribute || !attrs.isEmpty()) {
      attrs.addAll(composites);
    }
    return new Rule(target, attribute, Set.copyOf(attrs), beforeT, t);
  }
}
