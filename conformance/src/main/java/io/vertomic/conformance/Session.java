package io.vertomic.conformance;

import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertomic.fixtures.ConformanceCase.FindShape;
import io.vertomic.fixtures.DbInput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * One history loaded into one engine: transacts it, keeps the engine's ids as {@link IdTokens}, and
 * runs reads, giving each an {@link Outcome}. Subclasses bind the engine's own API; this class
 * holds everything both engines must do the same way.
 *
 * @param <D> the engine's database value type
 */
abstract class Session<D> implements AutoCloseable {
  final History history;
  final IdTokens ids = new IdTokens();
  private final List<Long> ts = new ArrayList<>();
  private final Map<Object, D> withDbs = new LinkedHashMap<>();

  Session(History history) {
    this.history = history;
  }

  /** A transaction's id, its basis-t after, and the id each string tempid resolved to. */
  record Done(long tx, long t, Map<String, Long> tempids) {}

  abstract Done transact(List<Object> tx) throws Exception;

  abstract D db();

  abstract D asOf(D db, long t);

  abstract D since(D db, long t);

  abstract D history(D db);

  /** The database with {@code tx} applied; puts the id of each string tempid in {@code tempids}. */
  abstract D with(D db, List<Object> tx, Map<String, Long> tempids) throws Exception;

  abstract Object query(Object query, List<Object> inputs);

  abstract Object pull(D db, Object selector, Object eid);

  abstract Object pullMany(D db, Object selector, List<?> eids);

  abstract Object entity(D db, Object eid);

  abstract Object datoms(D db, Keyword index, List<Object> components);

  abstract Object indexRange(D db, Object attr, Object start, Object end);

  abstract Outcome failure(Throwable e);

  /** Transacts the schema; false (and nothing else works) when the engine rejects it. */
  String transactSchema() {
    try {
      transact(history.schemaTx());
      return null;
    } catch (Throwable e) {
      return failure(unwrap(e)).show();
    }
  }

  /** Transacts data tx {@code tx}: null when accepted, else the error. */
  String transactData(List<Object> tx) {
    try {
      Done d = transact(tx);
      ts.add(d.t());
      ids.tx(ts.size(), d.tx());
      d.tempids().forEach(ids::entity);
      return null;
    } catch (Throwable e) {
      return failure(unwrap(e)).show();
    }
  }

  /** Runs {@code read}; {@code oracle} also collects every row a tuple or scalar find accepts. */
  Outcome run(Read read, boolean oracle) {
    try {
      if (!ids.hasIdents()) {
        loadIdents();
      }
      Object tokens = ids.tokens(answer(read, read));
      Outcome o = Answers.of(read, grouped(read, tokens), tokens);
      if (oracle && read.kind().equals("query")) {
        FindShape shape = Answers.shape(read.get("query"));
        if (!Answers.isWhole(shape)) {
          Read rel = read.with("query", Queries.relationForm(read.get("query")));
          Object rows = grouped(rel, ids.tokens(answer(rel, read)));
          o = o.accepting(Answers.rows(rows, shape == FindShape.SCALAR));
        }
      }
      return o;
    } catch (Throwable e) {
      return failure(unwrap(e));
    }
  }

  private static Object grouped(Read read, Object answer) {
    return read.kind().equals("query") ? GroupKeys.byValue(read.get("query"), answer) : answer;
  }

  /** Learns the id of each ident entity (attributes, enums) of this engine. */
  private void loadIdents() {
    Object rows = query(io.vertomic.edn.Edn.read(IDENTS), List.of(db()));
    for (Object row : (Collection<?>) rows) {
      List<?> r = (List<?>) row;
      ids.ident((Long) r.get(0), (Keyword) r.get(1));
    }
  }

  private static final String IDENTS = "[:find ?e ?i :where [?e :db/ident ?i]]";

  private Object answer(Read read, Read original) throws Exception {
    switch (read.kind()) {
      case "query":
        List<Object> inputs = new ArrayList<>();
        for (Object in : inputs(read)) {
          inputs.add(input(read, in));
        }
        Object rows = query(ids.ids(read.get("query")), inputs);
        return IdentRefs.query(rows, read.get("query"), inputs(read), history, ids::ref);
      case "pull":
        return IdentRefs.pulled(
            pull(view(read, read.get("db")), read.get("selector"), ids.ids(read.get("eid"))),
            ids::ref);
      case "pull-many":
        return IdentRefs.pulled(
            pullMany(
                view(read, read.get("db")),
                read.get("selector"),
                (List<?>) ids.ids(read.get("eid"))),
            ids::ref);
      case "entity":
        return entity(view(read, read.get("db")), ids.ids(read.get("eid")));
      case "datoms":
        return datoms(
            view(read, read.get("db")),
            (Keyword) read.get("index"),
            castList(ids.ids(read.get("components"))));
      case "index-range":
        return indexRange(
            view(read, read.get("db")),
            read.get("attr"),
            ids.ids(read.get("start")),
            ids.ids(read.get("end")));
      default:
        throw new IllegalArgumentException("unknown read kind " + read.kind());
    }
  }

