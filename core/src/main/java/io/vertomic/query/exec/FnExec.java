package io.vertomic.query.exec;

import io.vertomic.edn.Symbol;
import io.vertomic.query.fn.QueryFunction;
import io.vertomic.query.parse.Clause.FnExpr;
import io.vertomic.query.parse.Clause.Predicate;
import io.vertomic.query.parse.Term;
import io.vertomic.query.parse.Vars;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs predicates and function expressions. When their inputs live in separate relations the
 * product is streamed through the call, never materialized, so a selective predicate over two
 * unrelated patterns costs time, not memory.
 */
final class FnExec {
  private FnExec() {}

  static void predicate(Predicate p, Bindings b, Env env) {
    Combos in = Combos.of(b.remove(Vars.of(p.args())));
    b.add(new Relation(in.vars, in.filter(b.limits(), rowTest(p, in.vars, Map.of(), env))));
  }

  /**
   * {@code p} as a test of rows over {@code vars}, a variable not among them taken from {@code
   * values} (the variables of single-row relations); null when some variable is in neither. The
   * test reuses one argument array from call to call: a predicate's answer is only tested for
   * truth, so nothing keeps the arguments (a function expression's result may hold them), and the
   * test belongs to one thread.
   */
  static java.util.function.Predicate<Object[]> rowTest(
      Predicate p, List<Symbol> vars, Map<Symbol, Object> values, Env env) {
    QueryFunction f = Callables.function(p.fn());
    Object[] args = fixed(p.args(), env);
    int[] cols = cols(p.args(), vars);
    for (int i = 0; i < cols.length; i++) {
      if (cols[i] < 0 && p.args().get(i) instanceof Term.Var v) {
        if (!values.containsKey(v.symbol())) {
          return null;
        }
        args[i] = values.get(v.symbol());
      }
    }
    return row -> Callables.truthy(f.apply(fill(args, cols, row)));
  }

  static void fnExpr(FnExpr x, Bindings b, Env env) {
    QueryFunction f = Callables.function(x.fn());
    Set<Symbol> outs = Vars.of(x.binding());
    Set<Symbol> needed = new LinkedHashSet<>(Vars.of(x.args()));
    Set<Symbol> bound = b.bound();
    for (Symbol o : outs) {
      if (bound.contains(o)) {
        needed.add(o);
      }
    }
    Combos in = Combos.of(b.remove(needed));
    int[] cols = cols(x.args(), in.vars);
    Object[] fixed = fixed(x.args(), env);
    List<Symbol> outVars = new ArrayList<>(outs);
    List<Symbol> fresh = new ArrayList<>();
    for (Symbol o : outVars) {
      if (!in.vars.contains(o)) {
        fresh.add(o);
      }
    }
    List<Symbol> vars = new ArrayList<>(in.vars);
    vars.addAll(fresh);
    List<Object[]> out = new ArrayList<>();
    List<Symbol> ivars = in.vars;
    in.forEach(
        b.limits(),
        row -> {
          Object result = f.apply(fill(fixed.clone(), cols, row));
          for (Object[] bound1 : BindingOutput.bind(x.binding(), result, outVars)) {
            Object[] nr = java.util.Arrays.copyOf(row, vars.size());
            if (merge(nr, ivars, outVars, bound1, row.length, fresh)) {
              out.add(nr);
            }
          }
          b.limits().rows(out.size());
        });
    b.add(new Relation(vars, out));
  }

  private static boolean merge(
      Object[] nr,
      List<Symbol> ivars,
      List<Symbol> outVars,
      Object[] vals,
      int n,
      List<Symbol> fresh) {
    for (int i = 0; i < outVars.size(); i++) {
      int c = ivars.indexOf(outVars.get(i));
      if (c >= 0) {
        if (!io.vertomic.datom.Values.equal(nr[c], vals[i])) {
          return false;
        }
      } else {
        nr[n + fresh.indexOf(outVars.get(i))] = vals[i];
      }
    }
    return true;
  }

  private static int[] cols(List<Term> terms, List<Symbol> vars) {
    int[] out = new int[terms.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = terms.get(i) instanceof Term.Var v ? vars.indexOf(v.symbol()) : -1;
    }
    return out;
  }

  /** {@code args} with {@code row}'s values at the places of the call's variables. */
  private static Object[] fill(Object[] args, int[] cols, Object[] row) {
    for (int i = 0; i < args.length; i++) {
      if (cols[i] >= 0) {
        args[i] = row[cols[i]];
      }
    }
    return args;
  }

  /** A call's constants and sources in place, its variables' places left for each row. */
  private static Object[] fixed(List<Term> terms, Env env) {
    Object[] out = new Object[terms.size()];
    for (int i = 0; i < out.length; i++) {
      Term t = terms.get(i);
      if (t instanceof Term.Constant c) {
        out[i] = BindingOutput.normalize(c.value());
      } else if (t instanceof Term.SrcVar s) {
        out[i] = env.db(s);
      }
    }
    return out;
  }
}
