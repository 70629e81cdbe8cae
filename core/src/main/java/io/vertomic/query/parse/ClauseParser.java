package io.vertomic.query.parse;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause.And;
import io.vertomic.query.parse.Clause.DataPattern;
import io.vertomic.query.parse.Clause.FnExpr;
import io.vertomic.query.parse.Clause.Not;
import io.vertomic.query.parse.Clause.NotJoin;
import io.vertomic.query.parse.Clause.Or;
import io.vertomic.query.parse.Clause.OrJoin;
import io.vertomic.query.parse.Clause.Predicate;
import io.vertomic.query.parse.Clause.RuleCall;
import io.vertomic.query.parse.Term.SrcVar;
import io.vertomic.query.parse.Term.Var;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code :where} clauses (and rule bodies) into {@link Clause} records. */
final class ClauseParser {
  private static final String CODE = "invalid-clause";

  private ClauseParser() {}

  static List<Clause> parseAll(List<?> forms) {
    List<Clause> out = new ArrayList<>(forms.size());
    for (Object f : forms) {
      out.add(parse(f));
    }
    return List.copyOf(out);
  }

  static Clause parse(Object form) {
    String text = QueryErrors.text(form);
    if (!(form instanceof List<?> l) || l.isEmpty()) {
      throw QueryErrors.incorrect(CODE, "Invalid clause " + text);
    }
    if (Forms.isList(form)) {
      return listForm(l, text);
    }
    if (Forms.isList(l.get(0))) {
      return call(l, text);
    }
    return pattern(l, text);
  }

  private static Clause pattern(List<?> l, String text) {
    SrcVar src = null;
    int start = 0;
    if (Forms.isSrc(l.get(0))) {
      src = (SrcVar) Term.of(l.get(0));
      start = 1;
    }
    int n = l.size() - start;
    if (n < 1) {
      throw QueryErrors.incorrect(CODE, "A data pattern has 1 to 5 elements: " + text);
    }
    List<Term> written = new ArrayList<>(n);
    for (int i = start; i < l.size(); i++) {
      Term t = Term.of(l.get(i));
      if (t instanceof SrcVar) {
        throw QueryErrors.incorrect(CODE, "Source " + t + " out of place in " + text);
      }
      written.add(t);
    }
    // against a database Datomic ignores elements after the fifth (e a v tx added)
    List<Term> terms = new ArrayList<>(written.subList(0, Math.min(n, 5)));
    if (terms.get(0) instanceof Term.Constant c && c.value() instanceof List) {
      // Datomic takes lookup refs in value position and as inputs, not as a pattern's entity
      throw QueryErrors.incorrect(
          CODE,
          "Cannot parse "
              + text
              + ": a lookup ref is not allowed as a pattern's entity; bind it with :in instead");
    }
    while (terms.size() < 5) {
      terms.add(new Term.Blank());
    }
    return new DataPattern(src, List.copyOf(terms), text, List.copyOf(written));
  }

  private static Clause call(List<?> l, String text) {
    List<?> call = (List<?>) l.get(0);
    if (!(call.get(0) instanceof Symbol fn)) {
      throw QueryErrors.incorrect(CODE, "A function call must start with a symbol: " + text);
    }
    List<Term> args = new ArrayList<>();
    for (int i = 1; i < call.size(); i++) {
      args.add(Term.of(call.get(i)));
    }
    if (l.size() == 1) {
      return new Predicate(fn, List.copyOf(args), text);
    }
    if (l.size() != 2) {
      throw QueryErrors.incorrect(CODE, "A function expression takes one binding: " + text);
    }
    return new FnExpr(fn, List.copyOf(args), BindingParser.parse(l.get(1), CODE), text);
  }

  private static Clause listForm(List<?> l, String text) {
    SrcVar src = null;
    int i = 0;
    if (Forms.isSrc(l.get(0))) {
      src = (SrcVar) Term.of(l.get(0));
      i = 1;
    }
    if (!(l.size() > i && l.get(i) instanceof Symbol head)) {
      throw QueryErrors.incorrect(CODE, "Invalid clause " + text);
    }
    List<?> rest = l.subList(i + 1, l.size());
    String name = head.namespace() == null ? head.name() : "";
    if (name.equals("not") || name.equals("or") || name.equals("and")) {
      if (rest.isEmpty()) {
        throw QueryErrors.incorrect(CODE, "(" + name + ") needs at least one clause: " + text);
      }
    }
    switch (name) {
      case "not":
        return new Not(src, parseAll(rest), text);
      case "and":
        return new And(parseAll(rest), text);
      case "or":
        return new Or(src, parseAll(rest), text);
      case "not-join":
        return new NotJoin(src, joinVars(rest, text, false).get(1), body(rest, text), text);
      case "or-join":
        List<List<Var>> jv = joinVars(rest, text, true);
        return new OrJoin(src, jv.get(0), jv.get(1), body(rest, text), text);
      default:
        List<Term> args = new ArrayList<>();
        for (Object a : rest) {
          Term t = Term.of(a);
          if (t instanceof SrcVar) {
            throw QueryErrors.incorrect(CODE, "Source " + t + " out of place in " + text);
          }
          args.add(t);
        }
        return new RuleCall(src, head, List.copyOf(args), text);
    }
  }

  private static List<Clause> body(List<?> rest, String text) {
    if (rest.size() < 2) {
      throw QueryErrors.incorrect(CODE, "Join vars need at least one clause: " + text);
    }
    return parseAll(rest.subList(1, rest.size()));
  }

  /** [required, all] variables of a join-vars vector; required ones only when allowed. */
  private static List<List<Var>> joinVars(List<?> rest, String text, boolean allowRequired) {
    if (rest.isEmpty() || !(rest.get(0) instanceof List<?> vs) || Forms.isList(vs)) {
      throw QueryErrors.incorrect(CODE, "Expected a vector of join variables in " + text);
    }
    List<Var> required = new ArrayList<>();
    List<Var> all = new ArrayList<>();
    for (Object x : vs) {
      if (allowRequired && x instanceof List<?> req && all.isEmpty() && required.isEmpty()) {
        for (Object r : req) {
          Var v = var(r, text);
          required.add(v);
          all.add(v);
        }
      } else {
        all.add(var(x, text));
      }
    }
    return List.of(List.copyOf(required), List.copyOf(all));
  }

  static Var var(Object x, String text) {
    if (Term.of(x) instanceof Var v) {
      return v;
    }
    throw QueryErrors.incorrect(
        CODE, "Expected a variable, got " + QueryErrors.text(x) + " in " + text);
  }
}
