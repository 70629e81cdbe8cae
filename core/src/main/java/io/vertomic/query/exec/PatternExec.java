package io.vertomic.query.exec;

import io.vertomic.datom.Datom;
import io.vertomic.db.DbValue;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause.DataPattern;
import io.vertomic.query.parse.Clause.Predicate;
import io.vertomic.query.parse.Term;
import io.vertomic.query.plan.Estimate;
import io.vertomic.query.plan.Estimator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a data pattern. With none of its variables bound it scans once and joins the result in; with
 * some bound it either looks up each binding in the index (an index nested-loop join, cached per
 * distinct key where the rows repeat their bound values) or scans once and hash-joins, whichever
 * the estimates say touches fewer datoms.
 */
final class PatternExec {
  /** Lookups after which a join cache that has not been hit once is dropped. */
  private static final int CACHE_TRIAL = 64;

  private PatternExec() {}

  /**
   * Runs {@code p} and, where it builds its rows itself (a scan, or a lookup join), the predicates
   * {@code filters} too, on each row before it is kept: rows they drop are never stored. Returns
   * whether it ran them; otherwise the caller runs them after. The planner put them right after
   * {@code p}, so they see the same rows either way.
   */
  static boolean run(DataPattern p, Bindings b, Env env, List<Predicate> filters) {
    if (env.source(p.src()) instanceof CollectionSource coll) {
      b.add(coll.match(p, b.limits()));
      return false;
    }
    DbValue db = env.db(p.src());
    List<Term> terms = p.terms();
    Set<Symbol> pvars = new LinkedHashSet<>();
    Object[] consts = new Object[5];
    for (int i = 0; i < 5; i++) {
      Term t = terms.get(i);
      if (t instanceof Term.Var v) {
        pvars.add(v.symbol());
      } else if (t instanceof Term.Constant c) {
        consts[i] = c.value();
      }
    }
    Set<Symbol> bound = b.bound();
    List<Symbol> bvars = new ArrayList<>();
    List<Symbol> nvars = new ArrayList<>();
    for (Symbol v : pvars) {
      (bound.contains(v) ? bvars : nvars).add(v);
    }
    if (bvars.isEmpty()) {
      java.util.function.Predicate<Object[]> test = rowTest(filters, nvars, b, env);
      b.add(scan(db, terms, consts, nvars, test, b.limits()));
      return test != null;
    }
    Relation r = b.take(bvars);
    Estimate lookup = Estimator.pattern(db, p, new LinkedHashSet<>(bvars));
    Estimate scan = Estimator.pattern(db, p, Set.of());
    if ((double) r.rows.size() * lookup.touched() <= scan.touched() || needsResolving(r, terms)) {
      boolean attrKnownBefore =
          !(terms.get(1) instanceof Term.Var a) || env.scalarVars.contains(a.symbol());
      List<Symbol> vars = new ArrayList<>(r.vars);
      vars.addAll(nvars);
      java.util.function.Predicate<Object[]> test = rowTest(filters, vars, b, env);
      b.add(lookup(db, terms, consts, r, bvars, nvars, attrKnownBefore, test, b.limits()));
      return test != null;
    }
    // a hash join: the predicates run after it, on the joined rows only
    b.add(r);
    List<Symbol> all = new ArrayList<>(pvars);
    b.add(scan(db, terms, consts, all, null, b.limits()));
    return false;
  }

  /** All of {@code filters} as one test of rows over {@code vars}, or null (none, or not all). */
  private static java.util.function.Predicate<Object[]> rowTest(
      List<Predicate> filters, List<Symbol> vars, Bindings b, Env env) {
    if (filters.isEmpty()) {
      return null;
    }
    Map<Symbol, Object> values = b.values();
    java.util.function.Predicate<Object[]> all = null;
    for (Predicate f : filters) {
      java.util.function.Predicate<Object[]> t = FnExec.rowTest(f, vars, values, env);
      if (t == null) {
        return null;
      }
      all = all == null ? t : all.and(t);
    }
    return all;
  }

