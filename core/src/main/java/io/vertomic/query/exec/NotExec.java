package io.vertomic.query.exec;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause;
import io.vertomic.query.parse.Term;
import io.vertomic.query.parse.Term.SrcVar;
import io.vertomic.query.parse.Vars;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs {@code not} and {@code not-join}: evaluates the body once for the distinct bindings of the
 * join variables, then keeps the rows whose binding the body did not match (an anti-join). A body
 * of one pattern only asks whether a datom exists: one index seek per binding answers it.
 */
final class NotExec {
  private NotExec() {}

  static void run(Clause not, Set<Symbol> scope, Bindings b, Env env) {
    List<Symbol> jv = new ArrayList<>(Vars.joinVars(not, scope));
    SrcVar src = not instanceof Clause.Not n ? n.src() : ((Clause.NotJoin) not).src();
    Relation r = b.take(jv);
    Env inEnv = env.withDefault(src);
    int[] cols = r.cols(jv);
    List<Clause> body = Vars.children(not);
    Set<RowKey> matched =
        body.size() == 1 && body.get(0) instanceof Clause.DataPattern p && existence(p, jv, inEnv)
            ? matchedByLookup(p, jv, r, cols, inEnv, b.limits())
            : matchedBySolving(body, jv, r, inEnv);
    List<Object[]> out = new ArrayList<>();
    for (Object[] row : r.rows) {
      if (!matched.contains(RowKey.of(row, cols))) {
        out.add(row);
      }
    }
    b.add(new Relation(r.vars, out));
  }

  private static Set<RowKey> matchedBySolving(
      List<Clause> body, List<Symbol> jv, Relation r, Env env) {
    Bindings inner = Solver.solve(body, r.project(jv), Set.copyOf(jv), env);
    Set<RowKey> matched = new HashSet<>();
    for (Object[] row : inner.project(jv).rows) {
      matched.add(new RowKey(row));
    }
    return matched;
  }

  /**
   * Whether a body of the one pattern {@code p} asks only whether a datom exists for a binding of
   * {@code jv}: a database source, and no other variable that repeats (which would have to agree).
   */
  private static boolean existence(Clause.DataPattern p, List<Symbol> jv, Env env) {
    if (env.source(p.src()) instanceof CollectionSource) {
      return false;
    }
    Set<Symbol> free = new HashSet<>();
    for (Term t : p.terms()) {
      if (t instanceof Term.Var v && !jv.contains(v.symbol()) && !free.add(v.symbol())) {
        return false;
      }
    }
    return true;
  }

  /** The bindings of {@code jv} in {@code r} for which a datom matches {@code p}: one seek each. */
  private static Set<RowKey> matchedByLookup(
      Clause.DataPattern p, List<Symbol> jv, Relation r, int[] cols, Env env, Limits limits) {
    DatomMatcher m = new DatomMatcher(env.db(p.src()));
    List<Term> terms = p.terms();
    Object[] given = new Object[5];
    Set<RowKey> seen = new HashSet<>();
    Set<RowKey> matched = new HashSet<>();
    for (Object[] row : r.rows) {
      RowKey key = RowKey.of(row, cols);
      if (!seen.add(key)) {
        continue;
      }
      for (int i = 0; i < 5; i++) {
        Term t = terms.get(i);
        given[i] =
            t instanceof Term.Constant c
                ? c.value()
                : t instanceof Term.Var v && jv.contains(v.symbol())
                    ? row[cols[jv.indexOf(v.symbol())]]
                    : null;
      }
      if (m.resolve(given) && m.any(limits)) {
        matched.add(key);
      }
    }
    return matched;
  }
}
