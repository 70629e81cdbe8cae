package io.vertomic.query.plan;

import io.vertomic.db.DbValue;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Rule;
import java.util.List;
import java.util.Map;

/**
 * What the planner needs to know about a run: the databases by source symbol (null when unknown),
 * the default source of the clauses being planned, and the rules.
 */
public record PlanContext(
    Map<Symbol, DbValue> sources, Symbol defaultSrc, Map<Symbol, List<Rule>> rules) {

  /** The database of {@code src} (the default source when null), or null. */
  public DbValue db(Symbol src) {
    return sources.get(src == null ? defaultSrc : src);
  }

  /** The same context with another default source. */
  public PlanContext withDefault(Symbol src) {
    return src == null ? this : new PlanContext(sources, src, rules);
  }
}
