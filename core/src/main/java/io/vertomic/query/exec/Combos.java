package io.vertomic.query.exec;

import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The product of several relations, visited row by row without being built (unit when there are
 * none). Each visited row is a fresh array the consumer may keep.
 */
final class Combos {
  final List<Symbol> vars = new ArrayList<>();
  private final List<Relation> rels;

  private Combos(List<Relation> rels) {
    this.rels = rels;
    rels.forEach(r -> vars.addAll(r.vars));
  }

  static Combos of(List<Relation> rels) {
    return new Combos(rels);
  }

  /**
   * Passes each combination to {@code sink}, which may keep it: a fresh array, or the relation's
   * own row when there is one relation (it was taken out of the bindings).
   */
  void forEach(Limits limits, Consumer<Object[]> sink) {
    if (rels.size() == 1) {
      for (Object[] row : rels.get(0).rows) {
        limits.tick();
        sink.accept(row);
      }
      return;
    }
    visit(0, new Object[vars.size()], 0, limits, acc -> sink.accept(acc.clone()));
  }

  /**
   * The combinations that pass {@code test}: fresh arrays, or the relation's own rows when there is
   * one relation. {@code test} may see one array reused from call to call, and must not keep it: a
   * combination that fails is never copied.
   */
  List<Object[]> filter(Limits limits, Predicate<Object[]> test) {
    List<Object[]> out = new ArrayList<>();
    Consumer<Object[]> keep =
        row -> {
          out.add(row);
          limits.rows(out.size());
        };
    if (rels.size() == 1) {
      for (Object[] row : rels.get(0).rows) {
        limits.tick();
        if (test.test(row)) {
          keep.accept(row);
        }
      }
      return out;
    }
    visit(
        0,
        new Object[vars.size()],
        0,
        limits,
        acc -> {
          if (test.test(acc)) {
            keep.accept(acc.clone());
          }
        });
    return out;
  }

  /** Passes {@code sink} each combination in the one array {@code acc}. */
  private void visit(int i, Object[] acc, int at, Limits limits, Consumer<Object[]> sink) {
    if (i == rels.size()) {
      limits.tick();
      sink.accept(acc);
      return;
    }
    Relation r = rels.get(i);
    int w = r.vars.size();
    for (Object[] row : r.rows) {
      System.arraycopy(row, 0, acc, at, w);
      visit(i + 1, acc, at + w, limits, sink);
    }
  }

  /** Column of {@code v}, or -1. */
  int col(Symbol v) {
    return vars.indexOf(v);
  }
}
