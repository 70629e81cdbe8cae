package io.vertomic.query.exec;

import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hash join and cartesian product of relations, checking the run's {@link Limits}. */
final class Joins {
  private Joins() {}

  static Relation join(Relation a, Relation b, Limits limits) {
    List<Symbol> shared = new ArrayList<>();
    for (Symbol v : a.vars) {
      if (b.vars.contains(v)) {
        shared.add(v);
      }
    }
    if (shared.isEmpty()) {
      return product(a, b, limits);
    }
    boolean buildA = a.rows.size() < b.rows.size();
    Relation build = buildA ? a : b;
    Relation probe = buildA ? b : a;
    int[] bk = build.cols(shared);
    int[] pk = probe.cols(shared);
    Map<RowKey, List<Object[]>> table = new HashMap<>();
    for (Object[] r : build.rows) {
      limits.tick();
      table.computeIfAbsent(RowKey.joinOf(r, bk), k -> new ArrayList<>(1)).add(r);
    }
    List<Symbol> extra = new ArrayList<>();
    for (Symbol v : b.vars) {
      if (!shared.contains(v)) {
        extra.add(v);
      }
    }
    int[] extraCols = b.cols(extra);
    List<Symbol> vars = new ArrayList<>(a.vars);
    vars.addAll(extra);
    List<Object[]> out = new ArrayList<>();
    for (Object[] p : probe.rows) {
      limits.tick();
      List<Object[]> matches = table.get(RowKey.joinOf(p, pk));
      if (matches == null) {
        continue;
      }
      for (Object[] m : matches) {
        out.add(concat(buildA ? m : p, buildA ? p : m, extraCols, a.vars.size()));
      }
      limits.rows(out.size());
    }
    return new Relation(vars, out);
  }

  private static Object[] concat(Object[] ra, Object[] rb, int[] extraCols, int n) {
    Object[] row = new Object[n + extraCols.length];
    System.arraycopy(ra, 0, row, 0, n);
    for (int i = 0; i < extraCols.length; i++) {
      row[n + i] = rb[extraCols[i]];
    }
    return row;
  }

  static Relation product(Relation a, Relation b, Limits limits) {
    limits.rows((long) a.rows.size() * b.rows.size());
    List<Symbol> vars = new ArrayList<>(a.vars);
    vars.addAll(b.vars);
    List<Object[]> out = new ArrayList<>(a.rows.size() * b.rows.size());
    int n = a.vars.size();
    for (Object[] ra : a.rows) {
      for (Object[] rb : b.rows) {
        limits.tick();
        Object[] row = new Object[n + rb.length];
        System.arraycopy(ra, 0, row, 0, n);
        System.arraycopy(rb, 0, row, n, rb.length);
        out.add(row);
      }
    }
    return new Relation(vars, out);
  }
}
