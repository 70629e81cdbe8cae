package io.vertomic.query.exec;

import io.vertomic.datom.Values;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause;
import io.vertomic.query.parse.Clause.RuleCall;
import io.vertomic.query.parse.Rule;
import io.vertomic.query.parse.RuleGraph;
import io.vertomic.query.parse.Term;
import io.vertomic.query.parse.Vars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates rule calls by tabling: one {@link RuleTable} per (source, rule, which arguments are
 * bound) holds the bindings it was called with (seeds) and the answers found so far, indexed by
 * seed, so a call reads only the answers of its own seeds (a rule called with a bound argument does
 * work proportional to what that argument reaches, as with magic sets).
 *
 * <p>Rules are evaluated one recursive component of {@link RuleGraph} at a time, to completion,
 * before anything reads them: a call from the query, from a {@code not}, or from a rule of another
 * component first completes the callee's component. That is what makes negation stratified, and it
 * lets a non-recursive rule run once per new seed. Within a component, evaluation is semi-naive:
 * each round evaluates new seeds once against everything known, and old seeds once per recursive
 * call of the branch, with that call reading only the answers the previous round added (a branch
 * whose recursive calls are nested in {@code or}/{@code and} is evaluated naively instead). A round
 * that adds no seed and no answer ends it. A rule that is right-linear for the call's bound
 * arguments (reachability) is evaluated for each new seed at once by {@link RightLinearRule}
 * instead, with no answers kept for the seeds it passes through. Not thread-safe: one per run.
 */
final class RuleEngine {
  private final Map<String, RuleTable> tables = new LinkedHashMap<>();
  private final RuleGraph graph;
  private Integer active;
  private RuleCall deltaCall;

  RuleEngine(RuleGraph graph) {
    this.graph = graph;
  }

  void call(RuleCall call, Bindings b, Env env) {
    // Datomic ignores arguments beyond the rule's arity
    int arity = env.rules.get(call.name()).get(0).arity();
    List<Term> args = call.args().subList(0, Math.min(arity, call.args().size()));
    Set<Symbol> bound = b.bound();
    boolean[] mask = new boolean[args.size()];
    List<Symbol> boundVars = new ArrayList<>();
    for (int i = 0; i < mask.length; i++) {
      Term t = args.get(i);
      mask[i] = t instanceof Term.Constant || t instanceof Term.Var v && bound.contains(v.symbol());
      if (mask[i] && t instanceof Term.Var v && !boundVars.contains(v.symbol())) {
        boundVars.add(v.symbol());
      }
    }
    Env callEnv = env.withDefault(call.src());
    RuleTable t = table(call.name(), callEnv, mask);
    Relation r = b.take(boundVars);
    Set<RowKey> seeds = new LinkedHashSet<>();
    for (Object[] row : r.rows) {
      Object[] seed = new Object[t.seedWidth()];
      int k = 0;
      for (int i = 0; i < mask.length; i++) {
        if (mask[i]) {
          seed[k++] = value(args.get(i), r, row);
        }
      }
      RowKey key = new RowKey(seed);
      seeds.add(key);
      t.addSeed(key);
    }
    int comp = graph.component(call.name());
    if (t.rightLinear() != null) {
      List<RowKey> fresh = t.takeNewSeeds();
      if (!fresh.isEmpty()) {
        t.rightLinear().evaluate(t, fresh);
      }
    } else if (active == null || active != comp) {
      complete(comp, env.limits);
    }
    b.add(r);
    b.add(answers(t, args, call == deltaCall ? t.delta() : t.answersFor(seeds)));
  }

  private static Object value(Term t, Relation r, Object[] row) {
    return t instanceof Term.Constant c
        ? BindingOutput.normalize(c.value())
        : row[r.col(((Term.Var) t).symbol())];
  }

  private RuleTable table(Symbol name, Env env, boolean[] mask) {
    StringBuilder key = new StringBuilder(env.defaultSrc.text()).append(' ').append(name.text());
    key.append(' ');
    for (boolean m : mask) {
      key.append(m ? 'b' : 'f');
    }
    return tables.computeIfAbsent(key.toString(), k -> new RuleTable(name, env, mask, graph));
  }

  /** Evaluates the tables of component {@code comp} until a round adds nothing. */
  private void complete(int comp, Limits limits) {
    Integer outerActive = active;
    RuleCall outerDelta = deltaCall;
    active = comp;
    deltaCall = null;
    try {
      boolean changed = true;
      while (changed) {
        limits.checkTime();
        List<RuleTable> round = new ArrayList<>();
        for (RuleTable t : tables.values()) {
          if (graph.component(t.name) == comp && t.rightLinear() == null) {
            t.startRound();
            round.add(t);
          }
        }
        long before = size(comp);
        for (RuleTable t : round) {
          evaluate(t);
        }
        changed = size(comp) != before || hasUnevaluatedSeeds(comp);
      }
    } finally {
      active = outerActive;
      deltaCall = outerDelta;
    }
  }

