package io.vertomic.query.parse;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause.FnExpr;
import io.vertomic.query.parse.Clause.Not;
import io.vertomic.query.parse.Clause.NotJoin;
import io.vertomic.query.parse.Clause.Or;
import io.vertomic.query.parse.Clause.Predicate;
import io.vertomic.query.parse.Clause.RuleCall;
import io.vertomic.query.parse.FindElement.FindAggregate;
import io.vertomic.query.parse.FindElement.FindPull;
import io.vertomic.query.parse.FindElement.FindVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed {@link Query} against its rules and turns it into a {@link ValidQuery}, or fails
 * with an {@code incorrect} anomaly naming the bad clause. Stateless, thread-safe.
 */
public final class QueryValidator {
  private QueryValidator() {}

  /** The validated form of {@code q} with {@code rules} (empty when there is no {@code %}). */
  public static ValidQuery validate(Query q, List<Rule> rules) {
    Map<Symbol, List<Rule>> byName = new LinkedHashMap<>();
    for (Rule r : rules) {
      List<Rule> same = byName.computeIfAbsent(r.name(), k -> new ArrayList<>());
      if (!same.isEmpty()
          && (same.get(0).arity() != r.arity()
              || same.get(0).required().size() != r.required().size())) {
        throw QueryErrors.incorrect(
            "invalid-rule", "Rule " + r.name() + " has branches of different arity: " + r.text());
      }
      same.add(r);
    }
    Set<Symbol> inVars = new LinkedHashSet<>();
    for (In in : q.in()) {
      if (in instanceof In.InBinding b) {
        inVars.addAll(Vars.of(b.binding()));
      }
    }
    for (Rule r : rules) {
      Set<Symbol> params = Vars.symbols(r.params());
      check(r.body(), params, params, byName);
      // a head variable the body never mentions can only come back unbound
      Set<Symbol> unbound = new LinkedHashSet<>(Vars.symbols(r.params()));
      r.body().forEach(c -> unbound.removeAll(Vars.all(c)));
      if (!unbound.isEmpty()) {
        throw QueryErrors.incorrect(
            "unbound-rule-var",
            "Rule head variable(s) " + unbound + " not used in the body of " + r.text());
      }
    }
    RuleGraph graph = RuleGraph.of(byName);
    check(q.where(), inVars, inVars, byName);
    Set<Symbol> bindable = new LinkedHashSet<>(inVars);
    q.where().forEach(c -> bindable.addAll(Vars.binds(c)));
    List<Term.Var> needed = new ArrayList<>(q.with());
    for (FindElement e : q.find().elements()) {
      if (e instanceof FindVar v) {
        needed.add(v.var());
      } else if (e instanceof FindAggregate a) {
        needed.add(a.var());
      } else if (e instanceof FindPull p) {
        needed.add(p.entity());
        if (p.pattern() instanceof Term.Var pv) {
          needed.add(pv);
        }
      }
    }
    Set<Symbol> found = new LinkedHashSet<>();
    for (FindElement e : q.find().elements()) {
      Term.Var v =
          e instanceof FindVar fv ? fv.var() : e instanceof FindPull fp ? fp.entity() : null;
      if (v != null && !found.add(v.symbol())) {
        throw QueryErrors.incorrect(
            "invalid-find", "Find variable " + v + " appears more than once in :find");
      }
    }
    Set<Symbol> withOrFind = new LinkedHashSet<>();
    needed.subList(q.with().size(), needed.size()).forEach(v -> withOrFind.add(v.symbol()));
    for (Term.Var w : q.with()) {
      if (!withOrFind.add(w.symbol())) {
        throw QueryErrors.incorrect(
            "invalid-with", "Variable " + w + " of :with is already in :find or :with");
      }
    }
    for (Term.Var v : needed) {
      if (!bindable.contains(v.symbol())) {
        throw QueryErrors.incorrect(
            "unbound-find-var", "Find variable " + v + " is not bound by :where or :in");
      }
    }
    return new ValidQuery(q, Map.copyOf(byName), graph, Set.copyOf(inVars));
  }

