package io.vertomic.query.plan;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.IndexOrder;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause.DataPattern;
import io.vertomic.query.parse.Term;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Unique;
import java.util.List;
import java.util.Set;

/**
 * Estimates what a data pattern costs given which of its positions are known (constants or bound
 * variables), and picks its index the way the executor will: EAVT when e is known, AVET when a and
 * v are known and the attribute is in AVET, VAET when v is known and the attribute is a reference,
 * AEVT when only a is known, else a full EAVT scan. Rough by design: it only has to rank clauses.
 */
public final class Estimator {
  /** Guess of the datoms per value of an indexed, non-unique attribute: count / this. */
  private static final long SELECTIVITY = 20;

  private Estimator() {}

  /** The estimate for {@code p} against {@code db} when {@code bound} variables are known. */
  public static Estimate pattern(DbValue db, DataPattern p, Set<Symbol> bound) {
    List<Term> t = p.terms();
    boolean e = known(t.get(0), bound);
    boolean a = known(t.get(1), bound);
    boolean v = known(t.get(2), bound);
    Attr attr = attr(db, t.get(1));
    long count = attr == null ? (a ? 1 : AttrStats.total(db)) : AttrStats.count(db, attr.id());
    if (e) {
      return new Estimate(IndexOrder.EAVT, a ? (attr != null && attr.many() ? 4 : 1) : 16);
    }
    if (a && v && attr != null && attr.inAvet()) {
      long n = attr.unique() != Unique.NONE ? 1 : Math.max(1, count / SELECTIVITY);
      return new Estimate(IndexOrder.AVET, n);
    }
    if (v && attr != null && attr.isRef()) {
      return new Estimate(IndexOrder.VAET, Math.max(1, count / SELECTIVITY));
    }
    if (a) {
      return new Estimate(IndexOrder.AEVT, Math.max(1, count));
    }
    return new Estimate(IndexOrder.EAVT, Math.max(1, AttrStats.total(db)));
  }

  private static boolean known(Term t, Set<Symbol> bound) {
    return t instanceof Term.Constant || t instanceof Term.Var v && bound.contains(v.symbol());
  }

  /** The attribute a constant names, or null (a variable, or no such attribute). */
  public static Attr attr(DbValue db, Term t) {
    if (!(t instanceof Term.Constant c)) {
      return null;
    }
    try {
      return Resolver.attr(db, c.value());
    } catch (Anomaly x) {
      return null;
    }
  }
}
