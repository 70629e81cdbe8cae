package io.vertomic.conformance;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Entity;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

/** A history on Vertomic's in-process {@code vertomic:mem://} peer. */
final class VertomicSession extends Session<Database> {
  private static final AtomicLong COUNTER = new AtomicLong();
  private final String uri = "vertomic:mem://difftest-" + COUNTER.incrementAndGet();
  private final Connection conn;
  private final Session.EntityParts parts = new Parts();

  VertomicSession(History history) {
    super(history);
    Peer.createDatabase(uri);
    conn = Peer.connect(uri);
  }

  @Override
  Done transact(List<Object> tx) throws Exception {
    TxReport r = conn.transact(tx).toCompletionStage().toCompletableFuture().get();
    return done(r, tx);
  }

  private static Done done(TxReport r, List<Object> tx) {
    Map<String, Long> tempids = new LinkedHashMap<>();
    for (String name : History.tempids(tx)) {
      Long id = r.tempid(name);
      if (id != null) {
        tempids.put(name, id);
      }
    }
    long txId = r.txData().isEmpty() ? -1 : r.txData().get(0).tx();
    return new Done(txId, r.dbAfter().basisT(), tempids);
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
    return Peer.toTx(t);
  }

  @Override
  Database filtered(Database db, Object spec, LongUnaryOperator txOf) {
    Database out = db;
    for (FilterSpec.Test<Database, Datom> t :
        FilterSpec.bind(spec, DATOM_VIEW, db::entid, txOf, v -> v)) {
      out = out.filter(t::keep);
    }
    return out;
  }

  private static final FilterSpec.DatomView<Database, Datom> DATOM_VIEW =
      new FilterSpec.DatomView<>() {
        public long e(Datom d) {
          return d.e();
        }

        public long a(Datom d) {
          return d.a();
        }

        public Object v(Datom d) {
          return d.v();
        }

        public long tx(Datom d) {
          return d.tx();
        }

        public boolean added(Datom d) {
          return d.added();
        }

        public boolean entityHas(Database u, long e, long a) {
          return u.datoms(":eavt", e, a).iterator().hasNext();
        }
      };

  @Override
  Database with(Database db, List<Object> tx, Map<String, Long> tempids) {
    TxReport r = db.with(tx);
    tempids.putAll(done(r, tx).tempids());
    return r.dbAfter();
  }

  @Override
  Object query(Object query, List<Object> inputs) {
    return Peer.q(query, inputs.toArray());
  }

  @Override
  Object pull(Database db, Object selector, Object eid) {
    return db.pull(selector, eid);
  }

  @Override
  Object pullMany(Database db, Object selector, List<?> eids) {
    return db.pullMany(selector, eids);
  }

  @Override
  Object entity(Database db, Object eid) {
    Entity e = db.entity(eid);
    return e == null ? null : entityMap(e, parts, 0);
  }

  @Override
  Object datoms(Database db, Keyword index, List<Object> components) {
    return rows(db.datoms(index, components.toArray()), d -> row(db, (Datom) d));
  }

  @Override
  Object indexRange(Database db, Object attr, Object start, Object end) {
    return rows(db.indexRange(attr, start, end), d -> row(db, (Datom) d));
  }

  private static List<Object> row(Database db, Datom d) {
    List<Object> row = new ArrayList<>();
    row.add(d.e());
    row.add(db.ident(d.a()));
    row.add(d.v());
    row.add(d.tx());
    row.add(d.added());
    return row;
  }

  @Override
  Outcome failure(Throwable e) {
    if (e instanceof Anomaly a && a.category() != Category.FAULT) {
      return Outcome.error(a.category().name().toLowerCase() + ": " + a.getMessage());
    }
    return Outcome.crash(e.getClass().getName() + ": " + e.getMessage());
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
      return ((Entity) entity).id();
    }

    @Override
    public Collection<Keyword> keys(Object entity) {
      return ((Entity) entity).keySet();
    }

    @Override
    public Object get(Object entity, Keyword k) {
      return ((Entity) entity).get(k);
    }

    @Override
    public Object value(Object v) {
      return v;
    }
  }
}
