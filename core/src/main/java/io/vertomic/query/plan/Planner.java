package io.vertomic.query.plan;

import io.vertomic.db.DbValue;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause;
import io.vertomic.query.parse.Clause.DataPattern;
import io.vertomic.query.parse.Clause.RuleCall;
import io.vertomic.query.parse.QueryErrors;
import io.vertomic.query.parse.Term;
import io.vertomic.query.parse.Vars;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders clauses greedily: at each step, among the clauses that can run with what is bound, the
 * cheapest by estimated rows; filters (predicates, {@code not}) and function expressions cost
 * nothing, so they run as soon as their inputs are bound. Ties keep the written order, so plans are
 * deterministic. Stateless, thread-safe.
 */
public final class Planner {
  private static final double RULE_UNBOUND = 100_000;

  private Planner() {}

  /**
   * The steps for {@code clauses} when {@code bound} are bound and {@code outer} is what enclosing
   * scopes can bind. Fails with {@code incorrect} when no remaining clause can run.
   */
  public static List<Step> plan(
      List<Clause> clauses, Set<Symbol> bound, Set<Symbol> outer, PlanContext ctx) {
    return plan(clauses, bound, Map.of(), outer, ctx);
  }

  /**
   * As {@link #plan(List, Set, Set, PlanContext)}, with the values some bound variables are known
   * to hold (one each, e.g. scalar inputs), which the estimates count exactly where an index has
   * them.
   */
  public static List<Step> plan(
      List<Clause> clauses,
      Set<Symbol> bound,
      Map<Symbol, Object> values,
      Set<Symbol> outer,
      PlanContext ctx) {
    Set<Symbol> b = new LinkedHashSet<>(bound);
    List<Clause> left = new ArrayList<>(clauses);
    List<Step> steps = new ArrayList<>();
    double rows = 1;
    while (!left.isEmpty()) {
      int best = -1;
      double bestCost = Double.MAX_VALUE;
      Step bestStep = null;
      for (int i = 0; i < left.size(); i++) {
        Clause c = left.get(i);
        Set<Symbol> scope = Vars.scope(clauses, c, outer);
        if (!Vars.ready(c, b, scope, ctx.rules())) {
          continue;
        }
        double[] cost = new double[1];
        Step s = step(c, b, values, scope, rows, ctx, cost);
        if (cost[0] < bestCost) {
          best = i;
          bestCost = cost[0];
          bestStep = s;
        }
      }
      if (best < 0) {
        throw QueryErrors.incorrect(
            "insufficient-binding",
            "Insufficient binding: cannot run "
                + left.get(0).text()
                + " with only "
                + b
                + " bound");
      }
      Clause c = left.remove(best);
      steps.add(bestStep);
      rows = Math.max(1, c instanceof DataPattern || c instanceof RuleCall ? bestCost : rows);
      b.addAll(Vars.binds(c));
    }
    return Collections.unmodifiableList(steps);
  }

  private static Step step(
      Clause c,
      Set<Symbol> b,
      Map<Symbol, Object> values,
      Set<Symbol> scope,
      double rows,
      PlanContext ctx,
      double[] cost) {
    if (c instanceof DataPattern p) {
      DbValue db = ctx.db(p.src() == null ? null : p.src().symbol());
      if (db == null) {
        cost[0] = 1000;
        return new Step(c, null, 1000, scope);
      }
      Estimate lookup = Estimator.pattern(db, p, b, values);
      Estimate scan = Estimator.pattern(db, p, Set.of());
      boolean joined = !Collections.disjoint(Vars.of(p.terms()), b);
      Estimate chosen = joined && rows * lookup.touched() <= scan.touched() ? lookup : scan;
      double n = joined ? Math.min(rows * lookup.rows(), scan.rows()) : rows * scan.rows();
      cost[0] = n;
      return new Step(c, chosen.index(), (long) Math.min(n, Long.MAX_VALUE), scope);
    }
    if (c instanceof RuleCall r) {
      boolean anyBound = false;
      for (Term t : r.args()) {
        anyBound |= t instanceof Term.Constant || t instanceof Term.Var v && b.contains(v.symbol());
      }
      cost[0] = anyBound ? rows * 10 : RULE_UNBOUND;
      return new Step(c, null, (long) cost[0], scope);
    }
    if (c instanceof Clause.Or || c instanceof Clause.OrJoin) {
      double sum = 0;
      for (Clause branch : Vars.children(c)) {
        sum += cheapest(Vars.branch(branch), b, values, ctx);
      }
      cost[0] = sum;
      return new Step(c, null, (long) sum, scope);
    }
    cost[0] = 0;
    return new Step(c, null, 0, scope);
  }

  private static double cheapest(
      List<Clause> clauses, Set<Symbol> b, Map<Symbol, Object> values, PlanContext ctx) {
    double min = 100;
    for (Clause c : clauses) {
      if (c instanceof DataPattern p) {
        DbValue db = ctx.db(p.src() == null ? null : p.src().symbol());
        if (db != null) {
          min = Math.min(min, Estimator.pattern(db, p, b, values).rows());
        }
      }
    }
    return min;
  }
}
