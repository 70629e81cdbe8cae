package io.vertomic.conformance;

import io.vertomic.edn.EdnList;
import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query shapes on which Vertomic answers unlike Datomic on purpose
 * (docs/datomic-differences.md), which the generator does not produce and the shrinker does not
 * shrink into:
 *
 * <ul>
 *   <li>{@code :where} clauses that fall apart into groups not connected, through shared variables,
 *       to a {@code :find} or {@code :with} variable: Datomic ignores such a group (even one that
 *       matches nothing), Vertomic answers the whole conjunction;
 *   <li>a data pattern whose entity and attribute are both unbound (or blank) when it runs, in the
 *       order written, with a known value ({@code [?e ?a "x"]}): Datomic reads VAET, so matches
 *       references only.
 * </ul>
 */
final class QueryShapes {
  private QueryShapes() {}

  /** Whether {@code query} (vector form) has a shape Vertomic answers differently on purpose. */
  static boolean deliberate(Object query) {
    QueryParts q = new QueryParts(query);
    List<Object> where = q.section("where");
    return connected(where, anchors(q)).size() != where.size() || unboundEntityAndAttribute(q);
  }

  /** The variables of the find spec and {@code :with}, which every clause must connect to. */
  static Set<Symbol> anchors(QueryParts q) {
    Set<Symbol> out = new LinkedHashSet<>();
    vars(q.section("find"), out);
    vars(q.section("with"), out);
    return out;
  }

  /**
   * The clauses of {@code where} connected, through shared variables and transitively, to a
   * variable of {@code anchors}, in their order; clauses without variables are kept.
   */
  static List<Object> connected(List<Object> where, Set<Symbol> anchors) {
    Set<Symbol> reached = new LinkedHashSet<>(anchors);
    boolean[] keep = new boolean[where.size()];
    List<Set<Symbol>> clauseVars = new ArrayList<>();
    for (int i = 0; i < where.size(); i++) {
      Set<Symbol> vs = new LinkedHashSet<>();
      vars(where.get(i), vs);
      clauseVars.add(vs);
      keep[i] = vs.isEmpty();
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (int i = 0; i < where.size(); i++) {
        if (!keep[i] && clauseVars.get(i).stream().anyMatch(reached::contains)) {
          keep[i] = true;
          reached.addAll(clauseVars.get(i));
          grew = true;
        }
      }
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < where.size(); i++) {
      if (keep[i]) {
        out.add(where.get(i));
      }
    }
    return out;
  }

  /** Whether a data pattern runs, in the order written, with entity and attribute unknown. */
  private static boolean unboundEntityAndAttribute(QueryParts q) {
    Set<Symbol> bound = new LinkedHashSet<>();
    vars(q.section("in"), bound);
    for (Object clause : q.section("where")) {
      if (clause instanceof List<?> p && !(clause instanceof EdnList) && !p.isEmpty()) {
        int at = p.get(0) instanceof Symbol s && s.name().startsWith("$") ? 1 : 0;
        if (!(p.get(at) instanceof List<?>) && p.size() >= at + 3) {
          Object e = p.get(at);
          Object a = p.get(at + 1);
          Object v = p.get(at + 2);
          boolean vKnown = !(v instanceof Symbol s) || !isVar(s) || bound.contains(s);
          if (vKnown && !(v instanceof Symbol s && s.name().equals("_"))) {
            if (unknown(e, bound) && unknown(a, bound)) {
              return true;
            }
          }
        }
      }
      vars(clause, bound);
    }
    return false;
  }

  private static boolean unknown(Object x, Set<Symbol> bound) {
    return x instanceof Symbol s && (s.name().equals("_") || isVar(s) && !bound.contains(s));
  }

  static boolean isVar(Symbol s) {
    return s.name().startsWith("?");
  }

  /** Adds every logic variable of {@code form} to {@code out}. */
  static void vars(Object form, Set<Symbol> out) {
    if (form instanceof Symbol s && isVar(s)) {
      out.add(s);
    } else if (form instanceof Collection<?> c) {
      c.forEach(x -> vars(x, out));
    } else if (form instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            vars(k, out);
            vars(v, out);
          });
    }
  }
}
