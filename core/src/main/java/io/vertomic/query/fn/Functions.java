package io.vertomic.query.fn;

import io.vertomic.edn.Symbol;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whitelist of functions, predicates and aggregates a query may call, and the registry
 * applications add their own to from Java. Only names found here run: nothing is looked up by
 * reflection, so a query string can never call arbitrary code. Built-ins answer to their bare name
 * and to {@code clojure.core/name}; an application may not replace a built-in. Thread-safe.
 *
 * <pre>{@code Functions.register("my.app/discount", a -> ((Long) a[0]) * 9 / 10);}</pre>
 */
public final class Functions {
  private static final Map<String, QueryFunction> FNS = new ConcurrentHashMap<>();
  private static final Map<String, Aggregate> AGGS = new ConcurrentHashMap<>();
  private static final Set<String> BUILTINS = ConcurrentHashMap.newKeySet();

  static {
    Comparisons.register();
    Arithmetic.register();
    Coercions.register();
    Strings.register();
    Basics.register();
    Colls.register();
    Aggregates.register();
  }

  private Functions() {}

  /** The function or predicate named {@code name}, or null when none may run. */
  public static QueryFunction function(Symbol name) {
    return FNS.get(name.text());
  }

  /** The aggregate named {@code name}, or null. */
  public static Aggregate aggregate(Symbol name) {
    return AGGS.get(name.text());
  }

  /** Whether {@code name} is an aggregate. */
  public static boolean isAggregate(Symbol name) {
    return AGGS.containsKey(name.text());
  }

  /**
   * Registers an application function; fails with {@code IllegalArgumentException} when {@code
   * name} is a built-in.
   */
  public static void register(String name, QueryFunction f) {
    refuseBuiltin(name);
    FNS.put(name, f);
  }

  /** Registers an application aggregate; built-in names are refused as for {@link #register}. */
  public static void registerAggregate(String name, Aggregate a) {
    refuseBuiltin(name);
    AGGS.put(name, a);
  }

  /** Clojure truthiness: everything but null and false is true. */
  public static boolean truthy(Object v) {
    return v != null && !Boolean.FALSE.equals(v);
  }

  static void builtin(String name, QueryFunction f) {
    for (String n : aliases(name)) {
      BUILTINS.add(n);
      FNS.put(n, f);
    }
  }

  static void builtinAggregate(String name, Aggregate a) {
    for (String n : aliases(name)) {
      BUILTINS.add(n);
      AGGS.put(n, a);
    }
  }

  private static String[] aliases(String name) {
    return name.contains("/") && name.length() > 1
        ? new String[] {name}
        : new String[] {name, "clojure.core/" + name};
  }

  private static void refuseBuiltin(String name) {
    if (BUILTINS.contains(name)) {
      throw new IllegalArgumentException(
          name + " is a built-in query function and cannot be replaced");
    }
  }
}