  private static void check(
      List<Clause> clauses, Set<Symbol> bound, Set<Symbol> outer, Map<Symbol, List<Rule>> rules) {
    for (Clause c : clauses) {
      shape(c, clauses, outer, rules);
    }
    Clause stuck = Vars.feasible(clauses, bound, outer, rules);
    if (stuck != null) {
      throw insufficient(stuck, clauses, bound, outer, rules);
    }
  }

  private static void shape(
      Clause c, List<Clause> siblings, Set<Symbol> outer, Map<Symbol, List<Rule>> rules) {
    if (c instanceof RuleCall r) {
      List<Rule> defs = rules.get(r.name());
      if (defs == null) {
        throw QueryErrors.incorrect(
            "unknown-rule", "Unknown rule or clause '" + r.name() + "' in " + r.text());
      }
      if (defs.get(0).arity() > r.args().size()) {
        throw QueryErrors.incorrect(
            "rule-arity",
            "Rule "
                + r.name()
                + " takes "
                + defs.get(0).arity()
                + " arguments, called with "
                + r.args().size()
                + " in "
                + r.text());
      }
    } else if (c instanceof Or o) {
      Set<Symbol> first = null;
      for (Clause b : o.branches()) {
        Set<Symbol> vs = Vars.all(b);
        if (first != null && !first.equals(vs)) {
          throw QueryErrors.incorrect(
              "invalid-or",
              "All branches of 'or' must use the same set of variables: "
                  + first
                  + " vs "
                  + vs
                  + " in "
                  + o.text());
        }
        first = vs;
      }
    } else if (c instanceof Clause.FnExpr f) {
      Set<Symbol> both = new LinkedHashSet<>(Vars.of(f.binding()));
      both.retainAll(Vars.of(f.args()));
      if (!both.isEmpty()) {
        // Datomic cannot bind a function's result to one of its own arguments
        throw QueryErrors.incorrect(
            "invalid-binding",
            "Function expression " + f.text() + " binds its own argument(s) " + both);
      }
    } else if (c instanceof Not n) {
      // Datomic: every variable of a not (unlike not-join) must be bound outside it
      Set<Symbol> inside = new LinkedHashSet<>(Vars.all(n));
      inside.removeAll(Vars.scope(siblings, n, outer));
      if (!inside.isEmpty()) {
        throw QueryErrors.incorrect(
            "insufficient-binding",
            "Insufficient binding of db clause: variable(s) "
                + inside
                + " of "
                + n.text()
                + " are not bound outside it; use not-join to keep variables local");
      }
    }
    Set<Symbol> inner = new LinkedHashSet<>(outer);
    inner.addAll(Vars.scope(siblings, c, outer));
    for (Clause sub : Vars.children(c)) {
      if (c instanceof Or || c instanceof Clause.OrJoin) {
        for (Clause x : Vars.branch(sub)) {
          shape(x, Vars.branch(sub), inner, rules);
        }
      } else {
        shape(sub, Vars.children(c), inner, rules);
      }
    }
  }

  private static Anomaly insufficient(
      Clause c,
      List<Clause> clauses,
      Set<Symbol> bound,
      Set<Symbol> outer,
      Map<Symbol, List<Rule>> rules) {
    Set<Symbol> bindable = new LinkedHashSet<>(bound);
    clauses.forEach(x -> bindable.addAll(Vars.binds(x)));
    Set<Symbol> missing = new LinkedHashSet<>();
    if (c instanceof Predicate || c instanceof FnExpr) {
      missing.addAll(Vars.all(c));
      if (c instanceof FnExpr f) {
        missing.removeAll(Vars.of(f.binding()));
      }
    } else if (c instanceof Not || c instanceof NotJoin) {
      missing.addAll(Vars.joinVars(c, Vars.scope(clauses, c, outer)));
    } else if (c instanceof RuleCall r) {
      missing.addAll(Vars.of(r.args().subList(0, rules.get(r.name()).get(0).required().size())));
    } else {
      missing.addAll(Vars.all(c));
    }
    missing.removeAll(bindable);
    String what =
        missing.isEmpty()
            ? "its variables cannot all be bound first"
            : "variable(s) " + missing + " unbound";
    return QueryErrors.incorrect(
        "insufficient-binding", "Insufficient binding in " + c.text() + ": " + what);
  }
}
