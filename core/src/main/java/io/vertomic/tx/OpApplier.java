package io.vertomic.tx;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.Keyword;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Idents;
import io.vertomic.schema.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies each {@link Op} to the transaction's datoms: resolves its entity and value (tempids,
 * idents, lookup refs, types), and expands {@code :db/cas}, retraction of all values and {@code
 * :db/retractEntity} (which follows components) against the database before the transaction.
 */
final class OpApplier {
  private final DbValue db;
  private final TempidResolver ids;
  private final TxDatoms acc;

  OpApplier(DbValue db, TempidResolver ids, TxDatoms acc) {
    this.db = db;
    this.ids = ids;
    this.acc = acc;
  }

  void apply(Op op, Map<Long, Long> ensures) {
    Object why = new Statement(op.stmt());
    if (op instanceof Op.Add add) {
      add(add, why, ensures);
    } else if (op instanceof Op.Retract r) {
      long e = entity(r.e(), why);
      if (r.v() == Op.ALL_VALUES) {
        for (Datom d : db.currentDatoms(e, r.a().id())) {
          acc.retract(why, e, r.a(), d.v());
        }
      } else {
        acc.retract(why, e, r.a(), value(r.a(), r.v(), why));
      }
    } else if (op instanceof Op.Cas cas) {
      cas(cas, why);
    } else if (op instanceof Op.RetractEntity re) {
      // Datomic retracts nothing, and fails nothing, for a lookup ref that names no entity
      if (re.e() instanceof List<?> && Resolver.entid(db, re.e()) == null) {
        return;
      }
      retractEntity(entity(re.e(), why), why, new HashSet<>());
    }
  }

  // what a message names the op by ("why" everywhere here): its text is made only when one is
  private record Statement(int index) {
    @Override
    public String toString() {
      return "In statement " + index + " of the transaction";
    }
  }

  private void add(Op.Add add, Object why, Map<Long, Long> ensures) {
    long e = entity(add.e(), why);
    Attr a = add.a();
    if (a.isComposite()) {
      throw Anomaly.incorrect(
          "db.error/invalid-tuple-assertion",
          why
              + ": composite tuple "
              + a.ident()
              + " is computed from its parts and cannot be asserted");
    }
    Object v = value(a, add.v(), why);
    if (a.ident() == Idents.ENSURE) {
      ensures.put(e, (Long) v);
    } else {
      acc.add(why, e, a, v);
    }
  }

  private void cas(Op.Cas cas, Object why) {
    long e = entity(cas.e(), why);
    Attr a = cas.a();
    if (a.many()) {
      throw Anomaly.incorrect(
          "db.error/cas-cardinality-many",
          why + ": :db/cas needs a cardinality-one attribute, " + a.ident() + " is many");
    }
    Object expected = cas.oldV() == null ? null : value(a, cas.oldV(), why);
    List<Datom> current = ids.isNew(e) ? List.of() : db.currentDatoms(e, a.id());
    Object actual = current.isEmpty() ? null : current.get(0).v();
    boolean same =
        expected == null
            ? actual == null
            : actual != null && io.vertomic.datom.Values.equal(expected, actual);
    if (!same) {
      throw Anomaly.conflict(
          "db.error/cas-failed",
          why
              + ": compare-and-swap failed for "
              + a.ident()
              + " of entity "
              + e
              + ": expected "
              + TxExpander.describe(expected)
              + ", found "
              + TxExpander.describe(actual));
    }
    acc.add(why, e, a, value(a, cas.newV(), why));
  }

  private void retractEntity(long e, Object why, Set<Long> seen) {
    if (!seen.add(e) || ids.isNew(e)) {
      return;
    }
    for (Datom d : db.currentDatoms(e)) {
      Attr a = db.schema().attr(d.a());
      acc.retract(why, e, a, d.v());
      if (a.component() && d.v() instanceof Long child) {
        retractEntity(child, why, seen);
      }
    }
    for (Iterator<Datom> it = db.currentRefsTo(e); it.hasNext(); ) {
      Datom d = it.next();
      acc.retract(why, d.e(), db.schema().attr(d.a()), d.v());
    }
  }

  private long entity(Object x, Object why) {
    if (TempidResolver.isTempid(x)) {
      return ids.id(x);
    }
    if (x instanceof Long id) {
      checkId(id, why);
      return id;
    }
    Long id;
    try {
      id = Resolver.entid(db, x);
    } catch (Anomaly a) {
      throw Anomaly.incorrect(a.code().text(), why + ": " + a.getMessage());
    }
    if (id == null) {
      String what = why + ": cannot resolve entity " + TxExpander.describe(x);
      throw x instanceof List<?>
          ? Anomaly.notFound("db.error/not-an-entity", what)
          : Anomaly.incorrect("db.error/not-an-entity", what);
    }
    return id;
  }

  private void checkId(long id, Object why) {
    long part = EntityId.partition(id);
    long c = EntityId.counter(id);
    boolean ok =
        (part == EntityId.PART_DB && c < db.nextDbCounter())
            || (part == EntityId.PART_USER && c < db.nextT())
            || (part == EntityId.PART_TX && c <= db.basisT());
    if (!ok || id < 0) {
      throw Anomaly.incorrect(
          "db.error/invalid-entity-id",
          why + ": entity id " + id + " does not exist; use a tempid to create an entity");
    }
  }

  private Object value(Attr a, Object v, Object why) {
    if (a.isRef()) {
      if (TempidResolver.isTempid(v)) {
        return ids.id(v);
      }
      if (!(v instanceof Long
          || v instanceof Integer
          || v instanceof Keyword
          || v instanceof List<?>)) {
        throw wrongType(a, v, why);
      }
      return entity(v, why);
    }
    if (a.type() == ValueType.TUPLE) {
      return tuple(a, v, why);
    }
    Object c = a.type().coerce(v);
    if (c == null) {
      throw wrongType(a, v, why);
    }
    return c;
  }

  private Object tuple(Attr a, Object v, Object why) {
    // every tuple value has 2 to 8 elements, a homogeneous one too, as in Datomic
    if (!(v instanceof List<?> l) || l.size() < 2 || l.size() > 8) {
      throw wrongType(a, v, why);
    }
    if (!a.tupleTypes().isEmpty() && a.tupleTypes().size() != l.size()) {
      throw Anomaly.incorrect(
          "db.error/wrong-type-for-attribute",
          why
              + ": tuple "
              + TxExpander.describe(v)
              + " for "
              + a.ident()
              + " must have "
              + a.tupleTypes().size()
              + " elements");
    }
    List<Object> out = new ArrayList<>(l.size());
    for (int i = 0; i < l.size(); i++) {
      Object x = l.get(i);
      ValueType t = a.tupleType() != null ? a.tupleType() : a.tupleTypes().get(i);
      Object c = x == null ? null : t == ValueType.REF ? entity(x, why) : t.coerce(x);
      if (x != null && c == null) {
        throw Anomaly.incorrect(
            "db.error/wrong-type-for-attribute",
            why
                + ": element "
                + i
                + " of tuple "
                + TxExpander.describe(v)
                + " for "
                + a.ident()
                + " is not a "
                + t.ident());
      }
      out.add(c);
    }
    return Collections.unmodifiableList(out);
  }

  private static Anomaly wrongType(Attr a, Object v, Object why) {
    return Anomaly.incorrect(
        "db.error/wrong-type-for-attribute",
        why
            + ": value "
            + TxExpander.describe(v)
            + " is not a valid "
            + a.type().ident()
            + " for attribute "
            + a.ident());
  }
}
