package io.vertomic.conformance;

import static io.vertomic.conformance.QueryGen.call;

import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.List;

/**
 * The find spec of a generated query (relation, collection, tuple, scalar, {@code :keys}/{@code
 * :syms}/{@code :strs}, pull expressions, aggregates with grouping and {@code :with}) and the
 * assembled query vector.
 */
final class FindGen {
  private final QueryGen g;
  private final List<Object> find = new ArrayList<>();
  private final List<Object> after = new ArrayList<>();

  FindGen(QueryGen g) {
    this.g = g;
  }

  Object query() {
    List<Var> out = g.vars(v -> !v.type().equals("attr"));
    if (g.want(Feature.AGGREGATE, 4)) {
      aggregates(out);
    } else if (g.want(Feature.FIND_PULL, 8)) {
      Var e = g.var(Var::isEntity);
      find.add(call(Symbol.of("pull"), e.sym(), PullGen.selector(g.r, g.f, g.h, g.pool, g.used)));
      // a variable also pulled is refused by Vertomic up front, by Datomic (failing inside
      // itself) only when there are rows: the same variable is never found twice
      List<Var> others = out.stream().filter(v -> v != e).toList();
      if (!others.isEmpty() && g.r.nextBoolean()) {
        find.add(others.get(g.r.nextInt(others.size())).sym());
      }
    } else {
      plain(out);
    }
    List<Object> q = new ArrayList<>();
    q.add(Queries.FIND);
    q.addAll(find);
    q.addAll(after);
    List<Object> in = new ArrayList<>(g.in);
    if (!g.rules.isEmpty()) {
      in.add(Symbol.of("%"));
      g.inputs.add(g.rules);
    }
    if (!in.isEmpty()) {
      q.add(Keyword.of("in"));
      q.add(Symbol.of("$"));
      q.addAll(in);
    }
    q.add(Keyword.of("where"));
    // Datomic ignores a group of clauses not connected to the found variables; Vertomic answers
    // the conjunction (a deliberate difference, see QueryShapes): such groups are left out
    java.util.Set<Symbol> anchors = new java.util.LinkedHashSet<>();
    QueryShapes.vars(find, anchors);
    QueryShapes.vars(after, anchors);
    q.addAll(QueryShapes.connected(g.where, anchors));
    return q;
  }

  private void plain(List<Var> out) {
    List<Var> pick = pick(out, 1 + g.r.nextInt(Math.min(3, out.size())));
    if (pick.size() == 1 && g.want(Feature.FIND_COLL, 4)) {
      find.add(List.of(pick.get(0).sym(), Symbol.of("...")));
    } else if (pick.size() == 1 && g.want(Feature.FIND_SCALAR, 4)) {
      find.add(pick.get(0).sym());
      find.add(Symbol.of("."));
    } else if (g.want(Feature.FIND_TUPLE, 6)) {
      find.add(pick.stream().map(v -> (Object) v.sym()).toList());
    } else {
      pick.forEach(v -> find.add(v.sym()));
      if (g.want(Feature.FIND_KEYS, 5)) {
        String[] kinds = {"keys", "syms", "strs"};
        after.add(Keyword.of(kinds[g.r.nextInt(3)]));
        for (int i = 0; i < pick.size(); i++) {
          after.add(Symbol.of("k" + i));
        }
      }
    }
  }

  private void aggregates(List<Var> out) {
    List<Var> groups = pick(out, g.r.nextInt(Math.min(2, out.size()) + 1));
    groups.forEach(v -> find.add(v.sym()));
    int n = 1 + g.r.nextInt(2);
    List<Var> aggregated = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Var v = out.get(g.r.nextInt(out.size()));
      aggregated.add(v);
      find.add(aggregate(v));
    }
    // Datomic fails inside itself when a :with variable is also found or aggregated
    List<Var> rest =
        out.stream().filter(v -> !groups.contains(v) && !aggregated.contains(v)).toList();
    if (!rest.isEmpty() && g.want(Feature.AGGREGATE_WITH, 2)) {
      after.add(Keyword.of("with"));
      after.add(rest.get(g.r.nextInt(rest.size())).sym());
    }
    if (groups.isEmpty() && n == 1 && g.want(Feature.FIND_SCALAR, 2)) {
      find.add(Symbol.of("."));
    }
  }

  private Object aggregate(Var v) {
    List<String> fns = new ArrayList<>(List.of("count", "count-distinct", "distinct"));
    if (v.isNumeric()) {
      fns.add("avg");
      if (g.f.has(Feature.AGGREGATE_SUM)) {
        fns.add("sum");
      }
      if (g.f.has(Feature.AGGREGATE_MEDIAN)) {
        fns.add("median");
      }
    }
    if (v.isComparable()) {
      fns.addAll(List.of("min", "max"));
      if (g.f.has(Feature.AGGREGATE_N)) {
        fns.addAll(List.of("min-n", "max-n"));
      }
    }
    String fn = fns.get(g.r.nextInt(fns.size()));
    if (fn.equals("median")) {
      g.used.add(Feature.AGGREGATE_MEDIAN);
    }
    if (fn.equals("sum")) {
      g.used.add(Feature.AGGREGATE_SUM);
    }
    if (fn.endsWith("-n")) {
      g.used.add(Feature.AGGREGATE_N);
      return call(Symbol.of(fn.substring(0, 3)), (long) (1 + g.r.nextInt(3)), v.sym());
    }
    return call(Symbol.of(fn), v.sym());
  }

  private List<Var> pick(List<Var> from, int n) {
    List<Var> copy = new ArrayList<>(from);
    java.util.Collections.shuffle(copy, g.r);
    return new ArrayList<>(copy.subList(0, Math.min(n, copy.size())));
  }
}
