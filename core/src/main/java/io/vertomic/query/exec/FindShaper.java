package io.vertomic.query.exec;

import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertomic.pull.Pull;
import io.vertomic.query.parse.FindElement;
import io.vertomic.query.parse.FindElement.FindAggregate;
import io.vertomic.query.parse.FindElement.FindPull;
import io.vertomic.query.parse.FindElement.FindVar;
import io.vertomic.query.parse.FindSpec;
import io.vertomic.query.parse.Query;
import io.vertomic.query.parse.Term;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the final bindings into the answer the find spec asks for. The rows over the find and
 * {@code :with} variables form a set (a list when the find spec pulls or aggregates); aggregates
 * group them by the other find elements (numbers by value, see {@link GroupKey}), then the {@code
 * :with} variables are dropped; pull expressions are evaluated last, once per row.
 */
final class FindShaper {
  private FindShaper() {}

  static Object shape(Query q, Bindings b, Env env) {
    List<FindElement> els = q.find().elements();
    List<Symbol> needed = new ArrayList<>(new LinkedHashSet<>(vars(q)));
    boolean bag = !q.with().isEmpty();
    // a relation of distinct rows without pulls is built as the set it is answered as, which
    // tells the rows apart
    boolean asSet = !bag && !pulls(els) && !aggregates(els);
    Relation rel = asSet ? b.projectWithRepeats(needed) : b.project(needed);
    Collection<List<Object>> rows =
        aggregates(els) ? grouped(els, rel, env) : plain(els, rel, env, !bag, asSet);
    FindSpec f = q.find();
    if (f instanceof FindSpec.FindScalar) {
      return rows.isEmpty() ? null : rows.iterator().next().get(0);
    }
    if (f instanceof FindSpec.FindTuple) {
      return rows.isEmpty() ? null : rows.iterator().next();
    }
    if (f instanceof FindSpec.FindColl) {
      List<Object> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(r.get(0)));
      return out;
    }
    if (q.returnKeys() != null) {
      return maps(q.returnKeys(), rows);
    }
    // with a pull the rows stay one per distinct binding, as a list (Datomic's vector): two
    // entities may pull equal maps; aggregated rows are a list in Datomic too
    return rows;
  }

  private static boolean pulls(List<FindElement> els) {
    for (FindElement e : els) {
      if (e instanceof FindPull) {
        return true;
      }
    }
    return false;
  }

  private static List<Symbol> vars(Query q) {
    List<Symbol> out = new ArrayList<>();
    for (FindElement e : q.find().elements()) {
      if (e instanceof FindVar v) {
        out.add(v.var().symbol());
      } else if (e instanceof FindAggregate a) {
        out.add(a.var().symbol());
      } else if (e instanceof FindPull p) {
        out.add(p.entity().symbol());
        if (p.pattern() instanceof Term.Var pv) {
          out.add(pv.symbol());
        }
      }
    }
    q.with().forEach(w -> out.add(w.symbol()));
    return out;
  }

  private static boolean aggregates(List<FindElement> els) {
    for (FindElement e : els) {
      if (e instanceof FindAggregate) {
        return true;
      }
    }
    return false;
  }

  /**
   * One row per distinct find tuple; with {@code distinct} false (a {@code :with} query without
   * aggregates, as Datomic) one per row of the relation, so the answer is a bag. With {@code asSet}
   * the rows are collected in a set, which itself tells rows of plain values apart; rows holding a
   * value whose Java equality is not {@link io.vertomic.datom.Values}' (a decimal, byte array or
   * tuple) and pulled rows are told apart by their values first.
   */
  private static Collection<List<Object>> plain(
      List<FindElement> els, Relation rel, Env env, boolean distinct, boolean asSet) {
    int n = els.size();
    int[] cols = new int[n];
    boolean[] pulls = new boolean[n];
    for (int i = 0; i < n; i++) {
      cols[i] = keyCol(els.get(i), rel);
      pulls[i] = els.get(i) instanceof FindPull;
    }
    boolean anyPull = pulls(els);
    Set<RowKey> seen = new HashSet<>();
    Collection<List<Object>> out =
        asSet ? new LinkedHashSet<>(rel.rows.size() * 2) : new ArrayList<>(rel.rows.size());
    for (Object[] row : rel.rows) {
      Object[] key = new Object[n];
      boolean javaEquality = asSet;
      for (int i = 0; i < n; i++) {
        key[i] = cols[i] < 0 ? null : row[cols[i]];
        javaEquality &=
            !(key[i] instanceof BigDecimal
                || key[i] instanceof byte[]
                || key[i] instanceof List<?>);
      }
      if (distinct && !javaEquality && !seen.add(new RowKey(key))) {
        continue;
      }
      out.add(anyPull ? pulled(els, key, pulls, rel, row, env) : Arrays.asList(key));
    }
    return out;
  }

  /** A row whose pull elements are pulled, the others as in {@code key}. */
  private static List<Object> pulled(
      List<FindElement> els, Object[] key, boolean[] pulls, Relation rel, Object[] row, Env env) {
    List<Object> r = new ArrayList<>(key.length);
    for (int i = 0; i < key.length; i++) {
      r.add(pulls[i] ? value(els.get(i), key[i], rel, row, env) : key[i]);
    }
    return r;
  }

  /**
   * One row per group: the rows of {@code rel} (distinct over the find and {@code :with} variables)
   * are grouped by the values of the find's non-aggregate elements in one pass, each group keeping
   * its first row and the values of each aggregate's variable, which the aggregate then reduces.
   */
  private static List<List<Object>> grouped(List<FindElement> els, Relation rel, Env env) {
    int n = els.size();
    int[] cols = new int[n];
    int keys = 0;
    for (int i = 0; i < n; i++) {
      FindElement e = els.get(i);
      cols[i] = e instanceof FindAggregate a ? rel.col(a.var().symbol()) : keyCol(e, rel);
      keys += e instanceof FindAggregate ? 0 : 1;
    }
    Map<RowKey, Group> groups = new LinkedHashMap<>();
    if (keys == 0 && !rel.rows.isEmpty()) {
      // aggregates only: one group of every row
      Group all = new Group(rel.rows.get(0), els);
      for (Object[] row : rel.rows) {
        for (int i = 0; i < n; i++) {
          all.values[i].add(row[cols[i]]);
        }
      }
      groups.put(new RowKey(new Object[0]), all);
    }
    for (Object[] row : keys == 0 ? List.<Object[]>of() : rel.rows) {
      Object[] key = new Object[keys];
      for (int i = 0, k = 0; i < n; i++) {
        if (!(els.get(i) instanceof FindAggregate)) {
          key[k++] = GroupKey.of(row[cols[i]]);
        }
      }
      Group g = groups.computeIfAbsent(new RowKey(key), x -> new Group(row, els));
      for (int i = 0; i < n; i++) {
        if (g.values[i] != null) {
          g.values[i].add(row[cols[i]]);
        }
      }
    }
    List<List<Object>> out = new ArrayList<>(groups.size());
    for (Group g : groups.values()) {
      List<Object> r = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        FindElement e = els.get(i);
        if (e instanceof FindAggregate a) {
          r.add(Callables.aggregate(a.fn()).apply(a.constants(), g.values[i]));
        } else {
          r.add(value(e, g.first[cols[i]], rel, g.first, env));
        }
      }
      out.add(r);
    }
    return out;
  }

  /** The first row of a group, and by find element the values its aggregate reduces (or null). */
  private static final class Group {
    final Object[] first;
    final List<Object>[] values;

    @SuppressWarnings("unchecked")
    Group(Object[] first, List<FindElement> els) {
      this.first = first;
      this.values = new List[els.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = els.get(i) instanceof FindAggregate ? new ArrayList<>() : null;
      }
    }
  }

  private static int keyCol(FindElement e, Relation rel) {
    if (e instanceof FindVar v) {
      return rel.col(v.var().symbol());
    }
    if (e instanceof FindPull p) {
      return rel.col(p.entity().symbol());
    }
    return -1;
  }

  private static Object value(FindElement e, Object key, Relation rel, Object[] row, Env env) {
    if (e instanceof FindPull p) {
      Object pattern = p.pattern() instanceof Term.Var pv ? row[rel.col(pv.symbol())] : p.pattern();
      return Pull.pull(env.db(p.src()), pattern, key);
    }
    return key;
  }

  private static Set<Map<Object, Object>> maps(
      Query.ReturnKeys keys, Collection<List<Object>> rows) {
    List<Object> ks = new ArrayList<>();
    for (Symbol s : keys.names()) {
      switch (keys.kind()) {
        case KEYS:
          ks.add(Keyword.of(s.text()));
          break;
        case SYMS:
          ks.add(s);
          break;
        default:
          ks.add(s.text());
      }
    }
    Set<Map<Object, Object>> out = new LinkedHashSet<>();
    for (List<Object> r : rows) {
      Map<Object, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < ks.size(); i++) {
        m.put(ks.get(i), r.get(i));
      }
      out.add(m);
    }
    return out;
  }
}
