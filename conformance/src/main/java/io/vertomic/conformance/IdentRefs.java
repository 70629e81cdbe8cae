package io.vertomic.conformance;

import io.vertomic.edn.EdnList;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Finds the entity ids of an answer that may name an ident entity (an attribute or enum entity:
 * {@code :r/ref0 [:e/name "e6"]} on a cardinality-many ref makes a reference to the attribute
 * {@code :e/name}), so that {@link Session} replaces them by the ident: their raw ids differ
 * between engines (72 in Datomic, 100 in Vertomic), as ids of other entities do, which become
 * {@link IdTokens} tokens. Only positions known to hold entity ids are touched, never a long that
 * happens to equal an ident entity's id: {@code :db/id} values of pulled maps, and the query
 * columns whose variable is bound as an entity or a reference value and never as a number (found
 * from the clauses, rules included).
 */
final class IdentRefs {
  private static final int REF = 1;
  private static final int NUMBER = 2;
  private static final int TUPLE = 4;
  private static final Set<String> ENTITY_AGGREGATES = Set.of("distinct", "min", "max", "rand");

  private IdentRefs() {}

  /**
   * {@code v} with the value of every {@code :db/id} key, at any depth, passed through {@code f}.
   */
  static Object pulled(Object v, UnaryOperator<Object> f) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, Keyword.of("db/id").equals(k) ? f.apply(x) : pulled(x, f)));
      return out;
    }
    if (v instanceof Set<?> s) {
      Set<Object> out = new LinkedHashSet<>();
      s.forEach(x -> out.add(pulled(x, f)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(x -> out.add(pulled(x, f)));
      return out;
    }
    return v;
  }

  /** A query's answer with its entity columns passed through {@code f} (pulls included). */
  static Object query(
      Object answer, Object query, List<?> inputs, History h, UnaryOperator<Object> f) {
    QueryParts q = new QueryParts(query);
    List<Object> find = new ArrayList<>(q.section("find"));
    Map<Symbol, Integer> kinds = new HashMap<>();
    Set<Symbol> in = new LinkedHashSet<>();
    QueryShapes.vars(q.section("in"), in);
    in.forEach(s -> kinds.put(s, NUMBER));
    List<?> rules = rules(q.section("in"), inputs);
    for (Object clause : q.section("where")) {
      clause(clause, h, rules, 0, kinds);
    }
    Object v = pulled(answer, f);
    boolean scalar = find.remove(Symbol.of("."));
    if (find.size() == 1 && find.get(0) instanceof List<?> l && !(l instanceof EdnList)) {
      boolean coll = !l.isEmpty() && Symbol.of("...").equals(l.get(l.size() - 1));
      int[] cols = columns(new ArrayList<>(coll ? l.subList(0, l.size() - 1) : l), kinds);
      return coll ? each(v, x -> cell(x, cols[0], f)) : row(v, cols, keys(q), f);
    }
    int[] cols = columns(find, kinds);
    if (scalar) {
      return cols.length > 0 ? cell(v, cols[0], f) : v;
    }
    return each(v, r -> row(r, cols, keys(q), f));
  }

  /**
   * What each find element holds: {@code REF} (entity ids, or a set of them from {@code (distinct
   * ?e)}), a tuple kind (a tuple made of variables, its elements' kinds), or 0 (anything else).
   */
  private static int[] columns(List<Object> find, Map<Symbol, Integer> kinds) {
    int[] cols = new int[find.size()];
    for (int i = 0; i < cols.length; i++) {
      Object x = find.get(i);
      if (x instanceof EdnList l && !l.isEmpty() && l.get(0) instanceof Symbol fn) {
        boolean ref =
            ENTITY_AGGREGATES.contains(fn.name())
                && l.get(l.size() - 1) instanceof Symbol s
                && kinds.getOrDefault(s, 0) == REF;
        cols[i] = ref ? REF : 0;
      } else if (x instanceof Symbol s) {
        int k = kinds.getOrDefault(s, 0);
        cols[i] = k == REF || (k & (TUPLE | REF | NUMBER)) == TUPLE ? k : 0;
      }
    }
    return cols;
  }

  private static List<Object> keys(QueryParts q) {
    for (String kind : List.of("keys", "syms", "strs")) {
      List<Object> ks = q.section(kind);
      if (!ks.isEmpty()) {
        List<Object> out = new ArrayList<>();
        for (Object k : ks) {
          String name = ((Symbol) k).name();
          out.add(
              switch (kind) {
                case "keys" -> Keyword.of(name);
                case "syms" -> Symbol.of(name);
                default -> name;
              });
        }
        return out;
      }
    }
    return List.of();
  }

  private static Object row(Object r, int[] cols, List<Object> keys, UnaryOperator<Object> f) {
    if (r instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach(
          (k, x) -> {
            int i = keys.indexOf(k);
            out.put(k, i >= 0 && i < cols.length ? cell(x, cols[i], f) : x);
          });
      return out;
    }
    if (r instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        out.add(i < cols.length ? cell(l.get(i), cols[i], f) : l.get(i));
      }
      return out;
    }
    return r;
  }

  /** A cell of column kind {@code col} (see {@link #columns}). */
  private static Object cell(Object x, int col, UnaryOperator<Object> f) {
    if (col == REF) {
      return x instanceof Set<?> ? each(x, f) : f.apply(x);
    }
    if ((col & TUPLE) != 0 && x instanceof List<?> t) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < t.size(); i++) {
        boolean ref = ((col >> (2 * i + 4)) & 3) == REF;
        out.add(ref ? f.apply(t.get(i)) : t.get(i));
      }
      return out;
    }
    return x;
  }

  private static Object each(Object v, UnaryOperator<Object> f) {
    if (v instanceof Set<?> s) {
      Set<Object> out = new LinkedHashSet<>();
      s.forEach(x -> out.add(f.apply(x)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(x -> out.add(f.apply(x)));
      return out;
    }
    return v;
  }

  private static List<?> rules(List<Object> in, List<?> inputs) {
    int i = in.indexOf(Symbol.of("%"));
    return i >= 0 && i < inputs.size() && inputs.get(i) instanceof List<?> l ? l : List.of();
  }

  /** Records in {@code kinds} what each variable {@code clause} binds may hold. */
  private static void clause(
      Object clause, History h, List<?> rules, int depth, Map<Symbol, Integer> kinds) {
    if (clause instanceof EdnList l && !l.isEmpty() && l.get(0) instanceof Symbol head) {
      switch (head.name()) {
        case "or", "or-join", "and", "not", "not-join" -> {
          for (Object x : l.subList(1, l.size())) {
            clause(x, h, rules, depth, kinds);
          }
        }
        default -> ruleCall(l, h, rules, depth, kinds);
      }
      return;
    }
    if (!(clause instanceof List<?> p) || p.isEmpty()) {
      return;
    }
    if (p.get(0) instanceof EdnList fn && p.size() == 2 && tupleFn(fn, p.get(1), kinds)) {
      return;
    }
    if (p.get(0) instanceof EdnList) {
      // a function's outputs: anything, numbers included
      Set<Symbol> out = new LinkedHashSet<>();
      QueryShapes.vars(p.subList(1, p.size()), out);
      out.forEach(s -> mark(kinds, s, NUMBER));
      return;
    }
    int at = p.get(0) instanceof Symbol s && s.name().startsWith("$") ? 1 : 0;
    List<?> parts = p.subList(at, p.size());
    mark(kinds, parts.get(0), REF);
    if (parts.size() > 1) {
      mark(kinds, parts.get(1), REF);
    }
    if (parts.size() > 2) {
      Attr a = h.attr(parts.get(1));
      if (a != null) {
        mark(kinds, parts.get(2), a.isRef() ? REF : a.type().equals("long") ? NUMBER : 0);
      } else if (parts.get(1) instanceof Keyword) {
        mark(kinds, parts.get(2), NUMBER);
      } else {
        boolean refs = h.schema().stream().anyMatch(Attr::isRef);
        boolean longs = h.schema().stream().anyMatch(x -> x.type().equals("long"));
        mark(kinds, parts.get(2), (refs ? REF : 0) | (longs ? NUMBER : 0));
      }
    }
    for (int i = 3; i < parts.size(); i++) {
      mark(kinds, parts.get(i), NUMBER);
    }
  }

  /**
   * {@code [(tuple ?a ?b) ?t]} and {@code [(untuple ?t) [?a ?b]]}: a tuple's elements keep the
   * kinds of the variables it was made of (a tuple is {@code TUPLE} plus one kind per element).
   */
  private static boolean tupleFn(EdnList fn, Object out, Map<Symbol, Integer> kinds) {
    String name = fn.get(0) instanceof Symbol s ? s.name() : "";
    if (name.equals("tuple") && out instanceof Symbol t && fn.size() <= 6) {
      int k = TUPLE;
      for (int i = 1; i < fn.size(); i++) {
        int e = fn.get(i) instanceof Symbol v ? kinds.getOrDefault(v, NUMBER) : NUMBER;
        k |= (e == REF ? REF : NUMBER) << (2 * i + 2);
      }
      mark(kinds, t, k);
      return true;
    }
    if (name.equals("untuple")
        && fn.size() == 2
        && fn.get(1) instanceof Symbol t
        && out instanceof List<?> vs) {
      int k = kinds.getOrDefault(t, NUMBER);
      for (int i = 0; i < vs.size(); i++) {
        int e = (k & TUPLE) != 0 ? (k >> (2 * i + 4)) & 3 : NUMBER;
        mark(kinds, vs.get(i), e == 0 ? NUMBER : e);
      }
      return true;
    }
    return false;
  }

  private static void ruleCall(
      EdnList call, History h, List<?> rules, int depth, Map<Symbol, Integer> kinds) {
    if (depth >= 3) {
      // deep enough for the generated (recursive) rules: what the other bodies bind decides
      return;
    }
    for (int i = 1; i < call.size(); i++) {
      int kind = 0;
      for (Object rule : rules) {
        if (rule instanceof List<?> r
            && !r.isEmpty()
            && r.get(0) instanceof EdnList head
            && head.get(0).equals(call.get(0))
            && head.size() == call.size()
            && head.get(i) instanceof Symbol param) {
          Map<Symbol, Integer> inner = new HashMap<>();
          for (Object body : r.subList(1, r.size())) {
            clause(body, h, rules, depth + 1, inner);
          }
          kind |= inner.getOrDefault(param, 0);
        }
      }
      mark(kinds, call.get(i), kind == 0 ? NUMBER : kind);
    }
  }

  private static void mark(Map<Symbol, Integer> kinds, Object x, int kind) {
    if (x instanceof Symbol s && QueryShapes.isVar(s)) {
      kinds.merge(s, kind, (a, b) -> a | b);
    }
  }
}
