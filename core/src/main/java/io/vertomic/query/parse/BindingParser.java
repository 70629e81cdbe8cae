package io.vertomic.query.parse;

import io.vertomic.query.parse.Binding.BindColl;
import io.vertomic.query.parse.Binding.BindScalar;
import io.vertomic.query.parse.Binding.BindTuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses binding forms: {@code ?x}, {@code _}, {@code [?x ?y]}, {@code [?x ...]}, {@code [[?x]]}.
 */
final class BindingParser {
  private BindingParser() {}

  static Binding parse(Object form, String code) {
    Term t = form instanceof List<?> ? null : Term.of(form);
    if (t instanceof Term.Var || t instanceof Term.Blank) {
      return new BindScalar(t);
    }
    if (!(form instanceof List<?> l) || l.isEmpty() || Forms.isList(form)) {
      throw QueryErrors.incorrect(code, "Invalid binding form " + QueryErrors.text(form));
    }
    if (l.size() == 2 && Forms.isSymbol(l.get(1), "...")) {
      return new BindColl(parse(l.get(0), code));
    }
    if (l.size() == 1 && l.get(0) instanceof List<?> inner) {
      return new BindColl(parse(inner, code));
    }
    List<Binding> elements = new ArrayList<>();
    for (Object x : l) {
      if (Forms.isSymbol(x, "...")) {
        throw QueryErrors.incorrect(code, "Invalid binding form " + QueryErrors.text(form));
      }
      elements.add(parse(x, code));
    }
    return new BindTuple(List.copyOf(elements));
  }

  /** The variables {@code b} binds, in order. */
  static void vars(Binding b, List<Term.Var> out) {
    if (b instanceof BindScalar s) {
      if (s.term() instanceof Term.Var v) {
        out.add(v);
      }
    } else if (b instanceof BindTuple t) {
      t.elements().forEach(e -> vars(e, out));
    } else if (b instanceof BindColl c) {
      vars(c.element(), out);
    }
  }
}
