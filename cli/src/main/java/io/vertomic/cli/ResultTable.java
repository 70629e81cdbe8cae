package io.vertomic.cli;

import io.vertomic.edn.Edn;
import io.vertomic.edn.EdnOrder;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A query result as a text table: one column per find element (headed by it, {@code ?name} or
 * {@code (count ?e)}, or by the {@code :keys} names), one row per tuple, sorted in EDN order
 * (Datomic's relations are sets), then the row count. Strings print without quotes; every other
 * value as EDN.
 */
record ResultTable(List<String> header, List<List<Object>> rows) {

  /** The table of {@code result}, which {@code query} (read EDN, list or map form) answered. */
  static ResultTable of(Object query, Object result) {
    List<Object> find = findSpec(query);
    List<String> keys = keys(query);
    List<String> header = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    boolean scalar = find.contains(Symbol.of("."));
    boolean vector = !find.isEmpty() && find.get(0) instanceof List<?>;
    List<?> elements = vector ? (List<?>) find.get(0) : find;
    boolean collection = vector && elements.contains(Symbol.of("..."));
    for (Object e : elements) {
      if (!e.equals(Symbol.of(".")) && !e.equals(Symbol.of("..."))) {
        header.add(Edn.write(e));
      }
    }
    if (scalar || (vector && !collection)) {
      rows.add(result instanceof List<?> tuple && !scalar ? new ArrayList<>(tuple) : row(result));
    } else if (result instanceof Collection<?> c) {
      for (Object r : c) {
        rows.add(collection ? row(r) : tuple(r, keys));
      }
    }
    if (keys != null) {
      header = keys;
    }
    rows.sort(Comparator.comparing(r -> (Object) r, EdnOrder.INSTANCE));
    return new ResultTable(header, rows);
  }

  /**
   * True when {@code query}'s find spec is a relation ({@code :find ?a ?b}), a set of tuples: a
   * peer answers a set, a peer server's JSON and MessagePack a list.
   */
  static boolean findsRelation(Object query) {
    List<Object> find = findSpec(query);
    return !find.isEmpty() && !(find.get(0) instanceof List<?>) && !find.contains(Symbol.of("."));
  }

  private static List<Object> row(Object value) {
    List<Object> r = new ArrayList<>();
    r.add(value);
    return r;
  }

  private static List<Object> tuple(Object r, List<String> keys) {
    if (r instanceof Map<?, ?> m && keys != null) {
      List<Object> t = new ArrayList<>();
      for (String k : keys) {
        Object v = m.get(Keyword.of(k));
        t.add(v != null ? v : m.containsKey(k) ? m.get(k) : m.get(Symbol.of(k)));
      }
      return t;
    }
    return r instanceof List<?> l ? new ArrayList<>(l) : row(r);
  }

  private static List<Object> findSpec(Object query) {
    if (query instanceof Map<?, ?> m) {
      return m.get(Keyword.of("find")) instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }
    return clause(query, "find");
  }

  private static List<String> keys(Object query) {
    for (String k : List.of("keys", "strs", "syms")) {
      List<Object> names =
          query instanceof Map<?, ?> m
              ? (m.get(Keyword.of(k)) instanceof List<?> l ? new ArrayList<>(l) : List.of())
              : clause(query, k);
      if (!names.isEmpty()) {
        return names.stream().map(n -> n instanceof Symbol s ? s.text() : Edn.write(n)).toList();
      }
    }
    return null;
  }

  // the elements after :NAME up to the next keyword of a list-form query
  private static List<Object> clause(Object query, String name) {
    List<Object> out = new ArrayList<>();
    if (query instanceof List<?> l) {
      int i = l.indexOf(Keyword.of(name));
      for (int j = i + 1; i >= 0 && j < l.size() && !(l.get(j) instanceof Keyword); j++) {
        out.add(l.get(j));
      }
    }
    return out;
  }

  void print(PrintStream out) {
    List<List<String>> cells = new ArrayList<>();
    for (List<Object> r : rows) {
      cells.add(r.stream().map(ResultTable::cell).toList());
    }
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : cells) {
        width[i] = Math.max(width[i], i < r.size() ? r.get(i).length() : 0);
      }
    }
    out.println(line(header, width));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
    }
    out.println(rule);
    cells.forEach(r -> out.println(line(r, width)));
    out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
  }

  private static String line(List<String> values, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      String v = i < values.size() ? values.get(i) : "";
      b.append(i == 0 ? "" : " | ").append(v).append(" ".repeat(width[i] - v.length()));
    }
    return b.toString().stripTrailing();
  }

  private static String cell(Object v) {
    return v instanceof String s ? s : Edn.write(v);
  }
}
