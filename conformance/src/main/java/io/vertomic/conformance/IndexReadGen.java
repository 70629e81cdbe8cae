package io.vertomic.conformance;

import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertomic.edn.Tagged;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates the reads below queries: {@code entity} (touched, as a map), {@code datoms} of each
 * index with 0 to 3 leading components, and {@code indexRange} over an attribute (indexed or not:
 * Datomic refuses an attribute without AVET, and so must Vertomic).
 */
final class IndexReadGen {
  private static final String[] INDEXES = {"eavt", "aevt", "avet", "vaet"};

  private IndexReadGen() {}

  static Read entity(Random r, FeatureSet f, History h, Pool pool, List<Object> withTx) {
    Set<Feature> used = EnumSet.of(Feature.ENTITY);
    Symbol db = Views.pick(r, f, h, used, false);
    return Read.of("entity", used, "db", db, "eid", PullGen.eid(r, pool), "with", with(db, withTx));
  }

  static Read datoms(Random r, FeatureSet f, History h, Pool pool, List<Object> withTx) {
    Set<Feature> used = EnumSet.of(Feature.DATOMS);
    Symbol db = Views.pick(r, f, h, used, true);
    String index = INDEXES[r.nextInt(INDEXES.length)];
    Attr a = h.schema().get(r.nextInt(h.schema().size()));
    List<Attr> avet = h.schema().stream().filter(Attr::inAvet).toList();
    if (index.equals("avet") && r.nextInt(6) > 0 && !avet.isEmpty()) {
      a = avet.get(r.nextInt(avet.size()));
    }
    if (index.equals("vaet")) {
      List<Attr> refs = h.schema().stream().filter(Attr::isRef).toList();
      if (!refs.isEmpty()) {
        a = refs.get(r.nextInt(refs.size()));
      }
    }
    Object e = new Tagged(IdTokens.ENTITY, pool.name(r));
    Object v = a.isRef() ? e : pool.value(r, a);
    List<Object> parts =
        switch (index) {
          case "eavt" -> List.of(e, a.ident(), v == null ? "none" : v);
          case "aevt" -> List.of(a.ident(), e, v == null ? "none" : v);
          case "avet" -> List.of(a.ident(), v == null ? "none" : v, e);
          default -> List.of(e, a.ident(), new Tagged(IdTokens.ENTITY, pool.name(r)));
        };
    int n = r.nextInt(4);
    List<Object> components = new ArrayList<>(parts.subList(0, n));
    return Read.of(
        "datoms",
        used,
        "db",
        db,
        "index",
        Keyword.of(index),
        "components",
        components,
        "with",
        with(db, withTx));
  }

  static Read indexRange(Random r, FeatureSet f, History h, Pool pool, List<Object> withTx) {
    Set<Feature> used = EnumSet.of(Feature.INDEX_RANGE);
    Symbol db = Views.pick(r, f, h, used, false);
    List<Attr> avet = h.schema().stream().filter(Attr::inAvet).toList();
    Attr a =
        !avet.isEmpty() && r.nextInt(6) > 0
            ? avet.get(r.nextInt(avet.size()))
            : h.schema().get(r.nextInt(h.schema().size()));
    Object start = r.nextInt(3) == 0 ? null : pool.value(r, a);
    Object end = r.nextInt(3) == 0 ? null : pool.value(r, a);
    Read read = Read.of("index-range", used, "db", db, "attr", a.ident(), "with", with(db, withTx));
    return read.with("start", start).with("end", end);
  }

  private static Object with(Symbol db, List<Object> withTx) {
    return db.equals(Symbol.of("$with")) ? withTx : null;
  }
}
