package io.vertomic.edn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A database function, Datomic's {@code #db/fn {:lang "java" :params [db e amount] :code "..."}}:
 * the value of a {@code :db.type/fn} attribute such as {@code :db/fn}. It is data only, its
 * language, parameter names, source and imports; the engine compiles it where it is called. Equal
 * when every part is equal; prints as Datomic prints it:
 *
 * <pre>{@code
 * #db/fn{:lang :java, :imports [], :requires [], :params [db e amount], :code "return e;"}
 * }</pre>
 *
 * <p>{@code :code} of a Java function is a method body whose parameters are {@code Object}s named
 * by {@code :params} and which returns an {@code Object}; it may begin with {@code import}
 * statements. {@code :imports} (optional) lists classes or packages ({@code java.util.*}) to
 * import; {@code :requires} is Clojure's and is only kept.
 */
public record DbFn(
    Keyword lang, List<Symbol> params, List<Symbol> imports, List<Object> requires, String code)
    implements Comparable<DbFn> {

  public DbFn {
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(code, "code");
    params = List.copyOf(params);
    imports = List.copyOf(imports);
    requires = Collections.unmodifiableList(new ArrayList<>(requires));
  }

  /**
   * The function {@code spec} describes: a map with keys {@code :lang} (a string, keyword or
   * symbol), {@code :params} (a list of symbols or strings), {@code :code} (a string; any other
   * form is kept as its EDN text) and optionally {@code :imports} and {@code :requires}. Keys are
   * keywords, or their names as strings with or without the colon; other keys are ignored.
   *
   * @throws IllegalArgumentException naming what is missing or of the wrong kind
   */
  public static DbFn of(Map<?, ?> spec) {
    Objects.requireNonNull(spec, "spec");
    Object lang = get(spec, "lang");
    if (!(lang instanceof String || lang instanceof Keyword || lang instanceof Symbol)) {
      throw new IllegalArgumentException(
          "a database function needs :lang, a string such as \"java\", got " + Edn.write(lang));
    }
    Object code = get(spec, "code");
    if (code == null) {
      throw new IllegalArgumentException("a database function needs :code");
    }
    return new DbFn(
        Keyword.of(name(lang)),
        symbols(spec, "params", true),
        symbols(spec, "imports", false),
        list(spec, "requires"),
        code instanceof String s ? s : Edn.write(code));
  }

  /** The value {@code #db/fn value} reads as. */
  static DbFn read(Object value) {
    if (value instanceof Map<?, ?> m) {
      return of(m);
    }
    throw new IllegalArgumentException(
        "#db/fn expects a map {:lang \"java\" :params [...] :code \"...\"}, got "
            + Edn.write(value));
  }

  private static Object get(Map<?, ?> spec, String key) {
    for (Map.Entry<?, ?> e : spec.entrySet()) {
      Object k = e.getKey();
      String text = k instanceof Keyword kw ? kw.text() : k instanceof String s ? s : null;
      if (text != null && (text.equals(key) || text.equals(":" + key))) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String name(Object x) {
    String s = x.toString();
    return s.startsWith(":") ? s.substring(1) : s;
  }

  private static List<Symbol> symbols(Map<?, ?> spec, String key, boolean required) {
    Object v = get(spec, key);
    if (v == null && !required) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw new IllegalArgumentException(
          "a database function's :" + key + " is a vector of symbols, got " + Edn.write(v));
    }
    List<Symbol> out = new ArrayList<>(l.size());
    for (Object x : l) {
      if (x instanceof Symbol s) {
        out.add(s);
      } else if (x instanceof String s && !s.isEmpty()) {
        out.add(Symbol.of(s));
      } else {
        throw new IllegalArgumentException(
            "a database function's :" + key + " holds symbols, not " + Edn.write(x));
      }
    }
    return out;
  }

  private static List<Object> list(Map<?, ?> spec, String key) {
    Object v = get(spec, key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw new IllegalArgumentException(
          "a database function's :" + key + " is a vector, got " + Edn.write(v));
    }
    return new ArrayList<>(l);
  }

  /** By source, then parameters, imports and language: a total order consistent with equals. */
  @Override
  public int compareTo(DbFn o) {
    int c = code.compareTo(o.code);
    if (c == 0) {
      c = compare(params, o.params);
    }
    if (c == 0) {
      c = compare(imports, o.imports);
    }
    if (c == 0) {
      c = lang.compareTo(o.lang);
    }
    return c == 0 ? Edn.write(requires).compareTo(Edn.write(o.requires)) : c;
  }

  private static int compare(List<Symbol> a, List<Symbol> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public String toString() {
    return Edn.write(this);
  }
}
