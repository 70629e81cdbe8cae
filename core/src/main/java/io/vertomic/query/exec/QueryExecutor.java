package io.vertomic.query.exec;

import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause;
import io.vertomic.query.parse.FindElement;
import io.vertomic.query.parse.Query;
import io.vertomic.query.parse.QueryErrors;
import io.vertomic.query.parse.QueryValidator;
import io.vertomic.query.parse.Rule;
import io.vertomic.query.parse.ValidQuery;
import io.vertomic.query.parse.Vars;
import io.vertomic.query.plan.Explain;
import io.vertomic.query.plan.Planner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query engine's entry points, over database values: parse, validate against the inputs, plan,
 * run, shape. Databases among the inputs must be {@link io.vertomic.db.DbValue}s (the peer unwraps
 * its {@code Database}s before calling). Stateless and thread-safe; each run has its own state.
 *
 * <pre>{@code
 * QueryExecutor.q("[:find ?e :where [?e :person/name \"Ivan\"]]", dbValue) // => #{[17592186045418]}
 * }</pre>
 */
public final class QueryExecutor {
  private static final Keyword QUERY = Keyword.of("query");
  private static final Keyword ARGS = Keyword.of("args");
  private static final Keyword TIMEOUT = Keyword.of("timeout");
  private static final Keyword ROW_LIMIT = Keyword.of("row-limit");

  private QueryExecutor() {}

  /** The answer to {@code query} over {@code inputs}, shaped by its find spec. */
  public static Object q(Object query, Object... inputs) {
    return run(query, inputs, 0, 0);
  }

  /**
   * Runs a query map: {@code :query}, {@code :args} (a List), {@code :timeout} (ms: past it the run
   * fails with an {@code interrupted} anomaly, {@code :query.error/timeout}) and {@code :row-limit}
   * (cap on intermediate rows, default 10,000,000: past it, {@code incorrect}).
   */
  public static Object query(Map<?, ?> request) {
    Object query = get(request, QUERY);
    if (query == null) {
      throw QueryErrors.incorrect("invalid-query", "A query map needs :query");
    }
    Object args = get(request, ARGS);
    Object[] inputs = args == null ? new Object[0] : ((List<?>) args).toArray();
    return run(query, inputs, number(get(request, TIMEOUT)), number(get(request, ROW_LIMIT)));
  }

  /**
   * Datomic's {@code qseq}: the answer of {@link #q} as a lazy sequence, pull expressions run only
   * as each row is consumed. {@code query} may also be a query map ({@code :query}, {@code :args},
   * {@code :timeout}, {@code :row-limit}, as {@link #query}); then {@code inputs} must be empty.
   * Relation and collection find specs only ({@code incorrect} otherwise).
   */
  public static Iterable<?> qseq(Object query, Object... inputs) {
    if (query instanceof Map<?, ?> m && get(m, QUERY) != null) {
      Object args = get(m, ARGS);
      Object[] in = args == null ? new Object[0] : ((List<?>) args).toArray();
      return (Iterable<?>)
          solve(get(m, QUERY), in, number(get(m, TIMEOUT)), number(get(m, ROW_LIMIT)), true);
    }
    return (Iterable<?>) solve(query, inputs, 0, 0, true);
  }

  /**
   * The plan of {@code query} over {@code inputs} as EDN-able data: {@code {:steps [{:clause ...
   * :index :avet :estimated-rows n} ...]}}. Runs nothing.
   */
  public static Object explain(Object query, Object... inputs) {
    Query q = ParseCache.query(query);
    Inputs in = Inputs.bind(q, inputs);
    ValidQuery v = QueryValidator.validate(q, in.rules);
    Env env = Env.of(in, v.rules(), v.ruleGraph(), Limits.none());
    Map<Keyword, Object> out = new LinkedHashMap<>();
    out.put(
        Keyword.of("steps"),
        Explain.of(Planner.plan(q.where(), v.inVars(), v.inVars(), env.planContext())));
    return out;
  }

  private static Object run(Object query, Object[] inputs, long timeoutMs, long rowLimit) {
    return solve(query, inputs, timeoutMs, rowLimit, false);
  }

  private static Object solve(
      Object query, Object[] inputs, long timeoutMs, long rowLimit, boolean lazy) {
    try {
      return solveOnStack(query, inputs, timeoutMs, rowLimit, lazy);
    } catch (StackOverflowError e) {
      // the limits on EDN nesting and rule depth should keep every query well inside the stack;
      // should one still run out, it is a query too deep, not a broken server
      throw QueryErrors.incorrect("too-deep", "The query nests too deeply for the stack");
    }
  }

  private static Object solveOnStack(
      Object query, Object[] inputs, long timeoutMs, long rowLimit, boolean lazy) {
    Query q = ParseCache.query(query);
    LogInputs.check(q, inputs);
    Inputs in = Inputs.bind(q, inputs);
    ValidQuery v =
        in.rules.isEmpty()
            ? ParseCache.validWithoutRules(query, q)
            : QueryValidator.validate(q, in.rules);
    checkFunctions(v);
    Limits limits = new Limits(timeoutMs, rowLimit);
    Env env = Env.of(in, v.rules(), v.ruleGraph(), limits);
    IdentCheck.check(q.where(), in, v.inVars(), env);
    Bindings b = new Bindings(limits);
    in.relations.forEach(b::add);
    Solver.run(q.where(), b, v.inVars(), env);
    return lazy ? SeqShaper.shape(q, b, env) : FindShaper.shape(q, b, env);
  }

  /** Fails before running anything when the query names a function that is not allowed. */
  private static void checkFunctions(ValidQuery v) {
    checkClauses(v.query().where());
    for (List<Rule> rs : v.rules().values()) {
      rs.forEach(r -> checkClauses(r.body()));
    }
    for (FindElement e : v.query().find().elements()) {
      if (e instanceof FindElement.FindAggregate a) {
        Callables.aggregate(a.fn());
      }
    }
  }

  private static void checkClauses(List<Clause> clauses) {
    for (Clause c : clauses) {
      Symbol fn =
          c instanceof Clause.Predicate p ? p.fn() : c instanceof Clause.FnExpr f ? f.fn() : null;
      if (fn != null) {
        Callables.function(fn);
      }
      checkClauses(Vars.children(c));
    }
  }

  private static Object get(Map<?, ?> m, Keyword k) {
    Object v = m.get(k);
    return v != null ? v : m.containsKey(k.name()) ? m.get(k.name()) : m.get(":" + k.name());
  }

  private static long number(Object x) {
    return x instanceof Number n ? n.longValue() : 0;
  }
}