  private static List<?> inputs(Read read) {
    Object in = read.get("inputs");
    return in instanceof List<?> l ? l : List.of(Symbol.of("$"));
  }

  /** An input of a query: a database view named by symbol, or a value (its tokens as ids). */
  private Object input(Read read, Object in) throws Exception {
    if (DbInput.of(in) != null) {
      return view(read, in);
    }
    return ids.ids(in);
  }

  D view(Read read, Object name) throws Exception {
    Object spec = read.get("filter");
    boolean first = spec != null && Boolean.TRUE.equals(read.get("filter-first"));
    D db = timeView(read, name, first ? filtered(db(), spec) : db(), !first);
    return spec != null && !first ? filtered(db, spec) : db;
  }

  private D timeView(Read read, Object name, D db, boolean cacheWith) throws Exception {
    DbInput in = DbInput.of(name == null ? Symbol.of("$") : name);
    switch (in.kind()) {
      case HISTORY:
        return history(db);
      case AS_OF:
        return asOf(db, ts.get(in.tx() - 1));
      case SINCE:
        return since(db, ts.get(in.tx() - 1));
      case WITH:
        Object tx = read.get("with");
        D w = cacheWith ? withDbs.get(tx) : null;
        if (w == null) {
          Map<String, Long> tempids = new LinkedHashMap<>();
          w = with(db, castList(tx), tempids);
          tempids.forEach(ids::entity);
          if (cacheWith) {
            withDbs.put(tx, w);
          }
        }
        return w;
      default:
        return db;
    }
  }

  /** {@code db} through the filters of {@code spec} ({@link FilterSpec}). */
  private D filtered(D db, Object spec) {
    return filtered(
        db,
        spec,
        n -> ts.isEmpty() ? Long.MAX_VALUE : txId(ts.get((int) Math.min(n, ts.size()) - 1)));
  }

  /** The engine's tx id of basis {@code t}. */
  abstract long txId(long t);

  /**
   * {@code db} filtered by each test of {@code spec} in turn ({@link FilterSpec#bind}), {@code
   * txOf} giving the tx id of the n-th data transaction.
   */
  abstract D filtered(D db, Object spec, LongUnaryOperator txOf);

  /** The datoms of {@code ds} as {@code [e a v tx added]} rows, of generated attributes only. */
  List<List<Object>> rows(Iterable<?> ds, DatomParts parts) {
    List<List<Object>> out = new ArrayList<>();
    for (Object d : ds) {
      List<Object> row = parts.row(d);
      Attr a = history.attr(row.get(1));
      if (a != null) {
        if (a.isRef()) {
          row.set(2, ids.ref(row.get(2)));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** Reads one datom of an engine as {@code [e a-ident v tx added]}. */
  interface DatomParts {
    List<Object> row(Object datom);
  }

  /**
   * A touched entity as a map: {@code :db/id}, then each attribute; a ref is {@code {:db/id id}},
   * or the touched map when the attribute is a component (as Datomic's {@code touch} does).
   */
  Map<Object, Object> entityMap(Object entity, EntityParts parts, int depth) {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("db/id"), parts.id(entity));
    for (Keyword k : parts.keys(entity)) {
      Attr a = history.attr(k);
      boolean component = a != null && a.component() && depth < 5;
      m.put(k, entityValue(parts.get(entity, k), parts, component, depth));
    }
    return m;
  }

  private Object entityValue(Object v, EntityParts parts, boolean component, int depth) {
    if (parts.isEntity(v)) {
      // Datomic's entity gives a reference to an ident entity as its ident keyword
      Object ident = ids.ref(parts.id(v));
      if (ident instanceof Keyword) {
        return ident;
      }
      return component ? entityMap(v, parts, depth + 1) : Map.of(Keyword.of("db/id"), parts.id(v));
    }
    if (v instanceof Collection<?> c) {
      Set<Object> out = new LinkedHashSet<>();
      for (Object x : c) {
        out.add(entityValue(x, parts, component, depth));
      }
      return out;
    }
    return parts.value(v);
  }

  /** How to read an engine's entity objects. */
  interface EntityParts {
    boolean isEntity(Object v);

    long id(Object entity);

    Collection<Keyword> keys(Object entity);

    Object get(Object entity, Keyword k);

    Object value(Object v);
  }

  static Throwable unwrap(Throwable e) {
    while ((e instanceof java.util.concurrent.ExecutionException
            || e instanceof java.util.concurrent.CompletionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  @SuppressWarnings("unchecked")
  static List<Object> castList(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }
}
