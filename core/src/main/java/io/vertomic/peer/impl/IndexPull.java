package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.pull.Pull;
import io.vertomic.schema.Attr;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Datomic's {@code index-pull} behind {@code Database.indexPull}: checks the arguments once, then
 * each pass walks AVET (pulling each datom's entity) or AEVT (pulling each datom's value) from the
 * start position, within the start attribute, upwards or with {@code :reverse} downwards. Nothing
 * is pulled before it is consumed, so memory stays that of one pulled map whatever the walk's
 * length. {@code :offset} and {@code :limit} are Datomic's client API keys (its peer ignores them);
 * they are applied to the pulled sequence. An entity the selector finds nothing of is null
 * (Datomic's nil), not an empty map.
 */
final class IndexPull implements Iterable<Map<Keyword, Object>> {
  private final DbValue db;
  private final IndexOrder order;
  private final Object selector;
  private final Datom from;
  private final Datom to;
  private final boolean reverse;
  private final long offset;
  private final long limit;

  private IndexPull(
      DbValue db,
      IndexOrder order,
      Object selector,
      Datom from,
      Datom to,
      boolean reverse,
      long offset,
      long limit) {
    this.db = db;
    this.order = order;
    this.selector = selector;
    this.from = from;
    this.to = to;
    this.reverse = reverse;
    this.offset = offset;
    this.limit = limit;
  }

  static IndexPull of(DbValue db, Map<?, ?> args) {
    Object index = arg(args, "index");
    Object selector = arg(args, "selector");
    List<?> start = start(arg(args, "start"));
    if (index == null || selector == null || start == null || start.isEmpty()) {
      throw Anomaly.incorrect(
          "db.error/nil-input",
          "indexPull needs :index, :selector and :start (a vector with at least the attribute),"
              + " got "
              + Edn.write(args));
    }
    if (db.isHistory()) {
      throw Anomaly.incorrect("db.error/invalid-pull", "Can't pull from history: indexPull");
    }
    IndexOrder order = order(index);
    Attr a = Resolver.attr(db, start.get(0));
    if (order == IndexOrder.AVET && !a.inAvet()) {
      throw Anomaly.incorrect(
          "db.error/attribute-not-indexed",
          "Attribute "
              + a.ident()
              + " is not indexed: indexPull on :avet needs :db/index true or :db/unique");
    }
    if (order == IndexOrder.AEVT && !(a.many() && a.isRef())) {
      throw Anomaly.incorrect(
          "db.error/invalid-pull",
          "Attribute "
              + a.ident()
              + " is not a cardinality-many reference, as indexPull on :aevt requires");
    }
    Object sel = selector instanceof String s ? Edn.read(s) : selector;
    Pull.pull(db, sel, 0L); // a malformed selector fails here, not at the first item
    Object[] comps = Resolver.components(db, order, start.toArray());
    Object[] attrOnly = {a.id()};
    boolean reverse = Boolean.TRUE.equals(arg(args, "reverse"));
    Datom from = reverse ? DbValue.highest(order, comps) : DbValue.lowest(order, comps);
    Datom to = reverse ? DbValue.lowest(order, attrOnly) : DbValue.highest(order, attrOnly);
    return new IndexPull(
        db,
        order,
        sel,
        from,
        to,
        reverse,
        count(args, "offset", 0),
        count(args, "limit", Long.MAX_VALUE));
  }

  @Override
  public Iterator<Map<Keyword, Object>> iterator() {
    Iterator<Datom> datoms = reverse ? db.rscan(order, from, to) : db.scan(order, from, to);
    for (long i = 0; i < offset && datoms.hasNext(); i++) {
      datoms.next();
    }
    return new Iterator<>() {
      private long taken;

      @Override
      public boolean hasNext() {
        return taken < limit && datoms.hasNext();
      }

      @Override
      @SuppressWarnings("unchecked")
      public Map<Keyword, Object> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        taken++;
        Datom d = datoms.next();
        Object eid = order == IndexOrder.AVET ? d.e() : d.v();
        // keys are keywords unless the selector renames them with :as; as Datomic's index-pull,
        // an entity the selector finds nothing of is nil, not {}
        Map<?, ?> m = Pull.pull(db, selector, eid);
        return m == null || m.isEmpty() ? null : (Map<Keyword, Object>) m;
      }
    };
  }

  private static IndexOrder order(Object index) {
    Keyword k = Resolver.keyword(index);
    String name = k != null ? k.text() : index instanceof String s ? s : null;
    if ("avet".equals(name)) {
      return IndexOrder.AVET;
    }
    if ("aevt".equals(name)) {
      return IndexOrder.AEVT;
    }
    throw Anomaly.incorrect(
        "db.error/invalid-pull",
        Edn.write(index) + " is an invalid index for indexPull, must be :avet or :aevt");
  }

  private static List<?> start(Object start) {
    Object s = start instanceof String text ? Edn.read(text) : start;
    if (s != null && !(s instanceof List<?>)) {
      throw Anomaly.incorrect(
          "db.error/invalid-pull",
          "indexPull :start must be a vector (attribute first), got " + Edn.write(start));
    }
    return (List<?>) s;
  }

  private static long count(Map<?, ?> args, String key, long dflt) {
    Object x = arg(args, key);
    if (x == null) {
      return dflt;
    }
    if (!(x instanceof Number n) || n.longValue() < 0) {
      throw Anomaly.incorrect(
          "db.error/invalid-pull",
          "indexPull :" + key + " must be a number >= 0, got " + Edn.write(x));
    }
    return n.longValue();
  }

  // keys as Datomic users write them, or as the ":name" and "name" strings of JSON and Java maps
  private static Object arg(Map<?, ?> args, String key) {
    Object v = args.get(Keyword.of(key));
    if (v == null) {
      v = args.get(":" + key);
    }
    return v != null ? v : args.get(key);
  }
}
