package io.vertomic.query.exec;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause.RuleCall;
import io.vertomic.query.parse.Rule;
import io.vertomic.query.parse.Term;
import io.vertomic.query.parse.Vars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates rule calls by tabling: one table per (source, rule, which arguments are bound) holds
 * the bindings it was called with (seeds) and the answers found so far. The outermost call iterates
 * every table to a fixpoint; calls made while evaluating a rule body (recursion) only add seeds and
 * read the current answers. Seeds and answers are sets, so recursion terminates on cyclic data: an
 * iteration that adds nothing new ends the loop. Negation through recursion is not stratified.
 */
final class RuleEngine {
  private final Map<String, Table> tables = new LinkedHashMap<>();
  private int depth;

  RuleEngine(Env root) {}

  private static final class Table {
    final Symbol name;
    final Env env;
    final boolean[] mask;
    final Set<RowKey> seeds = new LinkedHashSet<>();
    final Set<RowKey> answers = new LinkedHashSet<>();

    Table(Symbol name, Env env, boolean[] mask) {
      this.name = name;
      this.env = env;
      this.mask = mask;
    }
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
    Table t = table(call.name(), callEnv, mask);
    Relation r = b.take(boundVars);
    for (Object[] row : r.rows) {
      Object[] seed = new Object[count(mask)];
      int k = 0;
      for (int i = 0; i < mask.length; i++) {
        if (mask[i]) {
          seed[k++] = value(args.get(i), r, row);
        }
      }
      t.seeds.add(new RowKey(seed));
    }
    if (depth == 0) {
      fixpoint(env.limits);
    }
    b.add(r);
    b.add(answers(t, args));
  }

  private static Object value(Term t, Relation r, Object[] row) {
    return t instanceof Term.Constant c
        ? BindingOutput.normalize(c.value())
        : row[r.col(((Term.Var) t).symbol())];
  }

  private Table table(Symbol name, Env env, boolean[] mask) {
    StringBuilder key = new StringBuilder(env.defaultSrc.text()).append(' ').append(name.text());
    key.append(' ');
    for (boolean m : mask) {
      key.append(m ? 'b' : 'f');
    }
    return tables.computeIfAbsent(key.toString(), k -> new Table(name, env, mask));
  }

  private void fixpoint(Limits limits) {
    depth++;
    try {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Table t : new ArrayList<>(tables.values())) {
          limits.checkTime();
          int before = t.answers.size();
          int seedsBefore = totalSeeds();
          evaluate(t);
          changed |= t.answers.size() != before || totalSeeds() != seedsBefore;
        }
      }
    } finally {
      depth--;
    }
  }

  private int totalSeeds() {
    int n = 0;
    for (Table t : tables.values()) {
      n += t.seeds.size();
    }
    return n;
  }

  private void evaluate(Table t) {
    for (Rule rule : t.env.rules.get(t.name)) {
      List<Symbol> params = new ArrayList<>(Vars.symbols(rule.params()));
      List<Symbol> seedVars = new ArrayList<>();
      for (int i = 0; i < t.mask.length; i++) {
        if (t.mask[i]) {
          seedVars.add(params.get(i));
        }
      }
      Relation seed = seedRelation(t, seedVars);
      if (seed == null) {
        continue;
      }
      Bindings out = Solver.solve(rule.body(), seed, Set.copyOf(params), t.env);
      for (Object[] row : out.project(params).rows) {
        t.answers.add(new RowKey(row));
      }
      t.env.limits.rows(t.answers.size());
    }
  }

  /** The seeds over {@code seedVars}; null when a repeated head variable gets two values. */
  private static Relation seedRelation(Table t, List<Symbol> seedVars) {
    List<Symbol> distinct = new ArrayList<>(new LinkedHashSet<>(seedVars));
    List<Object[]> rows = new ArrayList<>();
    for (RowKey k : t.seeds) {
      Object[] row = new Object[distinct.size()];
      boolean ok = true;
      for (int i = 0; i < seedVars.size(); i++) {
        int c = distinct.indexOf(seedVars.get(i));
        Object v = k.values()[i];
        ok &= row[c] == null || io.vertomic.datom.Values.equal(row[c], v);
        row[c] = v;
      }
      if (ok) {
        rows.add(row);
      }
    }
    return new Relation(distinct, rows);
  }

  /** The answers of {@code t} as a relation over the call's variables (constants filtered). */
  private static Relation answers(Table t, List<Term> args) {
    List<Symbol> vars = new ArrayList<>();
    for (Term a : args) {
      if (a instanceof Term.Var v && !vars.contains(v.symbol())) {
        vars.add(v.symbol());
      }
    }
    List<Object[]> rows = new ArrayList<>();
    for (RowKey k : t.answers) {
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
        if (!io.vertomic.datom.Values.equal(BindingOutput.normalize(c.value()), ans[i])) {
          return false;
        }
      } else if (a instanceof Term.Var v) {
        int j = vars.indexOf(v.symbol());
        if (set[j] && !io.vertomic.datom.Values.equal(row[j], ans[i])) {
          return false;
        }
        row[j] = ans[i];
        set[j] = true;
      }
    }
    return true;
  }

  private static int count(boolean[] mask) {
    int n = 0;
    for (boolean m : mask) {
      n += m ? 1 : 0;
    }
    return n;
  }
}
