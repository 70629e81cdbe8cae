package io.vertomic.query.parse;

import io.vertomic.edn.Edn;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Term.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses rule definitions, given as EDN text or data: {@code [[(name ?a [?b]) clause...] ...]}.
 * Required variables are written {@code (name [?req...] ?free...)}.
 */
public final class RuleParser {
  private static final String CODE = "invalid-rule";

  private RuleParser() {}

  /** The rules of {@code rules}; fails with {@code incorrect} naming the bad rule. */
  public static List<Rule> parse(Object rules) {
    Object data = rules instanceof String s ? Edn.read(s) : rules;
    List<?> forms = Forms.list(data, CODE, "Rules");
    List<Rule> out = new ArrayList<>();
    for (Object f : forms) {
      out.add(rule(f));
    }
    return List.copyOf(out);
  }

  private static Rule rule(Object form) {
    String text = QueryErrors.text(form);
    if (!(form instanceof List<?> l) || l.size() < 2 || !(l.get(0) instanceof List<?> head)) {
      throw QueryErrors.incorrect(CODE, "A rule is [(name ?vars...) clause...], got " + text);
    }
    if (head.isEmpty() || !Forms.isPlainSymbol(head.get(0))) {
      throw QueryErrors.incorrect(CODE, "A rule head starts with its name: " + text);
    }
    Symbol name = (Symbol) head.get(0);
    List<Var> required = new ArrayList<>();
    List<Var> free = new ArrayList<>();
    for (int i = 1; i < head.size(); i++) {
      Object x = head.get(i);
      if (x instanceof List<?> req && i == 1) {
        for (Object r : req) {
          required.add(ClauseParser.var(r, text));
        }
      } else {
        free.add(ClauseParser.var(x, text));
      }
    }
    List<Clause> body = ClauseParser.parseAll(l.subList(1, l.size()));
    return new Rule(name, List.copyOf(required), List.copyOf(free), body, text);
  }
}
