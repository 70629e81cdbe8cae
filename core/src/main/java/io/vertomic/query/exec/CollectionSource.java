package io.vertomic.query.exec;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause.DataPattern;
import io.vertomic.query.parse.QueryErrors;
import io.vertomic.query.parse.Term;
import io.vertomic.query.parse.Vars;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A data source that is a collection of tuples rather than a database ({@code :in $ $rel} with a
 * list or set of lists; a map counts as its entries), as Datomic allows: a data pattern against it
 * matches each tuple position by position, constants by equality, with no entity resolution.
 * Immutable.
 */
final class CollectionSource {
  private final Symbol name;
  private final List<List<Object>> tuples;

  private CollectionSource(Symbol name, List<List<Object>> tuples) {
    this.name = name;
    this.tuples = tuples;
  }

  /**
   * The source {@code value} bound to {@code name}, failing with {@code incorrect} if it is none.
   */
  static CollectionSource of(Symbol name, Object value) {
    Collection<?> items;
    if (value instanceof Map<?, ?> m) {
      List<Object> entries = new ArrayList<>();
      m.forEach((k, v) -> entries.add(List.of(k, v)));
      items = entries;
    } else if (value instanceof Collection<?> c) {
      items = c;
    } else if (value instanceof Object[] a) {
      items = List.of(a);
    } else {
      throw QueryErrors.incorrect(
          "invalid-data-source",
          "Input "
              + name
              + " is not a valid data source: "
              + (value == null ? "nil" : value.getClass().getSimpleName())
              + " (a database or a collection of tuples)");
    }
    List<List<Object>> tuples = new ArrayList<>(items.size());
    for (Object item : items) {
      tuples.add(tuple(name, item));
    }
    return new CollectionSource(name, tuples);
  }

  private static List<Object> tuple(Symbol name, Object item) {
    List<Object> out = new ArrayList<>();
    if (item instanceof Collection<?> c) {
      c.forEach(x -> out.add(BindingOutput.normalize(x)));
    } else if (item instanceof Object[] a) {
      for (Object x : a) {
        out.add(BindingOutput.normalize(x));
      }
    } else if (item instanceof Map.Entry<?, ?> e) {
      out.add(e.getKey());
      out.add(e.getValue());
    } else {
      throw QueryErrors.incorrect(
          "invalid-data-source",
          "Source " + name + " holds " + QueryErrors.text(item) + ", which is not a tuple");
    }
    return out;
  }

  /** The relation of {@code p}'s variables over the tuples that match it. */
  Relation match(DataPattern p, Limits limits) {
    List<Term> terms = p.written();
    List<Symbol> vars = new ArrayList<>(Vars.of(terms));
    List<Object[]> rows = new ArrayList<>();
    for (List<Object> t : tuples) {
      limits.tick();
      if (t.size() < terms.size()) {
        throw QueryErrors.incorrect(
            "invalid-data-source",
            "Tuple "
                + QueryErrors.text(t)
                + " of source "
                + name
                + " has fewer elements than the pattern "
                + p.text());
      }
      Object[] row = new Object[vars.size()];
      if (matches(terms, t, vars, row)) {
        rows.add(row);
        limits.rows(rows.size());
      }
    }
    return new Relation(vars, rows);
  }

  private static boolean matches(
      List<Term> terms, List<Object> t, List<Symbol> vars, Object[] row) {
    boolean[] set = new boolean[row.length];
    for (int i = 0; i < terms.size(); i++) {
      Term term = terms.get(i);
      Object x = t.get(i);
      if (term instanceof Term.Constant c) {
        if (!Objects.equals(BindingOutput.normalize(c.value()), x)) {
          return false;
        }
      } else if (term instanceof Term.Var v) {
        int col = vars.indexOf(v.symbol());
        if (set[col] && !Objects.equals(row[col], x)) {
          return false;
        }
        row[col] = x;
        set[col] = true;
      }
    }
    return true;
  }
}
