package io.vertomic.query.exec;

import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of tuples over named variables: the unit of work of the executor. Rows are arrays in {@link
 * #vars} order; duplicates may occur until {@link #distinct} (joins stay bag-based for speed,
 * results are sets).
 */
final class Relation {
  final List<Symbol> vars;
  final List<Object[]> rows;

  /** Whether the rows are known to be distinct, so projecting onto all of them changes nothing. */
  private final boolean distinct;

  Relation(List<Symbol> vars, List<Object[]> rows) {
    this(vars, rows, false);
  }

  Relation(List<Symbol> vars, List<Object[]> rows, boolean distinct) {
    this.vars = List.copyOf(vars);
    this.rows = rows;
    this.distinct = distinct;
  }

  /** One empty row over no variables: the identity of the product. */
  static Relation unit() {
    List<Object[]> rows = new ArrayList<>(1);
    rows.add(new Object[0]);
    return new Relation(List.of(), rows);
  }

  int col(Symbol v) {
    return vars.indexOf(v);
  }

  int[] cols(List<Symbol> vs) {
    int[] out = new int[vs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = col(vs.get(i));
      if (out[i] < 0) {
        throw new IllegalStateException("variable " + vs.get(i) + " not in " + vars);
      }
    }
    return out;
  }

  /** The distinct rows projected onto {@code vs} (each must be a column). */
  Relation project(List<Symbol> vs) {
    if (distinct && vs.equals(vars)) {
      return this;
    }
    int[] cols = cols(vs);
    Set<RowKey> seen = new LinkedHashSet<>(Math.max(16, (int) (rows.size() / 0.75f) + 1));
    for (Object[] r : rows) {
      seen.add(RowKey.of(r, cols));
    }
    List<Object[]> out = new ArrayList<>(seen.size());
    for (RowKey k : seen) {
      out.add(k.values());
    }
    return new Relation(vs, out, true);
  }

  /** The rows over {@code vs}, repeats kept. */
  Relation columns(List<Symbol> vs) {
    if (vs.equals(vars)) {
      return this;
    }
    int[] cols = cols(vs);
    List<Object[]> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      Object[] row = new Object[cols.length];
      for (int i = 0; i < cols.length; i++) {
        row[i] = r[cols[i]];
      }
      out.add(row);
    }
    return new Relation(vs, out);
  }

  static Relation empty(List<Symbol> vars) {
    return new Relation(vars, new ArrayList<>());
  }

  Relation distinct() {
    return project(vars);
  }

  @Override
  public String toString() {
    return "Relation" + vars + " x " + rows.size();
  }
}
