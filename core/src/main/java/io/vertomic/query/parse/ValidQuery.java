package io.vertomic.query.parse;

import io.vertomic.edn.Symbol;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query that passed {@link QueryValidator}: every rule call names a rule of the right arity,
 * every {@code or} branch uses the same variables, and the clauses can run in some order with every
 * predicate, function and {@code not} bound; the rules are stratified, recursive ones have a base
 * case and every head variable is bound by its body. Only {@link QueryValidator} creates one (a
 * class, not a record, so the constructor can stay package-private). Immutable: one validated query
 * text is shared by every call that gives it without rules ({@code ParseCache}).
 */
public final class ValidQuery {
  private final Query query;
  private final Map<Symbol, List<Rule>> rules;
  private final RuleGraph ruleGraph;
  private final Set<Symbol> inVars;

  ValidQuery(Query query, Map<Symbol, List<Rule>> rules, RuleGraph ruleGraph, Set<Symbol> inVars) {
    this.query = query;
    this.rules = java.util.Collections.unmodifiableMap(rules);
    this.ruleGraph = ruleGraph;
    this.inVars = java.util.Collections.unmodifiableSet(inVars);
  }

  public Query query() {
    return query;
  }

  /** The rule branches by name (from the {@code %} input). */
  public Map<Symbol, List<Rule>> rules() {
    return rules;
  }

  /** How the rules call each other: their recursive components, checked to be stratified. */
  public RuleGraph ruleGraph() {
    return ruleGraph;
  }

  /** The variables the {@code :in} bindings bind. */
  public Set<Symbol> inVars() {
    return inVars;
  }
}
