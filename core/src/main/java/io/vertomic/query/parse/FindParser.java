package io.vertomic.query.parse;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.FindElement.FindAggregate;
import io.vertomic.query.parse.FindElement.FindPull;
import io.vertomic.query.parse.FindElement.FindVar;
import io.vertomic.query.parse.FindSpec.FindColl;
import io.vertomic.query.parse.FindSpec.FindRel;
import io.vertomic.query.parse.FindSpec.FindScalar;
import io.vertomic.query.parse.FindSpec.FindTuple;
import io.vertomic.query.parse.Term.SrcVar;
import io.vertomic.query.parse.Term.Var;
import java.util.ArrayList;
import java.util.List;

/** Parses the elements following {@code :find} into a {@link FindSpec}. */
final class FindParser {
  private static final String CODE = "invalid-find";

  private FindParser() {}

  static FindSpec parse(List<?> forms) {
    String text = QueryErrors.text(forms);
    if (forms.isEmpty()) {
      throw QueryErrors.incorrect(CODE, ":find needs at least one element");
    }
    if (forms.size() == 2 && Forms.isSymbol(forms.get(1), ".")) {
      return new FindScalar(element(forms.get(0)));
    }
    if (forms.size() == 1 && forms.get(0) instanceof List<?> v && !Forms.isList(v)) {
      if (v.size() == 2 && Forms.isSymbol(v.get(1), "...")) {
        return new FindColl(element(v.get(0)));
      }
      if (v.isEmpty()) {
        throw QueryErrors.incorrect(CODE, "Unknown find spec " + text);
      }
      return new FindTuple(elements(v, text));
    }
    return new FindRel(elements(forms, text));
  }

  private static List<FindElement> elements(List<?> forms, String text) {
    List<FindElement> out = new ArrayList<>();
    for (Object f : forms) {
      if (Forms.isSymbol(f, ".") || Forms.isSymbol(f, "...")) {
        throw QueryErrors.incorrect(CODE, "Unknown find spec " + text);
      }
      out.add(element(f));
    }
    return List.copyOf(out);
  }

  private static FindElement element(Object f) {
    Term t = f instanceof List<?> ? null : Term.of(f);
    if (t instanceof Var v) {
      return new FindVar(v);
    }
    if (!Forms.isList(f) || !(((List<?>) f).get(0) instanceof Symbol fn)) {
      throw QueryErrors.incorrect(
          CODE,
          "Unknown find element " + QueryErrors.text(f) + " (expected ?var, pull or aggregate)");
    }
    List<?> call = (List<?>) f;
    String text = QueryErrors.text(f);
    if (fn.namespace() == null && fn.name().equals("pull")) {
      return pull(call, text);
    }
    List<Object> constants = new ArrayList<>();
    Var var = null;
    for (int i = 1; i < call.size(); i++) {
      Term a = Term.of(call.get(i));
      if (a instanceof Var v) {
        if (var != null) {
          throw QueryErrors.incorrect(CODE, "An aggregate takes one variable: " + text);
        }
        var = v;
      } else if (a instanceof Term.Constant c && var == null) {
        constants.add(c.value());
      } else {
        throw QueryErrors.incorrect(CODE, "Invalid aggregate argument in " + text);
      }
    }
    if (var == null) {
      throw QueryErrors.incorrect(CODE, "An aggregate needs a variable: " + text);
    }
    return new FindAggregate(fn, List.copyOf(constants), var, text);
  }

  private static FindElement pull(List<?> call, String text) {
    int i = 1;
    SrcVar src = SrcVar.DEFAULT;
    if (call.size() == 4) {
      if (!(Term.of(call.get(1)) instanceof SrcVar s)) {
        throw QueryErrors.incorrect(CODE, "Expected a source in " + text);
      }
      src = s;
      i = 2;
    } else if (call.size() != 3) {
      throw QueryErrors.incorrect(CODE, "pull takes ($src?) ?e pattern: " + text);
    }
    Var e = ClauseParser.var(call.get(i), text);
    Object pattern = call.get(i + 1);
    if (pattern instanceof String s) {
      pattern = io.vertomic.edn.Edn.read(s);
    }
    if (Forms.isPlainSymbol(pattern)) {
      pattern = new Var((Symbol) pattern);
    } else if (!(pattern instanceof List<?>)) {
      Term pt = Term.of(pattern);
      if (!(pt instanceof Var)) {
        throw QueryErrors.incorrect(CODE, "A pull pattern must be a vector or ?var: " + text);
      }
      pattern = pt;
    }
    return new FindPull(src, e, pattern);
  }
}
