package io.vertomic.query.fn;

import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strings, names and regular expressions: {@code str}, {@code subs}, {@code count}, {@code name},
 * {@code namespace}, {@code keyword}, {@code symbol}, {@code re-*} and {@code clojure.string/*}. A
 * regex argument may be a {@code Pattern} or a string.
 */
final class Strings {
  private Strings() {}

  static void register() {
    Functions.builtin(
        "str",
        a -> {
          StringBuilder sb = new StringBuilder();
          for (Object o : a) {
            // collections print as Clojure prints them: [14 4], not Java's [14, 4]
            sb.append(
                o == null
                    ? ""
                    : o instanceof Keyword
                        ? o.toString()
                        : o instanceof java.util.Collection<?> || o instanceof java.util.Map<?, ?>
                            ? printed(o)
                            : o);
          }
          return sb.toString();
        });
    Functions.builtin(
        "subs",
        a -> {
          Args.arity("subs", a, 2, 3);
          String s = Args.string("subs", a, 0);
          int from = (int) Args.integer("subs", a, 1);
          int to = a.length == 3 ? (int) Args.integer("subs", a, 2) : s.length();
          if (from < 0 || to > s.length() || from > to) {
            throw Args.invalid("subs", "range " + from + ".." + to + " outside \"" + s + "\"");
          }
          return s.substring(from, to);
        });
    Functions.builtin(
        "count",
        a -> {
          Args.arity("count", a, 1, 1);
          Object x = a[0];
          if (x instanceof String s) {
            return (long) s.length();
          }
          if (x instanceof Collection<?> c) {
            return (long) c.size();
          }
          if (x instanceof Map<?, ?> m) {
            return (long) m.size();
          }
          throw Args.invalid("count", "cannot count " + x);
        });
    Functions.builtin("name", a -> named("name", a, true));
    Functions.builtin("namespace", a -> named("namespace", a, false));
    Functions.builtin(
        "keyword",
        a -> {
          Args.arity("keyword", a, 1, 2);
          return a.length == 1
              ? Keyword.of(Args.string("keyword", a, 0))
              : Keyword.of(Args.string("keyword", a, 0), Args.string("keyword", a, 1));
        });
    Functions.builtin(
        "symbol",
        a -> {
          Args.arity("symbol", a, 1, 1);
          return Symbol.of(Args.string("symbol", a, 0));
        });
    Functions.builtin("re-pattern", a -> pattern("re-pattern", a));
    Functions.builtin(
        "re-find",
        a -> {
          Matcher m = matcher("re-find", a);
          return m.find() ? groups(m) : null;
        });
    Functions.builtin(
        "re-matches",
        a -> {
          Matcher m = matcher("re-matches", a);
          return m.matches() ? groups(m) : null;
        });
    Functions.builtin(
        "re-seq",
        a -> {
          Matcher m = matcher("re-seq", a);
          List<Object> out = new ArrayList<>();
          while (m.find()) {
            out.add(groups(m));
          }
          return out.isEmpty() ? null : out;
        });
    string("blank?", a -> a[0] == null || ((String) a[0]).isBlank(), 1);
    string("includes?", a -> ((String) a[0]).contains((String) a[1]), 2);
    string("starts-with?", a -> ((String) a[0]).startsWith((String) a[1]), 2);
    string("ends-with?", a -> ((String) a[0]).endsWith((String) a[1]), 2);
    string("upper-case", a -> ((String) a[0]).toUpperCase(Locale.ROOT), 1);
    string("lower-case", a -> ((String) a[0]).toLowerCase(Locale.ROOT), 1);
    string("trim", a -> ((String) a[0]).trim(), 1);
    Functions.builtin(
        "clojure.string/join",
        a -> {
          Args.arity("clojure.string/join", a, 1, 2);
          String sep = a.length == 2 ? Args.string("clojure.string/join", a, 0) : "";
          Object coll = a[a.length - 1];
          if (!(coll instanceof Collection<?> c)) {
            throw Args.invalid("clojure.string/join", "last argument is not a collection");
          }
          List<String> parts = new ArrayList<>();
          for (Object o : c) {
            parts.add(String.valueOf(o));
          }
          return String.join(sep, parts);
        });
  }

  private static void string(String name, QueryFunction f, int arity) {
    String fn = "clojure.string/" + name;
    Functions.builtin(
        fn,
        a -> {
          Args.arity(fn, a, arity, arity);
          for (int i = 0; i < a.length; i++) {
            if (!(name.equals("blank?") && a[i] == null)) {
              Args.string(fn, a, i);
            }
          }
          return f.apply(a);
        });
  }

  private static Object named(String fn, Object[] a, boolean name) {
    Args.arity(fn, a, 1, 1);
    if (a[0] instanceof Keyword k) {
      return name ? k.name() : k.namespace();
    }
    if (a[0] instanceof Symbol s) {
      return name ? s.name() : s.namespace();
    }
    if (a[0] instanceof String s && name) {
      return s;
    }
    throw Args.invalid(fn, "not a keyword or symbol: " + a[0]);
  }

  private static Pattern pattern(String fn, Object[] a) {
    Args.arity(fn, a, 1, 1);
    return toPattern(fn, a[0]);
  }

  private static Pattern toPattern(String fn, Object p) {
    if (p instanceof Pattern pat) {
      return pat;
    }
    if (p instanceof String s) {
      try {
        return Pattern.compile(s);
      } catch (RuntimeException e) {
        throw Args.invalid(fn, "bad regular expression " + s + ": " + e.getMessage());
      }
    }
    throw Args.invalid(fn, "not a regular expression: " + p);
  }

  private static Matcher matcher(String fn, Object[] a) {
    Args.arity(fn, a, 2, 2);
    return toPattern(fn, a[0]).matcher(Args.string(fn, a, 1));
  }

  /** The whole match, or as in Clojure a vector of it and its groups when there are groups. */
  private static Object groups(Matcher m) {
    if (m.groupCount() == 0) {
      return m.group();
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i <= m.groupCount(); i++) {
      out.add(m.group(i));
    }
    return out;
  }

  /**
   * A collection as Clojure prints it: EDN, except that a {@code BigInteger} (a bigint value) has
   * no {@code N}, as Clojure prints Java's own big integers.
   */
  private static String printed(Object o) {
    if (o instanceof java.math.BigInteger) {
      return o.toString();
    }
    if (o instanceof java.util.List<?> l && !(o instanceof io.vertomic.edn.EdnList)) {
      StringBuilder sb = new StringBuilder("[");
      for (Object x : l) {
        sb.append(sb.length() > 1 ? " " : "").append(printed(x));
      }
      return sb.append(']').toString();
    }
    return io.vertomic.edn.Edn.write(o);
  }
}
