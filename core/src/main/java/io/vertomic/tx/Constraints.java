package io.vertomic.tx;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.db.DbValue;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertomic.peer.Database;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Idents;
import io.vertomic.schema.Schema;
import io.vertomic.schema.Unique;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The checks that need a transaction's datoms all together: uniqueness against the database and
 * within the transaction, attribute predicates, and entity specs ({@code :db/ensure}) against the
 * database after it.
 */
final class Constraints {
  private Constraints() {}

  /** Fails with {@code conflict} when an asserted unique value belongs to another entity. */
  static void unique(DbValue db, Schema schema, TxDatoms acc) {
    Map<Fact, Long> owners = new HashMap<>();
    for (Datom d : acc.asserted) {
      Attr a = schema.attr(d.a());
      if (a == null || a.unique() == Unique.NONE) {
        continue;
      }
      Long other = owners.putIfAbsent(new Fact(0, d.a(), d.v()), d.e());
      if (other != null && other != d.e()) {
        throw conflict(a, d, other);
      }
      Long owner = db.entityWith(d.a(), d.v());
      if (owner != null && owner != d.e() && !acc.isRetracted(owner, d.a(), d.v())) {
        throw conflict(a, d, owner);
      }
    }
  }

  private static Anomaly conflict(Attr a, Datom d, long owner) {
    return Anomaly.conflict(
        "db.error/unique-conflict",
        "Unique conflict: "
            + a.ident()
            + ", value: "
            + TxExpander.describe(d.v())
            + " already held by: "
            + owner
            + " asserted for: "
            + d.e());
  }

  /** Fails with {@code incorrect} when an asserted value fails one of its attribute predicates. */
  static void attrPreds(Schema schema, TxDatoms acc) {
    for (Datom d : acc.asserted) {
      Attr a = schema.attr(d.a());
      if (a == null || a.preds().isEmpty()) {
        continue;
      }
      for (Symbol s : a.preds()) {
        Predicate<Object> p = Extensions.attrPredicate(s.text());
        if (p == null) {
          throw Anomaly.incorrect(
              "db.error/attr-pred-not-found",
              "Attribute predicate " + s + " of " + a.ident() + " is not registered");
        }
        if (!p.test(d.v())) {
          throw Anomaly.incorrect(
              "db.error/attr-pred",
              "Value "
                  + TxExpander.describe(d.v())
                  + " of "
                  + a.ident()
                  + " for entity "
                  + d.e()
                  + " fails predicate "
                  + s);
        }
      }
    }
  }

  /**
   * Fails with {@code incorrect} when an entity misses the attributes or predicates of its spec.
   */
  static void entitySpecs(DbValue after, Database view, Map<Long, Long> ensures) {
    Attr attrs = after.schema().attr(Idents.ENTITY_ATTRS);
    Attr preds = after.schema().attr(Idents.ENTITY_PREDS);
    for (Map.Entry<Long, Long> en : ensures.entrySet()) {
      long e = en.getKey();
      long spec = en.getValue();
      Keyword specName = after.schema().ident(spec);
      for (Datom d : after.currentDatoms(spec, attrs.id())) {
        // keywords, as in Datomic; databases made before held one tuple of them
        for (Object k : d.v() instanceof List<?> l ? l : List.of(d.v())) {
          Attr required = after.schema().attr((Keyword) k);
          if (required == null || after.currentDatoms(e, required.id()).isEmpty()) {
            throw Anomaly.incorrect(
                "db.error/entity-attrs-missing",
                "Entity " + e + " is missing attribute " + k + " required by spec " + specName);
          }
        }
      }
      for (Datom d : after.currentDatoms(spec, preds.id())) {
        Symbol s = (Symbol) d.v();
        BiPredicate<Database, Long> p = Extensions.entityPredicate(s.text());
        if (p == null) {
          throw Anomaly.incorrect(
              "db.error/entity-pred-not-found",
              "Entity predicate " + s + " of spec " + specName + " is not registered");
        }
        if (!p.test(view, e)) {
          throw Anomaly.incorrect(
              "db.error/entity-pred",
              "Entity " + e + " fails predicate " + s + " of spec " + specName);
        }
      }
    }
  }
}
