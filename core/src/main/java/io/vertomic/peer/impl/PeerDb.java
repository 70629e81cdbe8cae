package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.datom.IndexOrder;
import io.vertomic.db.DbValue;
import io.vertomic.db.EntityView;
import io.vertomic.db.Resolver;
import io.vertomic.edn.DbFn;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Attribute;
import io.vertomic.peer.Database;
import io.vertomic.peer.Entity;
import io.vertomic.peer.TxReport;
import io.vertomic.pull.Pull;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Idents;
import io.vertomic.tx.DatabaseFunctions;
import io.vertomic.tx.TxProcessor;
import io.vertomic.tx.TxResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/** The public {@link Database} over a {@link DbValue}: resolves user arguments, then reads. */
public final class PeerDb implements Database {

  private final LazyValue value;

  public PeerDb(DbValue db) {
    this.value = LazyValue.known(db);
  }

  /**
   * A database whose value is computed at its first use: the db-after of a transaction that was
   * applied together with others, which its caller may never read.
   */
  PeerDb(LazyValue value) {
    this.value = value;
  }

  /** The value behind this database. */
  public DbValue value() {
    return value.get();
  }

  @Override
  public long basisT() {
    return value().basisT();
  }

  @Override
  public long asOfT() {
    return value().asOfT();
  }

  @Override
  public long sinceT() {
    return value().sinceT();
  }

  @Override
  public boolean isHistory() {
    return value().isHistory();
  }

  @Override
  public Database asOf(Object t) {
    return new PeerDb(value().asOf(Resolver.t(value(), t)));
  }

  @Override
  public Database since(Object t) {
    return new PeerDb(value().since(Resolver.t(value(), t)));
  }

  @Override
  public Database history() {
    return new PeerDb(value().history());
  }

  @Override
  public Database filter(BiPredicate<Database, Datom> pred) {
    if (pred == null) {
      throw Anomaly.incorrect("db.error/invalid-filter", "filter needs a predicate, got nil");
    }
    return new PeerDb(
        value().filtered(unfiltered -> DatomFilters.keep(pred, new PeerDb(unfiltered))));
  }

  @Override
  public boolean isFiltered() {
    return value().isFiltered();
  }

  @Override
  public TxReport with(Object txData) {
    if (txData == null) {
      throw Anomaly.incorrect("db.error/invalid-tx-data", "Transaction data is nil");
    }
    TxProcessor processor =
        new TxProcessor(PeerDb::new, () -> Catalog.instance().options().isDatabaseFunctions());
    DbValue db = value();
    TxResult r = processor.process(db, txData, new Date());
    // the values before and after keep this value's filter, as Datomic's with does
    return LocalConnection.report(
        new TxResult(db.refiltered(r.before()), db.refiltered(r.after()), r.txData(), r.tempids()));
  }

  @Override
  public Entity entity(Object eid) {
    Long id = Resolver.entid(value(), eid);
    return id == null ? null : new EntityView(value(), this, id);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<Keyword, Object> pull(Object selector, Object eid) {
    // keys are keywords unless the selector renames them with :as
    return (Map<Keyword, Object>) (Map<?, ?>) Pull.pull(value(), selector, eid);
  }

  @Override
  public List<Map<Keyword, Object>> pullMany(Object selector, List<?> eids) {
    List<Map<Keyword, Object>> out = new ArrayList<>(eids.size());
    for (Object eid : eids) {
      out.add(pull(selector, eid));
    }
    return out;
  }

  @Override
  public Iterable<Datom> datoms(Object index, Object... components) {
    IndexOrder order = IndexOrder.named(index);
    Object[] comps =
        Resolver.components(value(), order, components == null ? new Object[0] : components);
    return () -> value().datoms(order, comps);
  }

  @Override
  public Iterable<Datom> seekDatoms(Object index, Object... components) {
    IndexOrder order = IndexOrder.named(index);
    Object[] comps =
        Resolver.components(value(), order, components == null ? new Object[0] : components);
    return () -> value().seek(order, comps);
  }

  @Override
  public Iterable<Datom> indexRange(Object attr, Object start, Object end) {
    Attr a = Resolver.attr(value(), attr);
    if (!a.inAvet()) {
      throw Anomaly.incorrect(
          "db.error/attribute-not-indexed",
          "Attribute "
              + a.ident()
              + " is not indexed: indexRange needs :db/index true or :db/unique");
    }
    Object lo = start == null ? null : Resolver.value(value(), a, start);
    Object hi = end == null ? null : Resolver.value(value(), a, end);
    return () -> value().indexRange(a.id(), lo, hi);
  }

  @Override
  public Long entid(Object ident) {
    return Resolver.entid(value(), ident);
  }

  @Override
  public Keyword ident(Object eid) {
    Long id = Resolver.entid(value(), eid);
    return id == null ? null : value().schema().ident(id);
  }

  @Override
  public Attribute attribute(Object attr) {
    Attr a;
    try {
      a = Resolver.attr(value(), attr);
    } catch (Anomaly x) {
      return null;
    }
    return new Attribute(
        a.id(),
        a.ident(),
        a.type().ident(),
        a.cardinalityIdent(),
        a.unique().ident(),
        a.inAvet(),
        a.component(),
        a.noHistory(),
        a.fulltext());
  }

  @Override
  public long datomCount() {
    return value().datomCount();
  }

  @Override
  public long nextT() {
    return value().nextT();
  }

  @Override
  public long entidAt(Object partition, Object tOrDate) {
    long part = io.vertomic.tx.Partitions.number(value(), partition);
    long t;
    if (tOrDate instanceof java.util.Date date) {
      // :db/txInstant is in AVET: its first value at or after the date
      long txInstant = value().schema().attr(Idents.TX_INSTANT).id();
      Iterator<Datom> first = value().indexRange(txInstant, date, null);
      t = first.hasNext() ? EntityId.txToT(first.next().e()) : value().nextT();
    } else if (tOrDate instanceof Number n) {
      t = EntityId.txToT(n.longValue());
    } else {
      throw Anomaly.incorrect(
          "db.error/invalid-t", "entidAt takes a t or a date, got " + Resolver.describe(tOrDate));
    }
    return EntityId.of(part, t);
  }

  @Override
  public Map<Keyword, Object> dbStats() {
    return value().stats();
  }

  @Override
  public Iterable<Map<Keyword, Object>> indexPull(Map<?, ?> args) {
    return IndexPull.of(value(), args);
  }

  @Override
  public Object invoke(Object fnIdent, Object... args) {
    Keyword k = Resolver.keyword(fnIdent);
    String name = k != null ? k.toString() : Resolver.describe(fnIdent);
    Long e = Resolver.entid(value(), fnIdent);
    if (e == null) {
      throw Anomaly.notFound("db.error/not-an-entity", "Unable to resolve entity: " + name);
    }
    Object fn = new EntityView(value(), this, e).get(Idents.FN);
    if (!(fn instanceof DbFn f)) {
      throw Anomaly.incorrect("db.error/not-a-data-function", "Not a data function: " + name);
    }
    List<Object> given = args == null ? List.of() : Arrays.asList(args);
    return DatabaseFunctions.invoke(f, "database function " + name, given);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeerDb p && p.value() == value();
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(value());
  }

  @Override
  public String toString() {
    return "#db{:basis-t " + value().basisT() + "}";
  }
}
