package io.vertomic.pull;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Symbol;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The functions a pull {@code :xform} may name: a few built-ins and whatever the application
 * registers from Java. Anything else is {@code forbidden}, so a selector never triggers reflection.
 * Thread-safe.
 *
 * <pre>{@code Xforms.register("my.app/initials", v -> ((String) v).substring(0, 1));}</pre>
 */
public final class Xforms {
  private static final Map<String, Function<Object, Object>> FNS = new ConcurrentHashMap<>();

  static {
    builtin("identity", v -> v);
    builtin("str", v -> v instanceof String s ? s : Edn.write(v));
    builtin("count", v -> v instanceof Collection<?> c ? (long) c.size() : 1L);
    builtin("first", v -> v instanceof List<?> l ? (l.isEmpty() ? null : l.get(0)) : v);
    builtin("vector", v -> v instanceof Collection<?> c ? List.copyOf(c) : List.of(v));
  }

  private Xforms() {}

  /** Makes {@code fn} available to {@code :xform} under {@code name}. */
  public static void register(String name, Function<Object, Object> fn) {
    FNS.put(name, fn);
  }

  static Function<Object, Object> require(Symbol name) {
    Function<Object, Object> f = FNS.get(name.toString());
    if (f == null) {
      throw Anomaly.forbidden(
          "db.error/xform-not-allowed",
          "The pull :xform " + name + " is not an allowed function; register it with Xforms");
    }
    return f;
  }

  private static void builtin(String name, Function<Object, Object> fn) {
    FNS.put(name, fn);
    FNS.put("clojure.core/" + name, fn);
  }
}
