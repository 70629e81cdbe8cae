package io.vertomic.conformance;

import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the data transactions of a history: a first transaction that creates entities, then a
 * few that add values, upsert, retract values and retract whole entities, so that as-of, since and
 * history views differ from the current database. Keeps a rough model of what is asserted only to
 * aim retractions and references at live entities; Datomic decides what is right.
 */
final class HistoryGen {
  private final Random r;
  private final FeatureSet f;
  private final List<Attr> schema;
  private final List<String> live = new ArrayList<>();
  private final Map<String, List<Object[]>> asserted = new HashMap<>();
  private int nextEntity;
  private int nextComponent;

  private HistoryGen(Random r, FeatureSet f, List<Attr> schema) {
    this.r = r;
    this.f = f;
    this.schema = schema;
  }

  static History generate(Random r, FeatureSet f) {
    List<Attr> schema = SchemaGen.generate(r, f);
    HistoryGen g = new HistoryGen(r, f, schema);
    List<List<Object>> txs = new ArrayList<>();
    txs.add(g.createTx(4 + r.nextInt(4)));
    int more = 1 + r.nextInt(4);
    for (int i = 0; i < more; i++) {
      txs.add(g.changeTx());
    }
    return new History(schema, txs);
  }

  /** Tx data for a {@code with} view of a history generated with the same random source. */
  static List<Object> withTx(Random r, FeatureSet f, History h) {
    HistoryGen g = new HistoryGen(r, f, h.schema());
    for (String name : Pool.of(h).names()) {
      g.live.add(name);
    }
    g.nextEntity = 100;
    return g.changeTx();
  }

  private List<Object> createTx(int n) {
    List<Object> tx = new ArrayList<>();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tx.add(newEntity(created));
    }
    return tx;
  }

  private List<Object> changeTx() {
    List<Object> tx = new ArrayList<>();
    List<String> created = new ArrayList<>();
    int ops = 1 + r.nextInt(4);
    for (int i = 0; i < ops; i++) {
      int kind = r.nextInt(10);
      if (live.isEmpty() || kind < 2) {
        tx.add(newEntity(created));
      } else if (kind < 5 && f.has(Feature.TX_UPSERT)) {
        tx.add(upsert(pick(live)));
      } else if (kind < 7) {
        String e = pick(live);
        Attr a = settable();
        Object v = value(a, created, e);
        if (v != null && !(v instanceof Map<?, ?>)) {
          tx.add(List.of(Attr.kw("db/add"), lookup(e), a.ident(), v));
          remember(e, a, v);
        }
      } else if (kind < 9 && f.has(Feature.TX_RETRACT)) {
        String e = pick(live);
        List<Object[]> vs = asserted.getOrDefault(e, List.of());
        if (!vs.isEmpty()) {
          Object[] av = vs.remove(r.nextInt(vs.size()));
          tx.add(List.of(Attr.kw("db/retract"), lookup(e), av[0], av[1]));
        }
      } else if (f.has(Feature.TX_RETRACT_ENTITY) && live.size() > 2) {
        String e = live.remove(r.nextInt(live.size()));
        tx.add(List.of(Attr.kw("db/retractEntity"), lookup(e)));
      }
    }
    if (tx.isEmpty()) {
      tx.add(newEntity(created));
    }
    if (f.has(Feature.TX_INVALID) && r.nextInt(10) == 0 && !live.isEmpty()) {
      tx.add(invalid(pick(live)));
    }
    live.addAll(created);
    return tx;
  }

  private Map<Object, Object> newEntity(List<String> created) {
    String name = "e" + nextEntity++;
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(Attr.kw("db/id"), name);
    boolean named = r.nextInt(6) > 0;
    if (named) {
      m.put(SchemaGen.NAME, name);
    }
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n || m.size() < 2; i++) {
      Attr a = settable();
      Object v = a.many() ? manyValues(a, created, name) : value(a, created, name);
      if (v != null) {
        m.put(a.ident(), v);
      }
    }
    if (named) {
      created.add(name);
    }
    return m;
  }

  /** An operation Datomic refuses, so the whole transaction must be refused by both. */
  private Object invalid(String e) {
    Attr a = settable();
    Object bad =
        switch (r.nextInt(4)) {
          case 0 -> a.type().equals("string") ? (Object) 1L : "not a " + a.type();
          case 1 -> a.tupleType() != null ? List.of(ValueGen.scalar(r, a.tupleType())) : "x";
          case 2 -> List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
          default -> null;
        };
    if (bad == null) {
      return List.of(Attr.kw("db/add"), lookup(e), Attr.kw("no/such"), 1L);
    }
    return List.of(Attr.kw("db/add"), lookup(e), a.ident(), bad);
  }

  private Map<Object, Object> upsert(String e) {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(Attr.kw("db/id"), e);
    m.put(SchemaGen.NAME, e);
    Attr a = settable();
    Object v = value(a, List.of(), e);
    if (v != null) {
      // a vector value of a cardinality-many attribute is a collection of values, even when it
      // looks like a lookup ref (TX_MANY_LOOKUP_REF keeps that ambiguity on purpose)
      boolean bare = a.isRef() && f.has(Feature.TX_MANY_LOOKUP_REF) && r.nextInt(4) == 0;
      m.put(a.ident(), a.many() && !bare ? List.of(v) : v);
      remember(e, a, v);
    }
    return m;
  }

  private Object manyValues(Attr a, List<String> created, String e) {
    List<Object> vs = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      Object v = value(a, created, e);
      if (v != null) {
        vs.add(v);
      }
    }
    return vs.isEmpty() ? null : vs;
  }

  /** A value of {@code a} for entity {@code e}: refs point at live or just-created entities. */
  private Object value(Attr a, List<String> created, String e) {
    if (!a.isRef()) {
      Object v = ValueGen.of(r, a);
      if (a.unique() != null && v instanceof Long l) {
        v = l + 1000L * nextEntity;
      }
      remember(e, a, v);
      return v;
    }
    if (a.component()
        && (f.has(Feature.TX_NESTED_COMPONENT) && r.nextBoolean() || created.isEmpty())) {
      // a component is owned by one entity: only a new one (nested or of this tx) is given
      Map<Object, Object> part = new LinkedHashMap<>();
      part.put(Attr.kw("db/id"), "c" + nextComponent++);
      Attr s = scalar();
      part.put(s.ident(), s.many() ? List.of(ValueGen.of(r, s)) : ValueGen.of(r, s));
      return part;
    }
    if (!created.isEmpty() && (r.nextBoolean() || a.component())) {
      return created.get(r.nextInt(created.size()));
    }
    if (!live.isEmpty()) {
      Object ref = lookup(pick(live));
      remember(e, a, ref);
      return ref;
    }
    return null;
  }

  private void remember(String e, Attr a, Object v) {
    if (!a.isRef() || v instanceof List<?>) {
      asserted.computeIfAbsent(e, k -> new ArrayList<>()).add(new Object[] {a.ident(), v});
    }
  }

  private Attr settable() {
    while (true) {
      Attr a = schema.get(1 + r.nextInt(schema.size() - 1));
      if (!a.isComposite()) {
        return a;
      }
    }
  }

  private Attr scalar() {
    for (int tries = 0; tries < 20; tries++) {
      Attr a = settable();
      if (!a.isRef() && a.unique() == null) {
        return a;
      }
    }
    return schema.get(0);
  }

  private String pick(List<String> names) {
    return names.get(r.nextInt(names.size()));
  }

  static List<Object> lookup(String name) {
    return List.of(SchemaGen.NAME, name);
  }

  static Keyword kw(String s) {
    return Keyword.of(s);
  }
}
