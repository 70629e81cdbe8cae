package io.vertomic.query.exec;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause;
import io.vertomic.query.parse.Clause.DataPattern;
import io.vertomic.query.parse.Clause.FnExpr;
import io.vertomic.query.parse.Clause.Predicate;
import io.vertomic.query.parse.Clause.RuleCall;
import io.vertomic.query.parse.Vars;
import io.vertomic.query.plan.Planner;
import io.vertomic.query.plan.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a list of clauses from a seed: plans them against what the seed binds, then runs each
 * step, stopping early once some relation is empty (the answer can only be empty then).
 */
final class Solver {
  private Solver() {}

  static Bindings solve(List<Clause> clauses, Relation seed, Set<Symbol> outer, Env env) {
    Bindings b = new Bindings(seed, env.limits);
    run(clauses, b, outer, env);
    return b;
  }

  static void run(List<Clause> clauses, Bindings b, Set<Symbol> outer, Env env) {
    List<Step> steps = Planner.plan(clauses, b.bound(), b.values(), outer, env.planContext());
    for (int i = 0; i < steps.size(); i++) {
      if (b.isEmpty()) {
        return;
      }
      env.limits.checkTime();
      Clause c = steps.get(i).clause();
      if (c instanceof DataPattern p) {
        List<Predicate> filters = predicatesAfter(steps, i, p, b);
        if (PatternExec.run(p, b, env, filters)) {
          i += filters.size();
        }
      } else {
        execute(steps.get(i), b, env);
      }
    }
  }

  /**
   * The predicates planned right after step {@code i}'s pattern {@code p} that use only its
   * variables and the values of single-row relations: they can test its rows as they are made.
   */
  private static List<Predicate> predicatesAfter(
      List<Step> steps, int i, DataPattern p, Bindings b) {
    if (i + 1 == steps.size() || !(steps.get(i + 1).clause() instanceof Predicate)) {
      return List.of();
    }
    Set<Symbol> known = new HashSet<>(Vars.of(p.terms()));
    known.addAll(b.values().keySet());
    List<Predicate> out = new ArrayList<>();
    for (int j = i + 1;
        j < steps.size()
            && steps.get(j).clause() instanceof Predicate f
            && known.containsAll(Vars.of(f.args()));
        j++) {
      out.add(f);
    }
    return out;
  }

  private static void execute(Step s, Bindings b, Env env) {
    Clause c = s.clause();
    if (c instanceof Predicate p) {
      FnExec.predicate(p, b, env);
    } else if (c instanceof FnExpr f) {
      FnExec.fnExpr(f, b, env);
    } else if (c instanceof RuleCall r) {
      env.ruleEngine.call(r, b, env);
    } else if (c instanceof Clause.Not || c instanceof Clause.NotJoin) {
      NotExec.run(c, s.scope(), b, env);
    } else {
      OrExec.run(c, b, env);
    }
  }
}
