package io.vertomic.query.exec;

import io.vertomic.datom.Values;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Binding;
import io.vertomic.query.parse.Binding.BindColl;
import io.vertomic.query.parse.Binding.BindScalar;
import io.vertomic.query.parse.Binding.BindTuple;
import io.vertomic.query.parse.QueryErrors;
import io.vertomic.query.parse.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Destructures a value through a binding form into rows over the form's variables: a scalar gives
 * one row, a collection one per element, a tuple the product of its elements. A null value binds
 * nothing, and a null element of a collection or tuple binds its variable to null, as in Datomic.
 * Used for {@code :in} inputs and function results.
 */
final class BindingOutput {
  private BindingOutput() {}

  /** The rows of {@code value} bound by {@code b}, over {@code vars}; none for a null value. */
  static List<Object[]> bind(Binding b, Object value, List<Symbol> vars) {
    if (value == null) {
      return new ArrayList<>();
    }
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[vars.size()]);
    return into(b, value, vars, rows);
  }

  private static List<Object[]> into(
      Binding b, Object value, List<Symbol> vars, List<Object[]> rows) {
    if (rows.isEmpty() || value == null && !(b instanceof BindScalar)) {
      return new ArrayList<>();
    }
    if (b instanceof BindScalar s) {
      if (s.term() instanceof Term.Var v) {
        int i = vars.indexOf(v.symbol());
        Object val = normalize(value);
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
          if (r[i] == null || Values.equal(r[i], val)) {
            r[i] = val;
            out.add(r);
          }
        }
        return out;
      }
      return rows;
    }
    if (b instanceof BindColl c) {
      List<Object[]> out = new ArrayList<>();
      for (Object x : elements(value, b)) {
        List<Object[]> copies = new ArrayList<>(rows.size());
        rows.forEach(r -> copies.add(r.clone()));
        out.addAll(into(c.element(), x, vars, copies));
      }
      return out;
    }
    BindTuple t = (BindTuple) b;
    List<?> xs = elements(value, b);
    if (xs.size() < t.elements().size()) {
      throw QueryErrors.incorrect(
          "invalid-binding",
          "Cannot bind " + QueryErrors.text(value) + " to a tuple of " + t.elements().size());
    }
    List<Object[]> cur = rows;
    for (int i = 0; i < t.elements().size(); i++) {
      cur = into(t.elements().get(i), xs.get(i), vars, cur);
    }
    return cur;
  }

  private static List<?> elements(Object value, Binding b) {
    if (value instanceof List<?> l) {
      return l;
    }
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (value instanceof Object[] a) {
      return Arrays.asList(a);
    }
    throw QueryErrors.incorrect(
        "invalid-binding",
        "Cannot bind " + QueryErrors.text(value) + " to a collection or tuple: expected a list");
  }

  /** Java callers pass ints; datoms hold longs. */
  static Object normalize(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    return v;
  }
}
