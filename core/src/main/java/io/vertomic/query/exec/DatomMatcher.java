package io.vertomic.query.exec;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.datom.IndexOrder;
import io.vertomic.datom.Values;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.Keyword;
import io.vertomic.schema.Attr;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the datoms matching the known positions of one data pattern (e, a, v, tx, added; null is
 * unknown). Known values are first resolved against the database (idents and lookup refs to ids,
 * values to their stored form); one that names nothing makes {@link #resolve} return false ({@link
 * IdentCheck} has refused before the run the idents and lookup refs Datomic fails a query for). The
 * index is picked from what is known, as {@link io.vertomic.query.plan.Estimator} assumes.
 */
final class DatomMatcher {
  private final DbValue db;
  private final Object[] fixed = new Object[5];
  private Object vAlt;
  private Attr attr;

  /** The last range read, moved to the next one where it can (it is read to its end or dropped). */
  private Iterator<Datom> last;

  /** Which of e, a, v (bits 0-2) the index range of {@link #candidates} already fixes. */
  private int ranged;

  private static final int E = 1;
  private static final int A = 2;
  private static final int V = 4;

  /**
   * Whether a lookup ref or ident given as the value of a reference attribute names its entity.
   * Datomic resolves one only under an attribute known before the query runs (written, or a scalar
   * input); under an attribute bound from rows it is a plain value that no reference equals.
   */
  private final boolean resolvesRefValues;

  DatomMatcher(DbValue db) {
    this(db, true);
  }

  DatomMatcher(DbValue db, boolean resolvesRefValues) {
    this.db = db;
    this.resolvesRefValues = resolvesRefValues;
  }

  /**
   * Resolves {@code given} (raw values by position, null = unknown); false when nothing can match.
   */
  boolean resolve(Object[] given) {
    java.util.Arrays.fill(fixed, null);
    vAlt = null;
    attr = null;
    try {
      if (given[0] != null && (fixed[0] = entid(given[0])) == null) {
        return false;
      }
      if (given[1] != null) {
        attr = given[1] instanceof Long id ? db.attr(id) : Resolver.attr(db, given[1]);
        if (attr == null) {
          return false;
        }
        fixed[1] = attr.id();
      }
      if (given[2] != null && !resolveValue(given[2])) {
        return false;
      }
      if (given[3] instanceof Number n) {
        long t = n.longValue();
        fixed[3] = EntityId.isTx(t) ? t : EntityId.tToTx(t);
      } else if (given[3] != null) {
        return false;
      }
      fixed[4] = given[4];
      return true;
    } catch (Anomaly x) {
      if (given[1] != null && attr == null && !(given[1] instanceof Long)) {
        throw x;
      }
      return false;
    }
  }

  private Long entid(Object x) {
    if (x instanceof Long l) {
      return l;
    }
    return Resolver.keyword(x) != null || x instanceof List<?> || x instanceof Number
        ? Resolver.entid(db, x)
        : null;
  }

  private boolean resolveValue(Object v) {
    if (attr != null) {
      if (!resolvesRefValues && attr.isRef() && (v instanceof Keyword || v instanceof List<?>)) {
        return false;
      }
      fixed[2] = Resolver.value(db, attr, v);
      return fixed[2] != null;
    }
    fixed[2] = v instanceof Integer i ? Long.valueOf(i) : v;
    if (v instanceof Keyword || v instanceof List<?>) {
      try {
        vAlt = Resolver.entid(db, v);
      } catch (Anomaly x) {
        vAlt = null;
      }
    }
    return true;
  }

  /** Calls {@code sink} with each matching datom. */
  void forEach(Limits limits, Consumer<Datom> sink) {
    for (Iterator<Datom> it = candidates(); it.hasNext(); ) {
      limits.tick();
      Datom d = it.next();
      if (matches(d)) {
        sink.accept(d);
      }
    }
  }

  /** Whether any datom matches: reads no further than the first. */
  boolean any(Limits limits) {
    for (Iterator<Datom> it = candidates(); it.hasNext(); ) {
      limits.tick();
      if (matches(it.next())) {
        return true;
      }
    }
    return false;
  }

  /** The datoms of the index range that holds every match. */
  private Iterator<Datom> candidates() {
    Object e = fixed[0];
    Object a = fixed[1];
    Object v = fixed[2];
    IndexOrder order;
    Object[] comps;
    // the range fixes what its leading components name: matches() need not test those again; a
    // value only in VAET, where values are ids (in AVET a range may hold values equal in order but
    // not in value, such as decimals of two scales)
    if (e != null) {
      order = IndexOrder.EAVT;
      comps =
          a == null
              ? new Object[] {e}
              : attr != null && v != null ? new Object[] {e, a, v} : new Object[] {e, a};
      ranged = comps.length == 1 ? E : E | A;
    } else if (a != null && v != null && attr.inAvet()) {
      order = IndexOrder.AVET;
      comps = new Object[] {a, v};
      ranged = A;
    } else if (v != null && attr != null && attr.isRef()) {
      order = IndexOrder.VAET;
      comps = a == null ? new Object[] {v} : new Object[] {v, a};
      ranged = a == null ? V : V | A;
    } else if (a != null) {
      order = IndexOrder.AEVT;
      comps = new Object[] {a};
      ranged = A;
    } else {
      order = IndexOrder.EAVT;
      comps = new Object[0];
      ranged = 0;
    }
    return last = db.datoms(order, comps, last);
  }

  private boolean matches(Datom d) {
    return (fixed[0] == null || (ranged & E) != 0 || (Long) fixed[0] == d.e())
        && (fixed[1] == null || (ranged & A) != 0 || (Long) fixed[1] == d.a())
        && (fixed[2] == null
            || (ranged & V) != 0
            || Values.equal(fixed[2], d.v())
            || vAlt != null && vAlt.equals(d.v()))
        && (fixed[3] == null || (Long) fixed[3] == d.tx())
        && (fixed[4] == null || fixed[4].equals(d.added()));
  }

  /** The value of position {@code pos} of {@code d}. */
  static Object at(Datom d, int pos) {
    switch (pos) {
      case 0:
        return d.e();
      case 1:
        return d.a();
      case 2:
        return d.v();
      case 3:
        return d.tx();
      default:
        return d.added();
    }
  }
}
