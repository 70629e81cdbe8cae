package io.vertomic.db;

import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.datom.IndexOrder;
import io.vertomic.datom.Values;
import io.vertomic.edn.Keyword;
import io.vertomic.fulltext.FulltextHit;
import io.vertomic.index.DatomTree;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Bootstrap;
import io.vertomic.schema.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The immutable database value: {@link Indexes} and {@link Schema} as of {@code basisT}, seen
 * through a view (current, as-of, since, history). Every method is a pure read; deriving a view or
 * the value after a transaction shares all structure. Thread-safe.
 *
 * <p>Arguments here are already resolved (ids as {@code long}); {@link Resolver} turns user input
 * (idents, lookup refs, {@code ":ns/name"} strings) into them.
 */
public final class DbValue {
  private final Indexes indexes;
  private final Schema schema;
  private final long basisT;
  private final long nextT;
  private final long nextDbCounter;
  private final long asOfT;
  private final long sinceT;
  private final boolean history;
  private final DatomFilter filter;
  private DbValue withoutFilter;

  private DbValue(
      Indexes indexes,
      Schema schema,
      long basisT,
      long nextT,
      long nextDbCounter,
      long asOfT,
      long sinceT,
      boolean history,
      DatomFilter filter) {
    this.indexes = indexes;
    this.schema = schema;
    this.basisT = basisT;
    this.nextT = nextT;
    this.nextDbCounter = nextDbCounter;
    this.asOfT = asOfT;
    this.sinceT = sinceT;
    this.history = history;
    this.filter = filter;
  }

  /** A new database holding only the bootstrap datoms, at {@code t = 0}. */
  public static DbValue bootstrap() {
    List<Datom> boot = Bootstrap.datoms();
    List<Long> entities = new ArrayList<>();
    for (Datom d : boot) {
      if (entities.isEmpty() || entities.get(entities.size() - 1) != d.e()) {
        entities.add(d.e());
      }
    }
    Schema schema = Schema.empty().update(entities, e -> datomsOf(boot, e));
    Indexes idx = Indexes.empty().apply(schema, boot, List.of(), List.of());
    return new DbValue(
        idx, schema, 0, Bootstrap.FIRST_USER_T, Bootstrap.FIRST_DB_COUNTER, -1, -1, false, null);
  }

  /**
   * The database whose indexes are {@code indexes} (read back from storage) at basis {@code
   * basisT}: the schema is rebuilt from the schema datoms they hold.
   */
  public static DbValue restore(Indexes stored, long basisT, long nextT, long nextDbCounter) {
    Indexes indexes = withMissingBootstrap(stored);
    DatomTree eavt = indexes.current(IndexOrder.EAVT);
    DatomTree aevt = indexes.current(IndexOrder.AEVT);
    java.util.SortedSet<Long> entities = new java.util.TreeSet<>();
    for (long a : Bootstrap.SCHEMA_ATTRIBUTES) {
      aevt.slice(Bounds.min(a), Bounds.max(a)).forEachRemaining(d -> entities.add(d.e()));
    }
    Schema schema =
        Schema.empty()
            .update(
                entities,
                e -> {
                  List<Datom> out = new ArrayList<>();
                  eavt.slice(
                          new Datom(e, Long.MIN_VALUE, Values.MIN, Long.MIN_VALUE, true),
                          new Datom(e, Long.MAX_VALUE, Values.MAX, Long.MAX_VALUE, false))
                      .forEachRemaining(out::add);
                  return out;
                });
    return new DbValue(indexes, schema, basisT, nextT, nextDbCounter, -1, -1, false, null);
  }

