package io.vertomic.conformance;

import io.vertomic.edn.EdnList;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates a query over a history: data patterns from an entity variable out (constants, blanks,
 * ref joins both ways, a variable attribute, the 5-tuple pattern on a history view), then {@link
 * ClauseGen}'s predicates, functions, negation, disjunction and rules, inputs lifted out of
 * constants, and {@link FindGen}'s find spec. Vector form, {@code :in} given whenever there is more
 * than the one database.
 */
final class QueryGen {
  final Random r;
  final FeatureSet f;
  final History h;
  final Pool pool;
  final Set<Feature> used = EnumSet.of(Feature.QUERY);
  final List<Var> vars = new ArrayList<>();
  final List<Object> where = new ArrayList<>();
  final List<Object> in = new ArrayList<>();
  final List<Object> inputs = new ArrayList<>();
  final List<Object> rules = new ArrayList<>();
  private int nextVar;
  Object db = Symbol.of("$");
  boolean historyDb;

  /** The data refers to ident entities, whose ids differ between engines: see History. */
  boolean identRefs;

  QueryGen(Random r, FeatureSet f, History h, Pool pool) {
    this.r = r;
    this.f = f;
    this.h = h;
    this.pool = pool;
  }

  static Read generate(Random r, FeatureSet f, History h, Pool pool, List<Object> withTx) {
    QueryGen g = new QueryGen(r, f, h, pool);
    g.db = Views.pick(r, f, h, g.used, true);
    g.historyDb = g.db.equals(Symbol.of("$history"));
    g.identRefs = h.refersToIdents(h.txs()) || h.refersToIdents(withTx);
    g.patterns();
    new ClauseGen(g).clauses();
    g.lift();
    Object query = new FindGen(g).query();
    List<Object> inputs = new ArrayList<>();
    inputs.add(g.db);
    inputs.addAll(g.inputs);
    Object with =
        g.db.equals(Symbol.of("$with")) || g.inputs.contains(Symbol.of("$with")) ? withTx : null;
    Read read = Read.of("query", g.used, "query", query, "inputs", inputs, "with", with);
    if (f.has(Feature.INVALID_QUERY) && r.nextInt(12) == 0) {
      read = InvalidQueries.mutate(g, read);
    }
    return read;
  }

  boolean want(Feature feature, int oneIn) {
    if (f.has(feature) && r.nextInt(oneIn) == 0) {
      used.add(feature);
      return true;
    }
    return false;
  }

  Var fresh(String type, Attr attr) {
    Var v = Var.of("?" + (type.equals("entity") ? "e" : "v") + nextVar++, type, attr);
    vars.add(v);
    return v;
  }

  Attr attr() {
    return h.schema().get(r.nextInt(h.schema().size()));
  }

  Attr attr(java.util.function.Predicate<Attr> p) {
    List<Attr> fits = h.schema().stream().filter(p).toList();
    return fits.isEmpty() ? null : fits.get(r.nextInt(fits.size()));
  }

  List<Var> vars(java.util.function.Predicate<Var> p) {
    return vars.stream().filter(p).toList();
  }

  Var var(java.util.function.Predicate<Var> p) {
    List<Var> fits = vars(p);
    return fits.isEmpty() ? null : fits.get(r.nextInt(fits.size()));
  }

  /** The type a variable bound to values of {@code a} gets. */
  static String typeOf(Attr a) {
    return a.isRef() ? "entity" : a.type();
  }

