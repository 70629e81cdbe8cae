package io.vertomic.conformance;

import datomic.Connection;
import datomic.Database;
import datomic.Datom;
import datomic.Entity;
import datomic.Peer;
import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

/** A history on Datomic's in-memory peer ({@code datomic:mem://}), through its Java API. */
final class DatomicSession extends Session<Database> {
  private static final AtomicLong COUNTER = new AtomicLong();
  private final String uri = "datomic:mem://difftest-" + COUNTER.incrementAndGet();
  private final Connection conn;
  private final Session.EntityParts parts = new Parts();

  /** How the detail of an error starts when Datomic failed inside itself, not on bad input. */
  static final String INTERNAL = "internal error: ";

  DatomicSession(History history) {
    super(history);
    Peer.createDatabase(uri);
    conn = Peer.connect(uri);
  }

  @Override
  Done transact(List<Object> tx) throws Exception {
    Map<?, ?> r = conn.transact((List<?>) ClojureValues.toClojure(tx)).get();
    return done(r, tx);
  }

  private static Done done(Map<?, ?> r, List<Object> tx) {
    Database after = (Database) r.get(Connection.DB_AFTER);
    Object tempids = r.get(Connection.TEMPIDS);
    Map<String, Long> out = new LinkedHashMap<>();
    for (String name : History.tempids(tx)) {
      Object id = Peer.resolveTempid(after, tempids, name);
      if (id != null) {
        out.put(name, (Long) id);
      }
    }
    List<?> data = (List<?>) r.get(Connection.TX_DATA);
    long txId = data.isEmpty() ? -1 : (Long) ((Datom) data.get(0)).tx();
    return new Done(txId, after.basisT(), out);
  }

  @Override
  Database db() {
    return conn.db();
  }

  @Override
  Database asOf(Database db, long t) {
    return db.asOf(t);
  }

  @Override
  Database since(Database db, long t) {
    return db.since(t);
  }

  @Override
  Database history(Database db) {
    return db.history();
  }

  @Override
  long txId(long t) {
    return (Long) Peer.toTx(t);
  }

  @Override
  Database filtered(Database db, Object spec, LongUnaryOperator txOf) {
    Database out = db;
    for (FilterSpec.Test<Database, Datom> t :
        FilterSpec.bind(
            spec,
            DATOM_VIEW,
            a -> db.entid(ClojureValues.toClojure(a)) instanceof Number n ? n.longValue() : null,
            txOf,
            ClojureValues::toClojure)) {
      out = out.filter((Database.Predicate<Datom>) t::keep);
    }
    return out;
  }

  private static final FilterSpec.DatomView<Database, Datom> DATOM_VIEW =
      new FilterSpec.DatomView<>() {
        public long e(Datom d) {
          return ((Number) d.e()).longValue();
        }

        public long a(Datom d) {
          return ((Number) d.a()).longValue();
        }

        public Object v(Datom d) {
          return d.v();
        }

        public long tx(Datom d) {
          return ((Number) d.tx()).longValue();
        }

        public boolean added(Datom d) {
          return d.added();
        }

        public boolean entityHas(Database u, long e, long a) {
          return u.datoms(Database.EAVT, e, a).iterator().hasNext();
        }
      };

  @Override
  Database with(Database db, List<Object> tx, Map<String, Long> tempids) {
    Map<?, ?> r = db.with((List<?>) ClojureValues.toClojure(tx));
    tempids.putAll(done(r, tx).tempids());
    return (Database) r.get(Connection.DB_AFTER);
  }

  @Override
  Object query(Object query, List<Object> inputs) {
    Object[] in = new Object[inputs.size()];
    for (int i = 0; i < in.length; i++) {
      Object x = inputs.get(i);
      in[i] = x instanceof Database ? x : ClojureValues.toClojure(x);
    }
    return ClojureValues.toJava(Peer.query(ClojureValues.toClojure(query), in));
  }

  @Override
  Object pull(Database db, Object selector, Object eid) {
    return ClojureValues.toJava(
        db.pull(ClojureValues.toClojure(selector), ClojureValues.toClojure(eid)));
  }

  @Override
  Object pullMany(Database db, Object selector, List<?> eids) {
    return ClojureValues.toJava(
        db.pullMany(ClojureValues.toClojure(selector), (List<?>) ClojureValues.toClojure(eids)));
  }

  @Override
  Object entity(Database db, Object eid) {
    Entity e = db.entity(ClojureValues.toClojure(eid));
    return e == null ? null : entityMap(e.touch(), parts, 0);
  }

  @Override
  Object datoms(Database db, Keyword index, List<Object> components) {
    Object[] c = new Object[components.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = ClojureValues.toClojure(components.get(i));
    }
    return rows(db.datoms(ClojureValues.toClojure(index), c), d -> row(db, (Datom) d));
  }

  @Override
  Object indexRange(Database db, Object attr, Object start, Object end) {
    return rows(
        db.indexRange(
            ClojureValues.toClojure(attr),
            ClojureValues.toClojure(start),
            ClojureValues.toClojure(end)),
        d -> row(db, (Datom) d));
  }

  private static List<Object> row(Database db, Datom d) {
    List<Object> row = new ArrayList<>();
    row.add(d.e());
    row.add(ClojureValues.toJava(db.ident(d.a())));
    row.add(ClojureValues.toJava(d.v()));
    row.add(d.tx());
    row.add(d.added());
    return row;
  }

  @Override
  Outcome failure(Throwable e) {
    StringBuilder out = new StringBuilder();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IndexOutOfBoundsException
        || root instanceof NullPointerException
        || root instanceof ClassCastException
        || root instanceof StackOverflowError) {
      out.append(INTERNAL);
    }
    for (Throwable t = e; t != null && out.length() < 400; t = t.getCause()) {
      out.append(out.length() == 0 ? "" : " <- ")
          .append(t.getClass().getSimpleName())
          .append(": ")
          .append(t.getMessage());
      if (t.getCause() == t) {
        break;
      }
    }
    return Outcome.error(out.toString());
  }

  @Override
  public void close() {
    conn.release();
    Peer.deleteDatabase(uri);
  }

  private static final class Parts implements Session.EntityParts {
    @Override
    public boolean isEntity(Object v) {
      return v instanceof Entity;
    }

    @Override
    public long id(Object entity) {
      return (Long) ((Entity) entity).get(":db/id");
    }

    @Override
    public Collection<Keyword> keys(Object entity) {
      List<Keyword> out = new ArrayList<>();
      for (Object k : ((Entity) entity).keySet()) {
        out.add(Keyword.of(k.toString().substring(1)));
      }
      return out;
    }

    @Override
    public Object get(Object entity, Keyword k) {
      return ((Entity) entity).get(":" + k.text());
    }

    @Override
    public Object value(Object v) {
      return ClojureValues.toJava(v);
    }
  }
}
