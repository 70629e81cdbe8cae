package io.vertomic.query.exec;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause;
import io.vertomic.query.parse.Clause.RuleCall;
import io.vertomic.query.parse.Rule;
import io.vertomic.query.parse.RuleGraph;
import io.vertomic.query.parse.Term;
import io.vertomic.query.parse.Vars;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule that is right-linear for the bound arguments of a call (Naughton, Ramakrishnan, Sagiv and
 * Ullman, "Efficient evaluation of right-, left-, and multi-linear rules", 1989): every recursive
 * branch ends in one call of the rule itself that passes the head's free variables through
 * unchanged, as reachability does ({@code (reach ?a ?b) <- [?a :follows ?x] (reach ?x ?b)}). The
 * answers for a seed are then the exit branches' answers for every seed it reaches through the
 * recursive branches, so evaluation needs no table of answers for the seeds in between: work and
 * memory grow with what the seed reaches, not with its square. Immutable once analysed.
 */
final class RightLinearRule {
  private static final String ORIGIN = "?__origin";

  /** A recursive branch: its body without the recursive call, and that call's bound arguments. */
  private record Step(Rule rule, List<Clause> body, List<Term> next) {}

  private final boolean[] mask;
  private final List<Rule> exits;
  private final List<Step> steps;

  private RightLinearRule(boolean[] mask, List<Rule> exits, List<Step> steps) {
    this.mask = mask;
    this.exits = exits;
    this.steps = steps;
  }

  /**
   * The analysis of rule {@code name}'s {@code branches} called with {@code mask} bound; null when
   * it is not right-linear, or is mutually recursive with another rule.
   */
  static RightLinearRule of(Symbol name, List<Rule> branches, boolean[] mask, RuleGraph graph) {
    if (!graph.isRecursive(name)) {
      return null;
    }
    boolean anyBound = false;
    for (boolean m : mask) {
      anyBound |= m;
    }
    if (!anyBound) {
      return null;
    }
    List<Rule> exits = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    for (Rule r : branches) {
      if (r.params().size() != mask.length) {
        return null;
      }
      List<RuleCall> self = new ArrayList<>();
      for (Clause c : r.body()) {
        if (c instanceof RuleCall call && call.name().equals(name)) {
          self.add(call);
        } else if (graph.calls(c, graph.component(name))) {
          return null;
        }
      }
      if (self.isEmpty()) {
        exits.add(r);
      } else if (self.size() == 1 && self.get(0).src() == null) {
        Step s = step(r, self.get(0), mask);
        if (s == null) {
          return null;
        }
        steps.add(s);
      } else {
        return null;
      }
    }
    return steps.isEmpty() ? null : new RightLinearRule(mask, exits, steps);
  }

  private static Step step(Rule r, RuleCall call, boolean[] mask) {
    List<Term.Var> params = r.params();
    if (call.args().size() != mask.length || new HashSet<>(params).size() != params.size()) {
      return null;
    }
    List<Clause> body = new ArrayList<>(r.body());
    body.remove(call);
    Set<Symbol> bound = new HashSet<>();
    Set<Symbol> elsewhere = new HashSet<>();
    for (int i = 0; i < mask.length; i++) {
      if (mask[i]) {
        bound.add(params.get(i).symbol());
      }
    }
    for (Clause c : body) {
      bound.addAll(Vars.binds(c));
      elsewhere.addAll(Vars.all(c));
    }
    List<Term> next = new ArrayList<>();
    for (int i = 0; i < mask.length; i++) {
      Term arg = call.args().get(i);
      if (mask[i]) {
        if (arg instanceof Term.Var v && !bound.contains(v.symbol())
            || !(arg instanceof Term.Var || arg instanceof Term.Constant)) {
          return null;
        }
        next.add(arg);
      } else {
        // a free argument must be the head's own free variable, passed through untouched
        Symbol head = params.get(i).symbol();
        if (!(arg instanceof Term.Var v && v.symbol().equals(head)) || elsewhere.contains(head)) {
          return null;
        }
      }
    }
    for (Term arg : next) {
      if (arg instanceof Term.Var v) {
        for (int i = 0; i < mask.length; i++) {
          if (!mask[i] && params.get(i).symbol().equals(v.symbol())) {
            return null;
          }
        }
      }
    }
    return new Step(r, List.copyOf(body), List.copyOf(next));
  }

