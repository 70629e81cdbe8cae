package io.vertomic.query.parse;

import io.vertomic.edn.Symbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency graph of a query's rules: which rules each rule's body calls, positively or under
 * {@code not}, grouped into strongly connected components (mutually recursive rules). Checks what
 * makes a program meaningless, each an {@code incorrect} anomaly: negation through recursion (a
 * rule that depends on itself under {@code not}: the program is not stratifiable) and recursion
 * with no base case (a component every branch of which calls back into it at its top level).
 * Immutable.
 */
public final class RuleGraph {
  /**
   * The most rules one query may define. Finding components walks the call graph depth first on the
   * Java stack, so a query of a hundred thousand rules calling one another in a chain must be
   * refused before the walk; real rule sets have tens.
   */
  public static final int MAX_RULES = 1000;

  /**
   * The longest chain of calls from one rule into another component's: evaluation completes a
   * callee's component inside the caller's, on the Java stack, so this bounds its depth (recursion
   * within a component is semi-naive iteration and costs no stack). Real rule sets nest a few deep.
   */
  public static final int MAX_CALL_DEPTH = 100;

  private final Map<Symbol, Integer> component;
  private final Set<Integer> recursive;

  private RuleGraph(Map<Symbol, Integer> component, Set<Integer> recursive) {
    this.component = component;
    this.recursive = recursive;
  }

  /** The graph of {@code rules} (by name), checked. */
  public static RuleGraph of(Map<Symbol, List<Rule>> rules) {
    if (rules.size() > MAX_RULES) {
      throw QueryErrors.incorrect(
          "too-many-rules",
          "The query defines " + rules.size() + " rules, more than the limit of " + MAX_RULES);
    }
    Map<Symbol, Map<Symbol, Boolean>> edges = new LinkedHashMap<>();
    for (Map.Entry<Symbol, List<Rule>> e : rules.entrySet()) {
      Map<Symbol, Boolean> out = new LinkedHashMap<>();
      for (Rule r : e.getValue()) {
        calls(r.body(), false, out);
      }
      out.keySet().retainAll(rules.keySet());
      edges.put(e.getKey(), out);
    }
    Map<Symbol, Integer> comp = new Tarjan(edges).run();
    Set<Integer> recursive = new HashSet<>();
    edges.forEach(
        (from, out) ->
            out.forEach(
                (to, negated) -> {
                  if (comp.get(from).equals(comp.get(to))) {
                    recursive.add(comp.get(from));
                    if (negated) {
                      throw QueryErrors.incorrect(
                          "unstratified-negation",
                          "Rule "
                              + from
                              + " depends on "
                              + to
                              + " under not, and "
                              + to
                              + " depends on "
                              + from
                              + ": negation through recursion cannot be stratified");
                    }
                  }
                }));
    checkCallDepth(edges, comp);
    RuleGraph g = new RuleGraph(comp, recursive);
    g.checkBaseCases(rules);
    return g;
  }

  // components are numbered callees first, so one pass in that order sees every callee's depth
  private static void checkCallDepth(
      Map<Symbol, Map<Symbol, Boolean>> edges, Map<Symbol, Integer> comp) {
    List<Symbol> byComponent = new ArrayList<>(edges.keySet());
    byComponent.sort(Comparator.comparing(comp::get));
    Map<Integer, Integer> depth = new HashMap<>();
    for (Symbol from : byComponent) {
      int c = comp.get(from);
      int d = depth.getOrDefault(c, 1);
      for (Symbol to : edges.get(from).keySet()) {
        if (comp.get(to) != c) {
          d = Math.max(d, depth.get(comp.get(to)) + 1);
        }
      }
      depth.put(c, d);
      if (d > MAX_CALL_DEPTH) {
        throw QueryErrors.incorrect(
            "rules-too-deep",
            "Rule "
                + from
                + " starts a chain of calls "
                + d
                + " rules deep, more than the limit of "
                + MAX_CALL_DEPTH);
      }
    }
  }

  /** The component of rule {@code name}: rules with the same one are mutually recursive. */
  public int component(Symbol name) {
    return component.get(name);
  }

  /** Whether the component of rule {@code name} is recursive (a cycle, perhaps a self-call). */
  public boolean isRecursive(Symbol name) {
    return recursive.contains(component.get(name));
  }

  /** Whether {@code clause}, or a clause nested in it, calls a rule of component {@code comp}. */
  public boolean calls(Clause clause, int comp) {
    Map<Symbol, Boolean> out = new HashMap<>();
    calls(List.of(clause), false, out);
    for (Symbol s : out.keySet()) {
      if (component.containsKey(s) && component.get(s) == comp) {
        return true;
      }
    }
    return false;
  }

  private void checkBaseCases(Map<Symbol, List<Rule>> rules) {
    Map<Integer, Boolean> based = new HashMap<>();
    Map<Integer, Symbol> someRule = new HashMap<>();
    rules.forEach(
        (name, branches) -> {
          int comp = component(name);
          someRule.putIfAbsent(comp, name);
          for (Rule r : branches) {
            // a call nested in an or may sit beside a base case, so only top-level calls count
            boolean callsBack = false;
            for (Clause c : r.body()) {
              callsBack |= c instanceof Clause.RuleCall call && component(call.name()) == comp;
            }
            based.merge(comp, !callsBack, Boolean::logicalOr);
          }
        });
    for (int comp : recursive) {
      if (!based.get(comp)) {
        throw QueryErrors.incorrect(
            "no-base-case",
            "Rule "
                + someRule.get(comp)
                + " is recursive and every branch calls back into it: it has no base case");
      }
    }
  }

  private static void calls(List<Clause> clauses, boolean negated, Map<Symbol, Boolean> out) {
    for (Clause c : clauses) {
      if (c instanceof Clause.RuleCall call) {
        out.merge(call.name(), negated, Boolean::logicalOr);
      }
      boolean under = negated || c instanceof Clause.Not || c instanceof Clause.NotJoin;
      calls(Vars.children(c), under, out);
    }
  }

  /** Tarjan's strongly connected components, numbered in the order they complete. */
  private static final class Tarjan {
    private final Map<Symbol, Map<Symbol, Boolean>> edges;
    private final Map<Symbol, Integer> index = new HashMap<>();
    private final Map<Symbol, Integer> low = new HashMap<>();
    private final Deque<Symbol> stack = new ArrayDeque<>();
    private final Set<Symbol> onStack = new HashSet<>();
    private final Map<Symbol, Integer> comp = new HashMap<>();
    private int next;
    private int comps;

    Tarjan(Map<Symbol, Map<Symbol, Boolean>> edges) {
      this.edges = edges;
    }

    Map<Symbol, Integer> run() {
      for (Symbol s : new ArrayList<>(edges.keySet())) {
        if (!index.containsKey(s)) {
          visit(s);
        }
      }
      return comp;
    }

    private void visit(Symbol s) {
      index.put(s, next);
      low.put(s, next++);
      stack.push(s);
      onStack.add(s);
      for (Symbol t : edges.get(s).keySet()) {
        if (!index.containsKey(t)) {
          visit(t);
          low.put(s, Math.min(low.get(s), low.get(t)));
        } else if (onStack.contains(t)) {
          low.put(s, Math.min(low.get(s), index.get(t)));
        }
      }
      if (low.get(s).equals(index.get(s))) {
        Symbol t;
        do {
          t = stack.pop();
          onStack.remove(t);
          comp.put(t, comps);
        } while (!t.equals(s));
        comps++;
      }
    }
  }
}
