package io.vertomic.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generated database: its schema and its data transactions, in order. Entities are named by
 * string tempids ({@code "e3"}, {@code "c1"} for components); later transactions reach an existing
 * entity through the lookup ref {@code [:e/name "e3"]} or by upserting on {@code :e/name}, so the
 * history is plain EDN either engine transacts.
 */
public record History(List<Attr> schema, List<List<Object>> txs) {

  /** The schema as tx data. */
  public List<Object> schemaTx() {
    List<Object> out = new ArrayList<>();
    for (Attr a : schema) {
      out.add(a.toEdn());
    }
    return out;
  }

  /** The same history with {@code txs} in place of its transactions. */
  public History withTxs(List<List<Object>> txs) {
    return new History(schema, txs);
  }

  /** The attribute named {@code ident}, or null. */
  public Attr attr(Object ident) {
    for (Attr a : schema) {
      if (a.ident().equals(ident)) {
        return a;
      }
    }
    return null;
  }

  /**
   * Whether {@code txData} (a transaction or a list of them) makes a reference to an ident entity:
   * a keyword as the value of a reference attribute, which {@code [:e/name "e6"]} given to a
   * cardinality-many reference also is. Such an entity's raw id differs between the engines (72 in
   * Datomic, 100 in Vertomic) and shows as a plain number where a query reads values of any
   * attribute.
   */
  public boolean refersToIdents(Object txData) {
    if (txData instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Attr a = attr(e.getKey());
        if (a != null && a.isRef() && names(a, e.getValue()) || refersToIdents(e.getValue())) {
          return true;
        }
      }
      return false;
    }
    if (txData instanceof List<?> l) {
      if (l.size() == 4 && Attr.kw("db/add").equals(l.get(0))) {
        Attr a = attr(l.get(2));
        return a != null && a.isRef() && l.get(3) instanceof io.vertomic.edn.Keyword;
      }
      for (Object x : l) {
        if (refersToIdents(x)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code v}, given to {@code a} in a map, names an ident. */
  private static boolean names(Attr a, Object v) {
    return v instanceof io.vertomic.edn.Keyword
        || a.many()
            && v instanceof List<?> l
            && l.stream().anyMatch(x -> x instanceof io.vertomic.edn.Keyword);
  }

  /** The string tempids of {@code tx}: every {@code :db/id} string, nested maps' too. */
  public static List<String> tempids(Object tx) {
    List<String> out = new ArrayList<>();
    collect(tx, out);
    return out;
  }

  private static void collect(Object v, List<String> out) {
    if (v instanceof Map<?, ?> m) {
      if (m.get(Attr.kw("db/id")) instanceof String s && !out.contains(s)) {
        out.add(s);
      }
      m.values().forEach(x -> collect(x, out));
    } else if (v instanceof List<?> l) {
      l.forEach(x -> collect(x, out));
    }
  }
}