  /** Adds to {@code table} the complete answers of each of {@code seeds}. */
  void evaluate(RuleTable table, List<RowKey> seeds) {
    Env env = table.env;
    int width = table.seedWidth();
    List<Symbol> origin = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      origin.add(Symbol.of(ORIGIN + i));
    }
    Set<RowKey> reached = new HashSet<>();
    List<Object[]> frontier = new ArrayList<>();
    for (RowKey s : seeds) {
      Object[] pair = concat(s.values(), s.values());
      if (reached.add(new RowKey(pair))) {
        frontier.add(pair);
      }
    }
    List<Object[]> all = new ArrayList<>(frontier);
    while (!frontier.isEmpty()) {
      env.limits.checkTime();
      List<Object[]> next = new ArrayList<>();
      for (Step s : steps) {
        Relation out = solve(s.rule(), s.body(), origin, frontier, env);
        if (out == null) {
          continue;
        }
        for (Object[] row : out.rows) {
          Object[] z = new Object[width];
          for (int i = 0; i < width; i++) {
            Term arg = s.next().get(i);
            z[i] =
                arg instanceof Term.Constant c
                    ? BindingOutput.normalize(c.value())
                    : row[out.col(((Term.Var) arg).symbol())];
          }
          Object[] pair = concat(java.util.Arrays.copyOf(row, width), z);
          if (reached.add(new RowKey(pair))) {
            next.add(pair);
          }
        }
        env.limits.rows(reached.size());
      }
      all.addAll(next);
      frontier = next;
    }
    for (Rule exit : exits) {
      Relation out = solve(exit, exit.body(), origin, all, env);
      if (out == null) {
        continue;
      }
      List<Symbol> params = new ArrayList<>(Vars.symbols(exit.params()));
      for (Object[] row : out.rows) {
        Object[] answer = new Object[mask.length];
        int k = 0;
        for (int i = 0; i < mask.length; i++) {
          answer[i] = mask[i] ? row[k++] : row[out.col(params.get(i))];
        }
        table.addAnswer(new RowKey(answer));
      }
      env.limits.rows(table.answerCount());
    }
  }

  /**
   * Runs {@code body} of {@code rule} from {@code pairs} (origin values, then the values of the
   * rule's bound head variables): the result's first columns are the origin's; null when no pair
   * fits the head (a repeated head variable given two values).
   */
  private Relation solve(
      Rule rule, List<Clause> body, List<Symbol> origin, List<Object[]> pairs, Env env) {
    int width = origin.size();
    List<Symbol> headBound = new ArrayList<>();
    for (int i = 0; i < mask.length; i++) {
      if (mask[i]) {
        headBound.add(rule.params().get(i).symbol());
      }
    }
    List<Symbol> vars = new ArrayList<>(origin);
    List<Symbol> distinct = new ArrayList<>(new LinkedHashSet<>(headBound));
    vars.addAll(distinct);
    List<Object[]> rows = new ArrayList<>(pairs.size());
    for (Object[] pair : pairs) {
      Object[] row = java.util.Arrays.copyOf(pair, vars.size());
      boolean ok = true;
      for (int i = 0; i < headBound.size(); i++) {
        int c = width + distinct.indexOf(headBound.get(i));
        Object v = pair[width + i];
        ok &= row[c] == null || io.vertomic.datom.Values.equal(row[c], v);
        row[c] = v;
      }
      if (ok) {
        rows.add(row);
      }
    }
    if (rows.isEmpty()) {
      return null;
    }
    Set<Symbol> outer = new HashSet<>(vars);
    outer.addAll(Vars.symbols(rule.params()));
    Bindings b = Solver.solve(body, new Relation(vars, rows), outer, env);
    List<Symbol> keep = new ArrayList<>(origin);
    for (Symbol v : b.bound()) {
      if (!keep.contains(v)) {
        keep.add(v);
      }
    }
    return b.project(keep);
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