  private long size(int comp) {
    long n = 0;
    for (RuleTable t : tables.values()) {
      if (graph.component(t.name) == comp) {
        n += t.seedCount() + t.answerCount();
      }
    }
    return n;
  }

  private boolean hasUnevaluatedSeeds(int comp) {
    for (RuleTable t : tables.values()) {
      if (graph.component(t.name) == comp && t.rightLinear() == null && t.hasNewSeeds()) {
        return true;
      }
    }
    return false;
  }

  private void evaluate(RuleTable t) {
    int oldSeeds = t.evaluatedSeeds();
    List<RowKey> fresh = t.takeNewSeeds();
    for (Rule rule : t.env.rules.get(t.name)) {
      List<Symbol> params = new ArrayList<>(Vars.symbols(rule.params()));
      if (!fresh.isEmpty()) {
        solve(t, rule, params, fresh, null);
      }
      if (oldSeeds == 0 || !graph.isRecursive(t.name)) {
        continue;
      }
      List<RowKey> old = t.seeds(0, oldSeeds);
      if (nestedRecursion(rule)) {
        if (anyDelta()) {
          solve(t, rule, params, old, null);
        }
        continue;
      }
      for (Clause c : rule.body()) {
        if (c instanceof RuleCall call
            && graph.component(call.name()) == active
            && hasDelta(call.name())) {
          solve(t, rule, params, old, call);
        }
      }
    }
  }

  private void solve(RuleTable t, Rule rule, List<Symbol> params, List<RowKey> seeds, RuleCall d) {
    Relation seed = seedRelation(t.mask, params, seeds);
    if (seed == null) {
      return;
    }
    RuleCall outer = deltaCall;
    deltaCall = d;
    try {
      Bindings out = Solver.solve(rule.body(), seed, Set.copyOf(params), t.env);
      for (Object[] row : out.project(params).rows) {
        t.addAnswer(new RowKey(row));
      }
    } finally {
      deltaCall = outer;
    }
    t.env.limits.rows(t.answerCount());
  }

  /** Whether a call back into the active component hides inside an or, and or not. */
  private boolean nestedRecursion(Rule rule) {
    for (Clause c : rule.body()) {
      if (!(c instanceof RuleCall) && graph.calls(c, active)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasDelta(Symbol name) {
    for (RuleTable t : tables.values()) {
      if (t.name.equals(name) && !t.delta().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private boolean anyDelta() {
    for (RuleTable t : tables.values()) {
      if (graph.component(t.name) == active && !t.delta().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The seeds as a relation over the rule's bound head variables; null when none survives (a
   * repeated head variable given two values).
   */
  private static Relation seedRelation(boolean[] mask, List<Symbol> params, List<RowKey> seeds) {
    List<Symbol> seedVars = new ArrayList<>();
    for (int i = 0; i < mask.length; i++) {
      if (mask[i]) {
        seedVars.add(params.get(i));
      }
    }
    List<Symbol> distinct = new ArrayList<>(new LinkedHashSet<>(seedVars));
    List<Object[]> rows = new ArrayList<>(seeds.size());
    for (RowKey k : seeds) {
      Object[] row = new Object[distinct.size()];
      boolean ok = true;
      for (int i = 0; i < seedVars.size(); i++) {
        int c = distinct.indexOf(seedVars.get(i));
        Object v = k.values()[i];
        ok &= row[c] == null || Values.equal(row[c], v);
        row[c] = v;
      }
      if (ok) {
        rows.add(row);
      }
    }
    return rows.isEmpty() ? null : new Relation(distinct, rows);
  }

  /** {@code found} answers as a relation over the call's variables (constants filtered). */
  private static Relation answers(RuleTable t, List<Term> args, List<RowKey> found) {
    List<Symbol> vars = new ArrayList<>();
    for (Term a : args) {
      if (a instanceof Term.Var v && !vars.contains(v.symbol())) {
        vars.add(v.symbol());
      }
    }
    List<Object[]> rows = new ArrayList<>(found.size());
    for (RowKey k : found) {
      Object[] row = new Object[vars.size()];
      if (fill(args, k.values(), vars, row)) {
        rows.add(row);
      }
    }
    return new Relation(vars, rows);
  }

  private static boolean fill(List<Term> args, Object[] ans, List<Symbol> vars, Object[] row) {
    boolean[] set = new boolean[row.length];
    for (int i = 0; i < args.size(); i++) {
      Term a = args.get(i);
      if (a instanceof Term.Constant c) {
        if (!Values.equal(BindingOutput.normalize(c.value()), ans[i])) {
          return false;
        }
      } else if (a instanceof Term.Var v) {
        int j = vars.indexOf(v.symbol());
        if (set[j] && !Values.equal(row[j], ans[i])) {
          return false;
        }
        row[j] = ans[i];
        set[j] = true;
      }
    }
    return true;
  }
}
