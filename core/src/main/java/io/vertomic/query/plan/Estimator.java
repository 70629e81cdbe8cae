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
import java.util.Map;
import java.util.Set;

/**
 * Estimates what a data pattern costs given which of its positions are known (constants or bound
 * variables), and picks its index the way the executor will: EAVT when e is known, AVET when a and
 * v are known and the attribute is in AVET, VAET when v is known and the attribute is a reference,
 * AEVT when only a is known, else a full EAVT scan. Where the value itself is known at plan time (a
 * constant, or an input bound to one value) and the index has it, the count is exact, read from the
 * index's subtree counts; otherwise it is a guess. Rough by design: it only has to rank clauses.
 */
public final class Estimator {
  /** Guess of the datoms per value of a non-unique attribute: count / this. */
  private static final long SELECTIVITY = 20;

  private Estimator() {}

  /** The estimate for {@code p} against {@code db} when {@code bound} variables are known. */
  public static Estimate pattern(DbValue db, DataPattern p, Set<Symbol> bound) {
    return pattern(db, p, bound, Map.of());
  }

  /**
   * As {@link #pattern(DbValue, DataPattern, Set)}, with the values some of the bound variables are
   * known to hold (one each) for exact per-value counts.
   */
  public static Estimate pattern(
      DbValue db, DataPattern p, Set<Symbol> bound, Map<Symbol, Object> values) {
    List<Term> t = p.terms();
    boolean e = known(t.get(0), bound);
    boolean a = known(t.get(1), bound);
    boolean v = known(t.get(2), bound);
    Attr attr = attr(db, t.get(1));
    long count = attr == null ? (a ? 1 : AttrStats.total(db)) : AttrStats.count(db, attr.id());
    if (e) {
      long n = a ? (attr != null && attr.many() ? 4 : 1) : 16;
      return new Estimate(IndexOrder.EAVT, n, n);
    }
    if (a && v && attr != null && attr.inAvet()) {
      long n =
          attr.unique() != Unique.NONE
              ? 1
              : exact(db, IndexOrder.AVET, attr, value(t.get(2), values), count);
      return new Estimate(IndexOrder.AVET, n, n);
    }
    if (v && attr != null && attr.isRef()) {
      long n = exact(db, IndexOrder.VAET, attr, value(t.get(2), values), count);
      return new Estimate(IndexOrder.VAET, n, n);
    }
    if (a) {
      return new Estimate(
          IndexOrder.AEVT, v ? Math.max(1, count / SELECTIVITY) : Math.max(1, count), count);
    }
    long total = Math.max(1, AttrStats.total(db));
    return new Estimate(IndexOrder.EAVT, total, total);
  }

  private static boolean known(Term t, Set<Symbol> bound) {
    return t instanceof Term.Constant || t instanceof Term.Var v && bound.contains(v.symbol());
  }

  /** The value {@code t} is known to hold at plan time, or null. */
  private static Object value(Term t, Map<Symbol, Object> values) {
    if (t instanceof Term.Constant c) {
      return c.value();
    }
    return t instanceof Term.Var v ? values.get(v.symbol()) : null;
  }

  /**
   * The current datoms of {@code attr} with value {@code v} in {@code order} (AVET or VAET), or the
   * guess from the attribute's count when the value is unknown or does not resolve.
   */
  private static long exact(DbValue db, IndexOrder order, Attr attr, Object v, long count) {
    long guess = Math.max(1, count / SELECTIVITY);
    if (v == null) {
      return guess;
    }
    Object stored;
    try {
      stored = Resolver.value(db, attr, v);
    } catch (Anomaly x) {
      return guess;
    }
    if (stored == null) {
      return 1;
    }
    Object[] comps =
        order == IndexOrder.AVET
            ? new Object[] {attr.id(), stored}
            : new Object[] {stored, attr.id()};
    return Math.max(1, Math.min(AttrStats.CAP, db.currentCount(order, comps)));
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
