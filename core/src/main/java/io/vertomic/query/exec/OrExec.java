package io.vertomic.query.exec;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause;
import io.vertomic.query.parse.Term.SrcVar;
import io.vertomic.query.parse.Vars;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs {@code or} and {@code or-join}: each branch is evaluated from the distinct bindings of the
 * join variables already bound, the branch results are projected onto the join variables and
 * unioned, and the union is joined back in. Variables local to a branch do not leak out.
 */
final class OrExec {
  private OrExec() {}

  static void run(Clause or, Bindings b, Env env) {
    List<Symbol> vars = new ArrayList<>(Vars.all(or));
    SrcVar src = or instanceof Clause.Or o ? o.src() : ((Clause.OrJoin) or).src();
    List<Symbol> boundVars = new ArrayList<>(vars);
    boundVars.retainAll(b.bound());
    Relation r = b.take(boundVars);
    Relation seed = r.project(boundVars);
    Env inner = env.withDefault(src);
    // a row of one entity id is its own key (Long equality is Values'); other rows are RowKeys
    boolean single = vars.size() == 1;
    Set<Object> union = new LinkedHashSet<>();
    for (Clause branch : Vars.children(or)) {
      Bindings out = Solver.solve(Vars.branch(branch), seed, Set.copyOf(vars), inner);
      for (Object[] row : out.projectWithRepeats(vars).rows) {
        union.add(single && row[0] instanceof Long id ? id : new RowKey(row));
      }
      b.limits().rows(union.size());
    }
    List<Object[]> rows = new ArrayList<>(union.size());
    union.forEach(k -> rows.add(k instanceof RowKey rk ? rk.values() : new Object[] {k}));
    b.add(r);
    b.add(new Relation(vars, rows, true));
  }
}
