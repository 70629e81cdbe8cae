package io.vertomic.query.exec;

import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one evaluation: relations over disjoint sets of variables (kept apart so unrelated
 * clauses never build a cartesian product until a clause or the find spec needs it). Not
 * thread-safe.
 */
final class Bindings {
  private final List<Relation> rels = new ArrayList<>();
  private final Limits limits;

  Bindings(Limits limits) {
    this.limits = limits;
  }

  Bindings(Relation seed, Limits limits) {
    this(limits);
    if (!seed.vars.isEmpty() || seed.rows.isEmpty()) {
      rels.add(seed);
    }
  }

  Limits limits() {
    return limits;
  }

  Set<Symbol> bound() {
    Set<Symbol> out = new LinkedHashSet<>();
    rels.forEach(r -> out.addAll(r.vars));
    return out;
  }

  /** The values of the variables of single-row relations: what the planner can count exactly. */
  Map<Symbol, Object> values() {
    Map<Symbol, Object> out = null;
    for (Relation r : rels) {
      if (r.rows.size() == 1) {
        Object[] row = r.rows.get(0);
        for (int i = 0; i < row.length; i++) {
          if (out == null) {
            out = new HashMap<>();
          }
          out.put(r.vars.get(i), row[i]);
        }
      }
    }
    return out == null ? Map.of() : out;
  }

  /** Whether some relation is empty, so the whole result is. */
  boolean isEmpty() {
    for (Relation r : rels) {
      if (r.rows.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Removes and returns the relations holding any of {@code vars} (maybe none). */
  List<Relation> remove(Collection<Symbol> vars) {
    List<Relation> out = new ArrayList<>();
    for (int i = rels.size() - 1; i >= 0; i--) {
      Relation r = rels.get(i);
      for (Symbol v : vars) {
        if (r.vars.contains(v)) {
          out.add(0, rels.remove(i));
          break;
        }
      }
    }
    return out;
  }

  /** Removes the relations holding any of {@code vars} and returns their product (or unit). */
  Relation take(Collection<Symbol> vars) {
    Relation out = Relation.unit();
    for (Relation r : remove(vars)) {
      out = out.vars.isEmpty() ? r : Joins.product(out, r, limits);
    }
    return out;
  }

  /** Adds {@code r}, joining it with every relation it shares a variable with. */
  void add(Relation r) {
    Relation merged = r;
    for (Relation other : remove(r.vars)) {
      merged = Joins.join(other, merged, limits);
    }
    if (!merged.vars.isEmpty() || merged.rows.isEmpty()) {
      rels.add(merged);
    }
  }

  /** The distinct rows over {@code vars} (all bound); empty when any relation is empty. */
  Relation project(List<Symbol> vars) {
    return joined(vars).project(vars);
  }

  /** As {@link #project}, repeats kept: for a caller that tells rows apart itself. */
  Relation projectWithRepeats(List<Symbol> vars) {
    return joined(vars).columns(vars);
  }

  private Relation joined(List<Symbol> vars) {
    if (isEmpty()) {
      return Relation.empty(vars);
    }
    Set<Symbol> b = bound();
    for (Symbol v : vars) {
      if (!b.contains(v)) {
        throw io.vertomic.query.parse.QueryErrors.incorrect(
            "insufficient-binding",
            "Variable " + v + " is not bound by the clauses that must bind it");
      }
    }
    if (isEmpty()) {
      return Relation.empty(vars);
    }
    Relation all = Relation.unit();
    for (Relation r : rels) {
      if (!java.util.Collections.disjoint(r.vars, vars)) {
        all = all.vars.isEmpty() ? r : Joins.product(all, r, limits);
      }
    }
    return all;
  }
}
