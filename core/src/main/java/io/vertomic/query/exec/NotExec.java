package io.vertomic.query.exec;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause;
import io.vertomic.query.parse.Term.SrcVar;
import io.vertomic.query.parse.Vars;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs {@code not} and {@code not-join}: evaluates the body once for the distinct bindings of the
 * join variables, then keeps the rows whose binding the body did not match (an anti-join).
 */
final class NotExec {
  private NotExec() {}

  static void run(Clause not, Set<Symbol> scope, Bindings b, Env env) {
    List<Symbol> jv = new ArrayList<>(Vars.joinVars(not, scope));
    SrcVar src = not instanceof Clause.Not n ? n.src() : ((Clause.NotJoin) not).src();
    Relation r = b.take(jv);
    Relation seed = r.project(jv);
    Bindings inner = Solver.solve(Vars.children(not), seed, Set.copyOf(jv), env.withDefault(src));
    Set<RowKey> matched = new HashSet<>();
    for (Object[] row : inner.project(jv).rows) {
      matched.add(new RowKey(row));
    }
    int[] cols = r.cols(jv);
    List<Object[]> out = new ArrayList<>();
    for (Object[] row : r.rows) {
      if (!matched.contains(RowKey.of(row, cols))) {
        out.add(row);
      }
    }
    b.add(new Relation(r.vars, out));
  }
}