  /**
   * {@code indexes} with the bootstrap entities they lack: a database indexed before a bootstrap
   * attribute existed ({@code :vertomic.tx/access-key} came after the others) gets its datoms as if
   * it had always had them, at {@code t = 0}. Every process that loads the same root adds the same
   * datoms, and the next index job stores them.
   */
  static Indexes withMissingBootstrap(Indexes indexes) {
    DatomTree eavt = indexes.current(IndexOrder.EAVT);
    List<Datom> boot = Bootstrap.datoms();
    java.util.Set<Long> missing = new java.util.HashSet<>();
    for (Datom d : boot) {
      if (d.a() == IDENT_ATTR
          && !eavt.slice(
                  new Datom(d.e(), IDENT_ATTR, Values.MIN, Long.MIN_VALUE, true),
                  new Datom(d.e(), IDENT_ATTR, Values.MAX, Long.MAX_VALUE, false))
              .hasNext()) {
        missing.add(d.e());
      }
    }
    if (missing.isEmpty()) {
      return indexes;
    }
    List<Datom> adds = new ArrayList<>();
    for (Datom d : boot) {
      boolean installs = d.a() == INSTALL_ATTR && missing.contains((Long) d.v());
      if (missing.contains(d.e()) || installs) {
        adds.add(d);
      }
    }
    return indexes.apply(bootstrap().schema(), adds, List.of(), List.of());
  }

  private static final long IDENT_ATTR = 10;
  private static final long INSTALL_ATTR = 13;

