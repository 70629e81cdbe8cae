package io.vertomic.query.fn;

import io.vertomic.datom.Values;
import io.vertomic.edn.Symbol;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whitelist of functions, predicates and aggregates a query may call, and the registry for ones
 * registered from Java. Minimal version written alongside the query engine (comparisons, {@code
 * inc}, {@code +}, {@code str}; {@code count}, {@code min}, {@code max}, {@code sum}, {@code avg})
 * until the full fn package lands; its API is the agreed one. Thread-safe.
 */
public final class Functions {
  private static final Map<String, QueryFunction> FNS = new ConcurrentHashMap<>();
  private static final Map<String, Aggregate> AGGS = new ConcurrentHashMap<>();

  static {
    register("=", a -> Values.equal(a[0], a[1]));
    register("<", a -> Values.compare(a[0], a[1]) < 0);
    register(">", a -> Values.compare(a[0], a[1]) > 0);
    register("<=", a -> Values.compare(a[0], a[1]) <= 0);
    register("!=", a -> !Values.equal(a[0], a[1]));
    register("inc", a -> ((Long) a[0]) + 1);
    register("+", a -> ((Long) a[0]) + ((Long) a[1]));
    register(
        "str",
        a -> {
          StringBuilder sb = new StringBuilder();
          for (Object o : a) {
            sb.append(o);
          }
          return sb.toString();
        });
    registerAggregate("count", (args, vs) -> (long) vs.size());
    registerAggregate("min", (args, vs) -> vs.stream().min(Values::compare).orElse(null));
    registerAggregate("max", (args, vs) -> vs.stream().max(Values::compare).orElse(null));
    registerAggregate("sum", (args, vs) -> vs.stream().mapToLong(v -> (Long) v).sum());
    registerAggregate(
        "avg",
        (args, vs) -> vs.stream().mapToDouble(v -> ((Number) v).doubleValue()).average().orElse(0));
  }

  private Functions() {}

  public static QueryFunction function(Symbol name) {
    return FNS.get(name.text());
  }

  public static Aggregate aggregate(Symbol name) {
    return AGGS.get(name.text());
  }

  public static boolean isAggregate(Symbol name) {
    return AGGS.containsKey(name.text());
  }

  public static void register(String name, QueryFunction f) {
    FNS.put(name, f);
  }

  public static void registerAggregate(String name, Aggregate a) {
    AGGS.put(name, a);
  }

  public static boolean truthy(Object v) {
    return v != null && !Boolean.FALSE.equals(v);
  }
}