  private void patterns() {
    Var e = fresh("entity", null);
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      where.add(pattern(e, attr()));
    }
    if (want(Feature.QUERY_REF_JOIN, 3)) {
      Attr ref = attr(Attr::isRef);
      if (ref != null) {
        Var other = fresh("entity", null);
        where.add(pat(e.sym(), ref.ident(), other.sym()));
        where.add(pattern(other, attr()));
      }
    }
    if (want(Feature.QUERY_REVERSE_JOIN, 4)) {
      Attr ref = attr(Attr::isRef);
      if (ref != null) {
        Var other = fresh("entity", null);
        where.add(pat(other.sym(), ref.ident(), e.sym()));
      }
    }
    // values of any attribute would show ident entities' raw ids
    if (!identRefs && want(Feature.QUERY_VAR_ATTRIBUTE, 6)) {
      Var a = fresh("attr", null);
      Var v = fresh("any", null);
      where.add(pat(e.sym(), a.sym(), v.sym()));
      Var name = fresh("ident", null);
      where.add(pat(a.sym(), Keyword.of("db/ident"), name.sym()));
    }
    if (historyDb) {
      Attr a = attr();
      Var v = fresh(typeOf(a), a);
      Var tx = fresh("tx", null);
      Var op = fresh("boolean", null);
      where.add(List.of(e.sym(), a.ident(), v.sym(), tx.sym(), op.sym()));
    }
  }

  /** A data pattern on entity {@code e} and {@code a}: value as variable, constant or blank. */
  Object pattern(Var e, Attr a) {
    int k = r.nextInt(6);
    if (k == 0 && want(Feature.QUERY_BLANK, 1)) {
      return r.nextBoolean() ? pat(e.sym(), a.ident()) : pat(e.sym(), a.ident(), Symbol.of("_"));
    }
    if (k == 1 && !a.isRef() && want(Feature.QUERY_CONSTANT, 1)) {
      Object c = pool.value(r, a);
      if (c != null) {
        return pat(e.sym(), a.ident(), c);
      }
    }
    if (k == 2 && a.isRef() && want(Feature.QUERY_CONSTANT, 1)) {
      return pat(e.sym(), a.ident(), ref());
    }
    Var v = fresh(typeOf(a), a);
    return pat(e.sym(), a.ident(), v.sym());
  }

  /** An entity constant: a lookup ref, or this engine's id for it (an #e token). */
  Object ref() {
    if (want(Feature.QUERY_LOOKUP_REF, 2)) {
      return HistoryGen.lookup(pool.name(r));
    }
    return new io.vertomic.edn.Tagged(
        IdTokens.ENTITY,
        pool.names().isEmpty() ? "nobody" : pool.names().get(r.nextInt(pool.names().size())));
  }

  static List<Object> pat(Object... parts) {
    return List.of(parts);
  }

  static EdnList call(Object... parts) {
    return EdnList.of(parts);
  }

  /** Turns some constants of patterns into {@code :in} bindings, in each binding form. */
  private void lift() {
    for (int i = 0; i < where.size(); i++) {
      if (!(where.get(i) instanceof List<?> p) || p instanceof EdnList || p.size() != 3) {
        continue;
      }
      if (!(p.get(1) instanceof Keyword k) || h.attr(k) == null || p.get(2) instanceof Symbol) {
        continue;
      }
      Attr a = h.attr(k);
      Object c = p.get(2);
      Symbol s = Symbol.of("?in" + i);
      if (want(Feature.IN_SCALAR, 3)) {
        in.add(s);
        inputs.add(c);
      } else if (want(Feature.IN_COLLECTION, 3)) {
        in.add(List.of(s, Symbol.of("...")));
        List<Object> cs = new ArrayList<>(List.of(c));
        Object c2 = a.isRef() ? ref() : pool.value(r, a);
        if (c2 != null) {
          cs.add(c2);
        }
        inputs.add(cs);
      } else if (want(Feature.IN_TUPLE, 4)) {
        Symbol s2 = Symbol.of("?in" + i + "b");
        in.add(List.of(s, s2));
        inputs.add(List.of(c, a.ident()));
        where.set(i, pat(p.get(0), s2, s));
        continue;
      } else if (want(Feature.IN_RELATION, 4)) {
        Symbol s2 = Symbol.of("?in" + i + "b");
        in.add(List.of(List.of(s, s2)));
        List<Object> rows = new ArrayList<>();
        rows.add(List.of(c, a.ident()));
        rows.add(List.of(c, SchemaGen.NAME));
        inputs.add(rows);
        where.set(i, pat(p.get(0), s2, s));
        continue;
      } else {
        continue;
      }
      where.set(i, pat(p.get(0), p.get(1), s));
    }
  }
}
