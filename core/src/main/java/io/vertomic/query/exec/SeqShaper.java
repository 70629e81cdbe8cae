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
import io.vertomic.query.parse.QueryErrors;
import io.vertomic.query.parse.Term;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer of {@code qseq} (Datomic's): the rows {@link FindShaper} would give, with every pull
 * expression deferred until its row is consumed. Only the rows' keys are held (entity ids, values,
 * computed aggregates), never the pulled trees, so a pass over 100,000 rows with pull holds one
 * pulled row at a time. The answer knows its size without pulling anything; each pass pulls afresh.
 * Relation and collection find specs only: a scalar or tuple is no sequence (Datomic refuses them
 * too).
 */
final class SeqShaper {
  private SeqShaper() {}

  /** A pull to run when its row is consumed. */
  private record Deferred(FindPull find, Object pattern, Object eid) {}

  static Object shape(Query q, Bindings b, Env env) {
    FindSpec f = q.find();
    if (f instanceof FindSpec.FindScalar || f instanceof FindSpec.FindTuple) {
      throw QueryErrors.incorrect(
          "invalid-find",
          "qseq answers a sequence: its find spec must be a relation or a collection, not a "
              + (f instanceof FindSpec.FindScalar ? "scalar" : "tuple"));
    }
    List<FindElement> els = f.elements();
    List<Object[]> rows = keyRows(q, b);
    boolean coll = f instanceof FindSpec.FindColl;
    List<Object> keys = q.returnKeys() == null ? null : keys(q.returnKeys());
    return new AbstractCollection<>() {
      @Override
      public Iterator<Object> iterator() {
        Iterator<Object[]> it = rows.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Object next() {
            Object[] row = it.next();
            List<Object> out = new ArrayList<>(row.length);
            for (Object x : row) {
              out.add(x instanceof Deferred d ? pull(d, env) : x);
            }
            if (coll) {
              return out.get(0);
            }
            return keys == null ? out : map(keys, out);
          }
        };
      }

      @Override
      public int size() {
        return rows.size();
      }
    };
  }

  private static Object pull(Deferred d, Env env) {
    return Pull.pull(env.db(d.find().src()), d.pattern(), d.eid());
  }

  /** One array per answer row: find values, aggregates computed, pulls as {@link Deferred}. */
  private static List<Object[]> keyRows(Query q, Bindings b) {
    List<FindElement> els = q.find().elements();
    Set<Symbol> needed = new java.util.LinkedHashSet<>();
    for (FindElement e : els) {
      if (e instanceof FindVar v) {
        needed.add(v.var().symbol());
      } else if (e instanceof FindAggregate a) {
        needed.add(a.var().symbol());
      } else if (e instanceof FindPull p) {
        needed.add(p.entity().symbol());
        if (p.pattern() instanceof Term.Var pv) {
          needed.add(pv.symbol());
        }
      }
    }
    q.with().forEach(w -> needed.add(w.symbol()));
    Relation rel = b.project(new ArrayList<>(needed));
    boolean aggregates = els.stream().anyMatch(e -> e instanceof FindAggregate);
    if (aggregates) {
      return grouped(els, rel);
    }
    boolean distinct = q.with().isEmpty();
    Set<RowKey> seen = new HashSet<>();
    List<Object[]> out = new ArrayList<>();
    for (Object[] row : rel.rows) {
      Object[] r = new Object[els.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = cell(els.get(i), rel, row);
      }
      if (!distinct || seen.add(new RowKey(keyOf(r)))) {
        out.add(r);
      }
    }
    return out;
  }

  private static List<Object[]> grouped(List<FindElement> els, Relation rel) {
    Map<RowKey, Object[]> groups = new LinkedHashMap<>();
    Map<RowKey, List<List<Object>>> bags = new LinkedHashMap<>();
    for (Object[] row : rel.rows) {
      Object[] r = new Object[els.size()];
      for (int i = 0; i < r.length; i++) {
        if (!(els.get(i) instanceof FindAggregate)) {
          r[i] = cell(els.get(i), rel, row);
        }
      }
      RowKey k = new RowKey(keyOf(r));
      groups.putIfAbsent(k, r);
      List<List<Object>> bag =
          bags.computeIfAbsent(
              k,
              x -> {
                List<List<Object>> b = new ArrayList<>();
                els.forEach(e -> b.add(new ArrayList<>()));
                return b;
              });
      for (int i = 0; i < els.size(); i++) {
        if (els.get(i) instanceof FindAggregate a) {
          bag.get(i).add(row[rel.col(a.var().symbol())]);
        }
      }
    }
    List<Object[]> out = new ArrayList<>(groups.size());
    for (Map.Entry<RowKey, Object[]> g : groups.entrySet()) {
      Object[] r = g.getValue();
      List<List<Object>> bag = bags.get(g.getKey());
      for (int i = 0; i < els.size(); i++) {
        if (els.get(i) instanceof FindAggregate a) {
          r[i] = Callables.aggregate(a.fn()).apply(a.constants(), bag.get(i));
        }
      }
      out.add(r);
    }
    return out;
  }

  private static Object cell(FindElement e, Relation rel, Object[] row) {
    if (e instanceof FindVar v) {
      return row[rel.col(v.var().symbol())];
    }
    if (e instanceof FindPull p) {
      Object pattern = p.pattern() instanceof Term.Var pv ? row[rel.col(pv.symbol())] : p.pattern();
      return new Deferred(p, pattern, row[rel.col(p.entity().symbol())]);
    }
    return null;
  }

  // rows are told apart by their values and the entities they pull, as q's set of rows is
  private static Object[] keyOf(Object[] r) {
    Object[] k = new Object[r.length];
    for (int i = 0; i < r.length; i++) {
      k[i] = r[i] instanceof Deferred d ? d.eid() : r[i];
    }
    return k;
  }

  private static List<Object> keys(Query.ReturnKeys rk) {
    List<Object> out = new ArrayList<>();
    for (Symbol s : rk.names()) {
      out.add(
          switch (rk.kind()) {
            case KEYS -> Keyword.of(s.text());
            case SYMS -> s;
            default -> s.text();
          });
    }
    return out;
  }

  private static Map<Object, Object> map(List<Object> keys, List<Object> row) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      m.put(keys.get(i), row.get(i));
    }
    return m;
  }
}
