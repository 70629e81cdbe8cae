package io.vertomic.query.parse;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause.And;
import io.vertomic.query.parse.Clause.DataPattern;
import io.vertomic.query.parse.Clause.FnExpr;
import io.vertomic.query.parse.Clause.Not;
import io.vertomic.query.parse.Clause.NotJoin;
import io.vertomic.query.parse.Clause.Or;
import io.vertomic.query.parse.Clause.OrJoin;
import io.vertomic.query.parse.Clause.Predicate;
import io.vertomic.query.parse.Clause.RuleCall;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which variables a clause mentions, binds and needs bound before it can run. The validator and the
 * planner share these rules, so every query that validates can be planned in some order.
 */
public final class Vars {
  private Vars() {}

  /** The variables of {@code terms}, in order. */
  public static Set<Symbol> of(List<Term> terms) {
    Set<Symbol> out = new LinkedHashSet<>();
    for (Term t : terms) {
      if (t instanceof Term.Var v) {
        out.add(v.symbol());
      }
    }
    return out;
  }

  /** The variables a binding form binds. */
  public static Set<Symbol> of(Binding b) {
    List<Term.Var> vs = new ArrayList<>();
    BindingParser.vars(b, vs);
    Set<Symbol> out = new LinkedHashSet<>();
    vs.forEach(v -> out.add(v.symbol()));
    return out;
  }

  /** The symbols of {@code vars}. */
  public static Set<Symbol> symbols(List<Term.Var> vars) {
    Set<Symbol> out = new LinkedHashSet<>();
    vars.forEach(v -> out.add(v.symbol()));
    return out;
  }

  /** Every variable {@code c} mentions that can join with the outside. */
  public static Set<Symbol> all(Clause c) {
    if (c instanceof NotJoin nj) {
      return symbols(nj.vars());
    }
    if (c instanceof OrJoin oj) {
      return symbols(oj.vars());
    }
    Set<Symbol> out = new LinkedHashSet<>();
    if (c instanceof DataPattern p) {
      out.addAll(of(p.written().size() > 5 ? p.written() : p.terms()));
    } else if (c instanceof Predicate p) {
      out.addAll(of(p.args()));
    } else if (c instanceof FnExpr f) {
      out.addAll(of(f.args()));
      out.addAll(of(f.binding()));
    } else if (c instanceof RuleCall r) {
      out.addAll(of(r.args()));
    } else {
      for (Clause sub : children(c)) {
        out.addAll(all(sub));
      }
    }
    return out;
  }

  /** The variables bound once {@code c} has run. */
  public static Set<Symbol> binds(Clause c) {
    if (c instanceof Predicate || c instanceof Not || c instanceof NotJoin) {
      return Set.of();
    }
    if (c instanceof FnExpr f) {
      return of(f.binding());
    }
    if (c instanceof And a) {
      Set<Symbol> out = new LinkedHashSet<>();
      a.clauses().forEach(x -> out.addAll(binds(x)));
      return out;
    }
    return all(c);
  }

  /** The sub-clauses of a not/or/and, else empty. */
  public static List<Clause> children(Clause c) {
    if (c instanceof Not n) {
      return n.clauses();
    }
    if (c instanceof NotJoin n) {
      return n.clauses();
    }
    if (c instanceof Or o) {
      return o.branches();
    }
    if (c instanceof OrJoin o) {
      return o.branches();
    }
    if (c instanceof And a) {
      return a.clauses();
    }
    return List.of();
  }

  /** The clauses of an or branch (an {@code and} is flattened). */
  public static List<Clause> branch(Clause b) {
    return b instanceof And a ? a.clauses() : List.of(b);
  }

  /**
   * The variables of a {@code not} (or not-join) that must be bound before it runs: for {@code
   * not}, those it shares with {@code scope} (what the enclosing clauses and inputs can bind).
   */
  public static Set<Symbol> joinVars(Clause not, Set<Symbol> scope) {
    Set<Symbol> out = new LinkedHashSet<>(all(not));
    if (not instanceof Not) {
      out.retainAll(scope);
    }
    return out;
  }

  /**
   * Whether {@code c} can run once {@code bound} are bound; {@code scope} is what the enclosing
   * clauses can bind (for {@code not}).
   */
  public static boolean ready(
      Clause c, Set<Symbol> bound, Set<Symbol> scope, Map<Symbol, List<Rule>> rules) {
    if (c instanceof DataPattern) {
      return true;
    }
    if (c instanceof Predicate p) {
      return bound.containsAll(of(p.args()));
    }
    if (c instanceof FnExpr f) {
      return bound.containsAll(of(f.args()));
    }
    if (c instanceof RuleCall r) {
      return requiredBound(r, bound, rules);
    }
    if (c instanceof Not || c instanceof NotJoin) {
      Set<Symbol> jv = joinVars(c, scope);
      Set<Symbol> inner = new LinkedHashSet<>(bound);
      inner.retainAll(jv);
      return bound.containsAll(jv) && feasible(children(c), inner, jv, rules) == null;
    }
    if (c instanceof OrJoin oj && !bound.containsAll(symbols(oj.required()))) {
      return false;
    }
    Set<Symbol> orVars = all(c);
    Set<Symbol> inner = new LinkedHashSet<>(bound);
    inner.retainAll(orVars);
    for (Clause b : children(c)) {
      if (feasible(branch(b), inner, orVars, rules) != null) {
        return false;
      }
    }
    return true;
  }

  private static boolean requiredBound(
      RuleCall r, Set<Symbol> bound, Map<Symbol, List<Rule>> rules) {
    List<Rule> defs = rules.get(r.name());
    if (defs == null || defs.isEmpty()) {
      return true;
    }
    int req = defs.get(0).required().size();
    for (int i = 0; i < req && i < r.args().size(); i++) {
      if (r.args().get(i) instanceof Term.Var v && !bound.contains(v.symbol())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs the readiness rules to a fixpoint over {@code clauses} starting from {@code bound};
   * returns the first clause that can never run, or null when every clause can.
   */
  public static Clause feasible(
      List<Clause> clauses, Set<Symbol> bound, Set<Symbol> outer, Map<Symbol, List<Rule>> rules) {
    Set<Symbol> b = new LinkedHashSet<>(bound);
    List<Clause> left = new ArrayList<>(clauses);
    boolean progress = true;
    while (!left.isEmpty() && progress) {
      progress = false;
      for (int i = 0; i < left.size(); i++) {
        Clause c = left.get(i);
        if (ready(c, b, scope(clauses, c, outer), rules)) {
          b.addAll(binds(c));
          left.remove(i);
          progress = true;
          break;
        }
      }
    }
    return left.isEmpty() ? null : left.get(0);
  }

  /** What the clauses around {@code self} (and the outer scope) can bind. */
  public static Set<Symbol> scope(List<Clause> clauses, Clause self, Set<Symbol> outer) {
    Set<Symbol> out = new LinkedHashSet<>(outer);
    for (Clause c : clauses) {
      if (c != self) {
        out.addAll(binds(c));
      }
    }
    return out;
  }
}
