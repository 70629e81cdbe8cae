package io.vertomic.query.exec;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Symbol;
import io.vertomic.query.fn.Aggregate;
import io.vertomic.query.fn.Functions;
import io.vertomic.query.fn.QueryFunction;

/**
 * Resolves the functions a query names: the engine's built-ins, else the whitelist of {@link
 * Functions}. Anything else is {@code forbidden}: a query never reaches arbitrary code (no
 * reflection).
 */
final class Callables {
  private Callables() {}

  static QueryFunction function(Symbol name) {
    QueryFunction f = Builtins.of(name);
    if (f == null) {
      f = Functions.function(name);
    }
    if (f == null) {
      throw notAllowed(name, "function");
    }
    return f;
  }

  static Aggregate aggregate(Symbol name) {
    Aggregate a = Functions.aggregate(name);
    if (a == null) {
      throw notAllowed(name, "aggregate");
    }
    return a;
  }

  private static Anomaly notAllowed(Symbol name, String kind) {
    if (Functions.isAggregate(name) && kind.equals("function")) {
      return Anomaly.forbidden(
          "query.error/function-not-allowed",
          "Aggregate " + name + " can only be used in :find, not as a " + kind);
    }
    return Anomaly.forbidden(
        "query.error/function-not-allowed",
        "The " + kind + " " + name + " is not allowed in queries (register it with Functions)");
  }

  static boolean truthy(Object v) {
    return Functions.truthy(v);
  }

  static boolean isForbidden(Anomaly a) {
    return a.category() == Category.FORBIDDEN;
  }
}