  private static List<Datom> datomsOf(List<Datom> ds, long e) {
    List<Datom> out = new ArrayList<>();
    for (Datom d : ds) {
      if (d.e() == e) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * The value after a transaction with basis {@code t}: new indexes and schema, the current view,
   * no filter.
   */
  public DbValue next(Indexes indexes, Schema schema, long t, long nextT, long nextDbCounter) {
    return new DbValue(indexes, schema, t, nextT, nextDbCounter, -1, -1, false, null);
  }

  public Indexes indexes() {
    return indexes;
  }

  public Schema schema() {
    return schema;
  }

  /** The t of the most recent transaction. */
  public long basisT() {
    return basisT;
  }

  /** The counter the next transaction's t starts from; new entities draw from it too. */
  public long nextT() {
    return nextT;
  }

  /** The next free counter in {@code :db.part/db}. */
  public long nextDbCounter() {
    return nextDbCounter;
  }

  public long asOfT() {
    return asOfT;
  }

  public long sinceT() {
    return sinceT;
  }

  public boolean isHistory() {
    return history;
  }

  /**
   * Whether this is the plain current view: no as-of, since or history view and no datom filter, so
   * that reads may go straight to the current trees.
   */
  public boolean isCurrent() {
    return asOfT < 0 && sinceT < 0 && !history && filter == null;
  }

  /** Whether a datom filter ({@link #filtered}) hides datoms of this value. */
  public boolean isFiltered() {
    return filter != null;
  }

  /** This value as of {@code t}, with the same filter. */
  public DbValue asOf(long t) {
    return new DbValue(indexes, schema, basisT, nextT, nextDbCounter, t, sinceT, history, filter);
  }

  /**
   * The database as it was just after transaction {@code t}: as of {@code t}, with {@code t} as its
   * basis (the db-after of a transaction reported long after it was applied). Its next t and
   * counter stay this value's, so nothing made from it reuses an id.
   */
  public DbValue at(long t) {
    return new DbValue(indexes, schema, t, nextT, nextDbCounter, t, sinceT, history, filter);
  }

  /** This value since {@code t}, with the same filter. */
  public DbValue since(long t) {
    return new DbValue(indexes, schema, basisT, nextT, nextDbCounter, asOfT, t, history, filter);
  }

  /** The history view of this value, with the same filter. */
  public DbValue history() {
    return new DbValue(indexes, schema, basisT, nextT, nextDbCounter, asOfT, sinceT, true, filter);
  }

  /** This value with {@code f} added to its filters: reads see the datoms every filter keeps. */
  public DbValue filtered(DatomFilter f) {
    DatomFilter both = filter == null ? f : filter.and(f);
    return new DbValue(indexes, schema, basisT, nextT, nextDbCounter, asOfT, sinceT, history, both);
  }

  /** {@code other} with this value's filter added (as Datomic's {@code with} keeps a filter). */
  public DbValue refiltered(DbValue other) {
    return filter == null ? other : other.filtered(filter);
  }

  /** This value in the plain current view, without filters: what transactions see. */
  public DbValue unfiltered() {
    return isCurrent()
        ? this
        : new DbValue(indexes, schema, basisT, nextT, nextDbCounter, -1, -1, false, null);
  }

  /** This value in the same time view without its filters: the database a filter is given. */
  private DbValue withoutFilter() {
    DbValue plain = withoutFilter;
    if (plain == null) {
      plain =
          new DbValue(indexes, schema, basisT, nextT, nextDbCounter, asOfT, sinceT, history, null);
      withoutFilter = plain; // a benign race: any thread's copy is as good
    }
    return plain;
  }

  /**
   * The datoms of {@code order} from {@code from} to {@code to} (inclusive; null is open), as this
   * view sees them.
   */
  public Iterator<Datom> scan(IndexOrder order, Datom from, Datom to) {
    return viewed(order, from, to, false);
  }

  /**
   * The datoms of {@code order} from {@code from} down to {@code to} (inclusive; null is open), in
   * descending order, as this view sees them. Lazy, like {@link #scan}.
   */
  public Iterator<Datom> rscan(IndexOrder order, Datom from, Datom to) {
    return viewed(order, from, to, true);
  }

  private Iterator<Datom> viewed(IndexOrder order, Datom from, Datom to, boolean descending) {
    return filter == null
        ? timeViewed(order, from, to, descending)
        : filteredView(order, from, to, descending);
  }

  /**
   * A filtered value's datoms. As in Datomic, the filter picks among every assertion and retraction
   * in the view's time range, and the view is resolved from what it keeps: dropping a retraction
   * brings back the value it retracted, dropping the current assertion leaves no value.
   */
  private Iterator<Datom> filteredView(IndexOrder order, Datom from, Datom to, boolean descending) {
    long asOfTx = asOfT < 0 ? Long.MAX_VALUE : EntityId.tToTx(asOfT);
    long sinceTx = sinceT < 0 ? Long.MIN_VALUE : EntityId.tToTx(sinceT);
    Iterator<Datom> current =
        descending
            ? indexes.current(order).rslice(from, to)
            : indexes.current(order).slice(from, to);
    Iterator<Datom> past =
        descending ? indexes.past(order).rslice(from, to) : indexes.past(order).slice(from, to);
    return Scan.filtered(
        order,
        current,
        past,
        d -> d.tx() <= asOfTx && d.tx() > sinceTx,
        filter.bind(withoutFilter()),
        history,
        descending);
  }

  private Iterator<Datom> timeViewed(IndexOrder order, Datom from, Datom to, boolean descending) {
    Iterator<Datom> current =
        descending
            ? indexes.current(order).rslice(from, to)
            : indexes.current(order).slice(from, to);
    if (isCurrent()) {
      return current;
    }
    long sinceTx = sinceT < 0 ? Long.MIN_VALUE : EntityId.tToTx(sinceT);
    if (!history && asOfT < 0) {
      return Scan.since(current, sinceTx);
    }
    long asOfTx = asOfT < 0 ? Long.MAX_VALUE : EntityId.tToTx(asOfT);
    if (descending) {
      Iterator<Datom> past = indexes.past(order).rslice(from, to);
      return history
          ? Scan.rhistory(order, current, past, asOfTx, sinceTx)
          : Scan.rasOf(order, current, past, asOfTx, sinceTx);
    }
    Iterator<Datom> past = indexes.past(order).slice(from, to);
    return history
        ? Scan.history(order, current, past, asOfTx, sinceTx)
        : Scan.asOf(order, current, past, asOfTx, sinceTx);
  }

  /** The lowest possible datom of {@code order} with leading components {@code comps}. */
  public static Datom lowest(IndexOrder order, Object[] comps) {
    return Bounds.from(order, comps);
  }

  /** The highest possible datom of {@code order} with leading components {@code comps}. */
  public static Datom highest(IndexOrder order, Object[] comps) {
    return Bounds.to(order, comps);
  }

  /**
   * Datomic's {@code db-stats}: how many datoms the database holds, assertions and retractions of
   * all time (whatever this view's filter, as Datomic counts), and that count per attribute, keyed
   * by ident; attributes without datoms are left out. Reads only subtree counts: a few node reads
   * per attribute, whatever the size.
   */
  public Map<Keyword, Object> stats() {
    Keyword count = Keyword.of("count");
    Map<Keyword, Object> attrs = new TreeMap<>();
    long total = 0;
    for (Attr a : schema.attrs()) {
      Datom lo = Bounds.min(a.id());
      Datom hi = Bounds.max(a.id());
      long n =
          indexes.current(IndexOrder.AEVT).count(lo, hi)
              + indexes.past(IndexOrder.AEVT).count(lo, hi);
      if (n > 0) {
        attrs.put(a.ident(), Map.of(count, n));
        total += n;
      }
    }
    Map<Keyword, Object> out = new LinkedHashMap<>();
    out.put(Keyword.of("datoms"), total);
    out.put(Keyword.of("attrs"), attrs);
    return out;
  }

  /** The datoms of {@code order} whose leading components equal {@code comps} (resolved). */
  public Iterator<Datom> datoms(IndexOrder order, Object[] comps) {
    Iterator<Datom> it = scan(order, Bounds.from(order, comps), Bounds.to(order, comps));
    if (comps.length > 3 && comps[3] != null) {
      long tx = (Long) comps[3];
      List<Datom> out = new ArrayList<>();
      it.forEachRemaining(
          d -> {
            if (d.tx() == tx) {
              out.add(d);
            }
          });
      return out.iterator();
    }
    return it;
  }

  /**
   * The same as {@link #datoms(IndexOrder, Object[])}, moving {@code previous} (an iterator this
   * method returned before, which its caller is done with) to the new range where it can: a join's
   * lookups, one after another, allocate no cursor each.
   */
  public Iterator<Datom> datoms(IndexOrder order, Object[] comps, Iterator<Datom> previous) {
    if (!isCurrent() || comps.length > 3 && comps[3] != null) {
      return datoms(order, comps);
    }
    return indexes
        .current(order)
        .slice(Bounds.from(order, comps), Bounds.to(order, comps), previous);
  }

  /**
   * The AVET datoms of attribute {@code a} with {@code lo <= v < hi} (stored values; a null bound
   * is open), as this view sees them.
   */
  public Iterator<Datom> indexRange(long a, Object lo, Object hi) {
    Datom from = lo == null ? Bounds.min(a) : Bounds.from(IndexOrder.AVET, new Object[] {a, lo});
    Iterator<Datom> it = scan(IndexOrder.AVET, from, Bounds.max(a));
    return hi == null ? it : Scan.takeWhile(it, d -> Values.compare(d.v(), hi) < 0);
  }

  /**
   * The fulltext search {@code search} of attribute {@code a} (see {@link
   * io.vertomic.fulltext.FulltextIndex#search}), keeping, as Datomic does, every indexed datom (an
   * assertion or a retraction) whose entity, attribute and value this view holds: a value asserted
   * again after its retraction is found three times in the current view. Scores are relative to the
   * best hit in the whole index, this view or not.
   *
   * <p>Like Datomic's, a search keeps only the best {@link
   * io.vertomic.fulltext.FulltextIndex#MAX_HITS} hits of the whole index (equal scores oldest
   * first) before the view keeps its own.
   */
  public List<FulltextHit> fulltext(long a, String search, String where) {
    List<FulltextHit> out = new ArrayList<>();
    Map<Datom, Boolean> seen = new java.util.HashMap<>();
    for (FulltextHit h : indexes.fulltext().search(a, search, where)) {
      Datom d = h.datom();
      Datom key = new Datom(d.e(), d.a(), d.v(), 0, true);
      if (seen.computeIfAbsent(
          key, k -> datoms(IndexOrder.EAVT, new Object[] {k.e(), k.a(), k.v()}).hasNext())) {
        out.add(h);
      }
    }
    return out;
  }

  /** The datoms of {@code order} at or after {@code comps}, to the end of the index. */
  public Iterator<Datom> seek(IndexOrder order, Object[] comps) {
    return scan(order, Bounds.from(order, comps), null);
  }

  /** The current datoms of entity {@code e} (unfiltered: what transactions see). */
  public List<Datom> currentDatoms(long e) {
    List<Datom> out = new ArrayList<>();
    indexes
        .current(IndexOrder.EAVT)
        .slice(
            Bounds.from(IndexOrder.EAVT, new Object[] {e}),
            Bounds.to(IndexOrder.EAVT, new Object[] {e}))
        .forEachRemaining(out::add);
    return out;
  }

  /** The current datoms of entity {@code e} and attribute {@code a} (unfiltered). */
  public List<Datom> currentDatoms(long e, long a) {
    List<Datom> out = new ArrayList<>(2);
    Object[] c = {e, a};
    indexes
        .current(IndexOrder.EAVT)
        .slice(Bounds.from(IndexOrder.EAVT, c), Bounds.to(IndexOrder.EAVT, c))
        .forEachRemaining(out::add);
    return out;
  }

  /** The current datom (e, a, v), or null (unfiltered). */
  public Datom currentDatom(long e, long a, Object v) {
    return indexes.current(IndexOrder.EAVT).get(new Datom(e, a, v, 0, true));
  }

  /**
   * The entity that currently has value {@code v} for unique attribute {@code a}, or null
   * (unfiltered; {@code a} must be in AVET).
   */
  public Long entityWith(long a, Object v) {
    Object[] c = {a, v};
    Iterator<Datom> it =
        indexes
            .current(IndexOrder.AVET)
            .slice(Bounds.from(IndexOrder.AVET, c), Bounds.to(IndexOrder.AVET, c));
    return it.hasNext() ? it.next().e() : null;
  }

  /** Whether any current datom refers to {@code e} through attribute {@code a} (unfiltered). */
  public Iterator<Datom> currentRefsTo(long e) {
    Object[] c = {e};
    return indexes
        .current(IndexOrder.VAET)
        .slice(Bounds.from(IndexOrder.VAET, c), Bounds.to(IndexOrder.VAET, c));
  }

  /** The attribute with id {@code id}, or null. */
  public Attr attr(long id) {
    return schema.attr(id);
  }

  /**
   * About how many current datoms attribute {@code attr} has, read from the AEVT tree's subtree
   * counts (a few node reads, whatever the size): the figure the query planner estimates with.
   */
  public long attrCount(long attr) {
    return currentCount(IndexOrder.AEVT, new Object[] {attr});
  }

  /**
   * How many current datoms of {@code order} have the leading components {@code comps} (resolved,
   * as {@link #datoms} takes them), from the subtree counts: the per-value figure the planner
   * estimates with, e.g. the datoms of one attribute and value in AVET.
   */
  public long currentCount(IndexOrder order, Object[] comps) {
    return indexes.current(order).count(Bounds.from(order, comps), Bounds.to(order, comps));
  }

  /** How many datoms this view holds. */
  public long datomCount() {
    if (isCurrent()) {
      return indexes.current(IndexOrder.EAVT).size();
    }
    long n = 0;
    for (Iterator<Datom> it = scan(IndexOrder.EAVT, null, null); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }
}