  /**
   * Bound values that are not ids in id positions (idents, lookup refs) only match by lookup; any
   * row may hold one (a collection input can mix ids and lookup refs).
   */
  private static boolean needsResolving(Relation r, List<Term> terms) {
    for (int i = 0; i < 3; i++) {
      if (terms.get(i) instanceof Term.Var v && r.col(v.symbol()) >= 0) {
        int c = r.col(v.symbol());
        for (Object[] row : r.rows) {
          Object x = row[c];
          if (i < 2 && !(x instanceof Long) || i == 2 && (x instanceof List<?>)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Relation scan(
      DbValue db,
      List<Term> terms,
      Object[] consts,
      List<Symbol> out,
      java.util.function.Predicate<Object[]> test,
      Limits limits) {
    List<Object[]> rows = new ArrayList<>();
    DatomMatcher m = new DatomMatcher(db);
    if (m.resolve(consts)) {
      int[] pos = positions(terms, out);
      int[] repeats = repeats(terms);
      m.forEach(limits, d -> emit(d, repeats, pos, test, rows, limits));
    }
    return new Relation(out, rows);
  }

  private static Relation lookup(
      DbValue db,
      List<Term> terms,
      Object[] consts,
      Relation r,
      List<Symbol> bvars,
      List<Symbol> nvars,
      boolean attrKnownBefore,
      java.util.function.Predicate<Object[]> test,
      Limits limits) {
    int[] keyCols = r.cols(bvars);
    int[] bpos = positions(terms, bvars);
    int[] npos = positions(terms, nvars);
    int[] repeats = repeats(terms);
    // rows that hold more than the bound values may repeat them (a many-to-one join): cache the
    // lookups there, until the first CACHE_TRIAL rows found no repeat; rows of the bound values
    // alone are mostly distinct, so look each one up
    Map<RowKey, List<Object[]>> cache =
        r.vars.size() > bvars.size() && r.rows.size() > 1
            ? new HashMap<>(Math.min(CACHE_TRIAL * 2, r.rows.size() * 4 / 3 + 1))
            : null;
    DatomMatcher m = new DatomMatcher(db, attrKnownBefore);
    List<Object[]> out = new ArrayList<>();
    Object[] given = consts.clone();
    Extend extend = new Extend(repeats, npos, test, out, limits);
    int seen = 0;
    for (Object[] row : r.rows) {
      limits.tick();
      seen++;
      RowKey key = cache == null ? null : RowKey.of(row, keyCols);
      List<Object[]> found = cache == null ? null : cache.get(key);
      if (found == null) {
        for (int i = 0; i < bvars.size(); i++) {
          given[bpos[i]] = row[keyCols[i]];
        }
        if (cache == null) {
          // each row is looked up once: its matches extend it straight into the output
          extend.row = row;
          if (m.resolve(given)) {
            m.forEach(limits, extend);
          }
          continue;
        }
        List<Object[]> hits = new ArrayList<>();
        if (m.resolve(given)) {
          m.forEach(limits, d -> emit(d, repeats, npos, null, hits, limits));
        }
        found = hits;
        cache.put(key, found);
        if (seen == CACHE_TRIAL && cache.size() == seen) {
          cache = null; // every row so far was a new key
        }
      }
      for (int i = 0; i < found.size(); i++) {
        Object[] ext = found.get(i);
        Object[] nr = java.util.Arrays.copyOf(row, row.length + ext.length);
        System.arraycopy(ext, 0, nr, row.length, ext.length);
        if (test == null || test.test(nr)) {
          out.add(nr);
        }
      }
      limits.rows(out.size());
    }
    List<Symbol> vars = new ArrayList<>(r.vars);
    vars.addAll(nvars);
    return new Relation(vars, out);
  }

  /**
   * Appends to {@code out} the current {@link #row} extended by each matching datom's values at
   * {@code pos}: one sink for a whole lookup join, no list of matches per row.
   */
  private static final class Extend implements java.util.function.Consumer<Datom> {
    private final int[] repeats;
    private final int[] pos;
    private final java.util.function.Predicate<Object[]> test;
    private final List<Object[]> out;
    private final Limits limits;
    Object[] row;

    Extend(
        int[] repeats,
        int[] pos,
        java.util.function.Predicate<Object[]> test,
        List<Object[]> out,
        Limits limits) {
      this.repeats = repeats;
      this.pos = pos;
      this.test = test;
      this.out = out;
      this.limits = limits;
    }

    @Override
    public void accept(Datom d) {
      if (!repeatsAgree(d, repeats)) {
        return;
      }
      Object[] nr = java.util.Arrays.copyOf(row, row.length + pos.length);
      for (int i = 0; i < pos.length; i++) {
        nr[row.length + i] = DatomMatcher.at(d, pos[i]);
      }
      if (test != null && !test.test(nr)) {
        return;
      }
      out.add(nr);
      limits.rows(out.size());
    }
  }

  /** The first position of each variable in the pattern. */
  private static int[] positions(List<Term> terms, List<Symbol> vars) {
    int[] out = new int[vars.size()];
    for (int i = 0; i < out.length; i++) {
      for (int p = 0; p < 5; p++) {
        if (terms.get(p) instanceof Term.Var v && v.symbol().equals(vars.get(i))) {
          out[i] = p;
          break;
        }
      }
    }
    return out;
  }

  /**
   * The pairs of positions where one variable repeats in a pattern ({@code [?x :a ?x]}), whose
   * values must agree; usually none.
   */
  private static int[] repeats(List<Term> terms) {
    List<Integer> pairs = new ArrayList<>();
    for (int p = 0; p < 5; p++) {
      if (terms.get(p) instanceof Term.Var v) {
        for (int q = p + 1; q < 5; q++) {
          if (v.equals(terms.get(q))) {
            pairs.add(p);
            pairs.add(q);
          }
        }
      }
    }
    return pairs.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Adds the values of {@code d} at {@code pos}, unless a repeated variable's values disagree or
   * {@code test} (when given) fails on them.
   */
  private static void emit(
      Datom d,
      int[] repeats,
      int[] pos,
      java.util.function.Predicate<Object[]> test,
      List<Object[]> rows,
      Limits limits) {
    if (!repeatsAgree(d, repeats)) {
      return;
    }
    Object[] row = new Object[pos.length];
    for (int i = 0; i < pos.length; i++) {
      row[i] = DatomMatcher.at(d, pos[i]);
    }
    if (test != null && !test.test(row)) {
      return;
    }
    rows.add(row);
    limits.rows(rows.size());
  }

  /** Whether the values of {@code d} agree at each pair of positions of a repeated variable. */
  private static boolean repeatsAgree(Datom d, int[] repeats) {
    for (int i = 0; i < repeats.length; i += 2) {
      if (!io.vertomic.datom.Values.equal(
          DatomMatcher.at(d, repeats[i]), DatomMatcher.at(d, repeats[i + 1]))) {
        return false;
      }
    }
    return true;
  }
}
