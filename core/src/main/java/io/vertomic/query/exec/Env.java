package io.vertomic.query.exec;

import io.vertomic.db.DbValue;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.QueryErrors;
import io.vertomic.query.parse.Rule;
import io.vertomic.query.parse.RuleGraph;
import io.vertomic.query.parse.Term.SrcVar;
import io.vertomic.query.plan.PlanContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every clause of one run can see: the data sources by name, the default source of the clauses
 * at hand ({@code $}, or the source of an enclosing {@code ($a not ...)} or rule call), the rules,
 * the limits and the rule tables. Not thread-safe: one per run.
 */
final class Env {
  final Map<Symbol, Object> sources;
  private final Map<Symbol, DbValue> databases;
  final Symbol defaultSrc;
  final Map<Symbol, List<Rule>> rules;
  final Limits limits;
  final RuleEngine ruleEngine;

  /**
   * The variables of scalar (and tuple) inputs: one value each, known before the run, so as good as
   * written where Datomic treats a written constant apart (an attribute whose reference values are
   * resolved from lookup refs and idents).
   */
  final Set<Symbol> scalarVars;

  private Env(
      Map<Symbol, Object> sources,
      Symbol defaultSrc,
      Map<Symbol, List<Rule>> rules,
      Limits limits,
      RuleEngine ruleEngine,
      Set<Symbol> scalarVars) {
    this.ruleEngine = ruleEngine;
    this.scalarVars = scalarVars;
    this.sources = sources;
    this.databases = databases(sources);
    this.defaultSrc = defaultSrc;
    this.rules = rules;
    this.limits = limits;
  }

  static Env of(Inputs in, Map<Symbol, List<Rule>> rules, RuleGraph graph, Limits limits) {
    return new Env(
        in.sources, SrcVar.DEFAULT.symbol(), rules, limits, new RuleEngine(graph), in.scalarVars);
  }

  /** The same run with {@code src} as the default source (unchanged when null). */
  Env withDefault(SrcVar src) {
    return src == null || src.symbol().equals(defaultSrc)
        ? this
        : new Env(sources, src.symbol(), rules, limits, ruleEngine, scalarVars);
  }

  /** The data source of {@code src} (the default one when null): a database or a collection. */
  Object source(SrcVar src) {
    Symbol s = src == null ? defaultSrc : src.symbol();
    Object source = sources.get(s);
    if (source == null) {
      throw QueryErrors.incorrect(
          "unknown-source", "No database bound to source " + s + " (add it to :in and the inputs)");
    }
    return source;
  }

  /** The database of {@code src} (the default one when null); a collection source is refused. */
  DbValue db(SrcVar src) {
    if (source(src) instanceof DbValue db) {
      return db;
    }
    throw QueryErrors.incorrect(
        "invalid-data-source",
        "Source "
            + (src == null ? defaultSrc : src.symbol())
            + " is a collection, and this needs a database");
  }

  PlanContext planContext() {
    return new PlanContext(databases, defaultSrc, rules);
  }

  private static Map<Symbol, DbValue> databases(Map<Symbol, Object> sources) {
    Map<Symbol, DbValue> dbs = new HashMap<>();
    sources.forEach(
        (name, source) -> {
          if (source instanceof DbValue db) {
            dbs.put(name, db);
          }
        });
    return dbs;
  }
}
