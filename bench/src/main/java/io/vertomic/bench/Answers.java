package io.vertomic.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of a query answer, so Vertomic's and Datomic's answers compare as values: the
 * answer's rows (or elements) sorted, the order inside a row kept, keywords as their text whichever
 * engine's class they are, maps by key, collections inside maps (pulled cardinality-many values)
 * sorted, integers by value whatever their boxed type, doubles to 9 significant digits. Queries
 * compared this way return names, not entity ids, which differ between engines.
 */
final class Answers {
  private Answers() {}

  static String canonical(Object answer) {
    if (answer instanceof Collection<?> rows) {
      List<String> out = new ArrayList<>();
      for (Object row : rows) {
        out.add(value(row, false));
      }
      out.sort(null);
      return "#{" + String.join("\n  ", out) + "}";
    }
    return value(answer, false);
  }

  /** The size of an answer: rows for a collection, 1 for a scalar. */
  static long size(Object answer) {
    return answer instanceof Collection<?> c ? c.size() : answer == null ? 0 : 1;
  }

  private static String value(Object v, boolean sortLists) {
    if (v instanceof Object[] a) {
      return value(List.of(a), sortLists);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, String> sorted = new TreeMap<>();
      m.forEach((k, x) -> sorted.put(value(k, false), value(x, true)));
      return sorted.toString();
    }
    if (v instanceof Collection<?> c) {
      List<String> out = new ArrayList<>();
      for (Object x : c) {
        out.add(value(x, true));
      }
      if (sortLists || v instanceof java.util.Set<?>) {
        out.sort(null);
      }
      return "[" + String.join(" ", out) + "]";
    }
    if (v instanceof Double || v instanceof Float) {
      return String.format(Locale.ROOT, "%.9g", ((Number) v).doubleValue());
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return Long.toString(((Number) v).longValue());
    }
    if (v instanceof clojure.lang.BigInt b) {
      return b.toBigInteger().toString();
    }
    if (v instanceof String s) {
      return '"' + s + '"';
    }
    return String.valueOf(v);
  }
}
