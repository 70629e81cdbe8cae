package io.vertomic.conformance;

import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a history's transactions mention: the entity names and the values each attribute was given.
 * Reads draw their constants from here, so that most of them match something.
 */
record Pool(List<String> names, Map<Keyword, List<Object>> values) {

  static Pool of(History h) {
    Pool p = new Pool(new ArrayList<>(), new LinkedHashMap<>());
    for (List<Object> tx : h.txs()) {
      for (Object op : tx) {
        p.add(h, op);
      }
    }
    return p;
  }

  private void add(History h, Object op) {
    if (op instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            Attr a = h.attr(k);
            if (a == null) {
              return;
            }
            if (a.isRef()) {
              (v instanceof List<?> l && !(l.size() == 2 && l.get(0) instanceof Keyword)
                      ? l
                      : List.of(v))
                  .forEach(x -> add(h, x));
            } else if (a.many() && v instanceof List<?> l) {
              l.forEach(x -> value(a, x));
            } else {
              value(a, v);
            }
          });
    } else if (op instanceof List<?> l
        && l.size() == 4
        && Attr.kw("db/add").equals(l.get(0))
        && h.attr(l.get(2)) != null
        && !h.attr(l.get(2)).isRef()) {
      value(h.attr(l.get(2)), l.get(3));
    }
  }

  private void value(Attr a, Object v) {
    if (a.ident().equals(SchemaGen.NAME) && v instanceof String s && !names.contains(s)) {
      names.add(s);
    }
    List<Object> vs = values.computeIfAbsent(a.ident(), k -> new ArrayList<>());
    if (!vs.contains(v)) {
      vs.add(v);
    }
  }

  /**
   * A value attribute {@code a} was given, or a fresh one of its type when it has none; for a ref
   * an entity token, for a composite tuple or bytes null.
   */
  Object value(Random r, Attr a) {
    if (a.isRef()) {
      return new io.vertomic.edn.Tagged(IdTokens.ENTITY, name(r));
    }
    if (a.type().equals("bytes")) {
      // Datomic matches byte arrays by identity: a bytes constant never matches there.
      return null;
    }
    List<Object> vs = values.get(a.ident());
    if (vs == null || vs.isEmpty() || r.nextInt(6) == 0) {
      return a.isComposite() ? null : ValueGen.of(r, a);
    }
    return vs.get(r.nextInt(vs.size()));
  }

  /** A name of an entity, or a name no entity has. */
  String name(Random r) {
    return names.isEmpty() || r.nextInt(12) == 0 ? "nobody" : names.get(r.nextInt(names.size()));
  }
}
