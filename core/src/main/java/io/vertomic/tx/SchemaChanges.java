package io.vertomic.tx;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.db.DbValue;
import io.vertomic.edn.Keyword;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Bootstrap;
import io.vertomic.schema.Idents;
import io.vertomic.schema.Schema;
import io.vertomic.schema.Unique;
import io.vertomic.schema.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Derives the schema after a transaction and refuses the changes Datomic refuses: an attribute
 * without ident, type or cardinality; a type, tuple definition or fulltext flag changed on an
 * installed attribute; cardinality many-to-one or a new uniqueness that existing values violate.
 * New attributes are also recorded under {@code :db.install/attribute}, as Datomic does.
 */
final class SchemaChanges {

  /** The schema after the transaction, and the attributes whose AVET membership flipped. */
  record Result(Schema schema, Map<Long, Boolean> avetChanges) {}

  private SchemaChanges() {}

  static Result apply(DbValue db, TxDatoms acc) {
    Set<Long> entities = new LinkedHashSet<>();
    for (Datom d : acc.all()) {
      // schema attributes are bootstrap ones: a user attribute's datom needs no lookup
      if (d.a() < Bootstrap.FIRST_DB_COUNTER && Bootstrap.SCHEMA_ATTRIBUTES.contains(d.a())) {
        entities.add(d.e());
      }
    }
    if (entities.isEmpty()) {
      return new Result(db.schema(), Map.of());
    }
    Map<Long, List<Datom>> after = new HashMap<>();
    for (long e : entities) {
      after.put(e, datomsAfter(db, acc, e));
    }
    Schema next = db.schema().update(entities, after::get);
    Map<Long, Boolean> avet = new HashMap<>();
    for (long e : entities) {
      Attr before = db.schema().attr(e);
      Attr now = next.attr(e);
      check(db, next, e, after.get(e), before, now);
      if (before == null && now != null) {
        acc.add("Installing " + now.ident(), 0, db.schema().attr(Idents.INSTALL_ATTRIBUTE), e);
      }
      if (before != null && now != null && before.inAvet() != now.inAvet()) {
        avet.put(e, now.inAvet());
      }
    }
    return new Result(next, avet);
  }

  private static List<Datom> datomsAfter(DbValue db, TxDatoms acc, long e) {
    List<Datom> out = new ArrayList<>();
    for (Datom d : db.currentDatoms(e)) {
      if (!acc.isRetracted(d.e(), d.a(), d.v())) {
        out.add(d);
      }
    }
    for (Datom d : acc.asserted) {
      if (d.e() == e) {
        out.add(d);
      }
    }
    return out;
  }

  private static void check(
      DbValue db, Schema next, long e, List<Datom> ds, Attr before, Attr now) {
    Set<Long> has = new HashSet<>();
    for (Datom d : ds) {
      has.add(d.a());
      enumValue(db, d, 40, "db.type", "a value type");
      enumValue(db, d, 41, "db.cardinality", "a cardinality");
      enumValue(db, d, 42, "db.unique", "a uniqueness");
    }
    boolean defines = has.contains(40L) || has.contains(41L);
    if (now == null && (defines || before != null)) {
      String name = before != null ? before.ident().toString() : identOf(ds, e);
      throw incorrect(
          "db.error/incomplete-install-attribute",
          "Attribute " + name + " needs :db/ident, :db/valueType and :db/cardinality");
    }
    if (now == null) {
      return;
    }
    if (!has.contains(41L)) {
      throw incorrect(
          "db.error/incomplete-install-attribute",
          "Attribute " + now.ident() + " needs :db/cardinality");
    }
    if (now.component() && !now.isRef()) {
      throw incorrect(
          "db.error/invalid-attribute",
          "Attribute " + now.ident() + " is a component but not a :db.type/ref");
    }
    tuple(next, now);
    if (before != null) {
      alteration(db, before, now);
    }
  }

  /** The ident that {@code ds} give entity {@code e}, else "entity e", for messages. */
  private static String identOf(List<Datom> ds, long e) {
    for (Datom d : ds) {
      if (d.a() == 10) {
        return String.valueOf(d.v());
      }
    }
    return "entity " + e;
  }

  private static void enumValue(DbValue db, Datom d, long attr, String ns, String what) {
    if (d.a() != attr) {
      return;
    }
    Keyword k = db.schema().ident((Long) d.v());
    if (k == null || !ns.equals(k.namespace()) || (attr == 40 && ValueType.of(k) == null)) {
      throw incorrect(
          "db.error/invalid-attribute",
          "Entity " + d.e() + ": " + (k == null ? d.v() : k) + " is not " + what);
    }
  }

  private static void tuple(Schema next, Attr a) {
    int defs =
        (a.isComposite() ? 1 : 0)
            + (a.tupleType() != null ? 1 : 0)
            + (a.tupleTypes().isEmpty() ? 0 : 1);
    if (a.type() != ValueType.TUPLE) {
      if (defs > 0) {
        throw incorrect(
            "db.error/invalid-tuple-attr",
            "Attribute " + a.ident() + " has a tuple definition but is not a :db.type/tuple");
      }
      return;
    }
    if (defs != 1) {
      throw incorrect(
          "db.error/invalid-tuple-attr",
          "Tuple attribute "
              + a.ident()
              + " needs exactly one of :db/tupleAttrs, :db/tupleType, :db/tupleTypes");
    }
    int n = a.isComposite() ? a.tupleAttrs().size() : a.tupleTypes().size();
    if (a.tupleType() == null && (n < 2 || n > 8)) {
      throw incorrect(
          "db.error/invalid-tuple-attr",
          "Tuple attribute " + a.ident() + " must have 2 to 8 elements, has " + n);
    }
    for (long part : a.tupleAttrs()) {
      Attr p = next.attr(part);
      if (p == null || p.many() || notTupleElement(p.type())) {
        throw incorrect(
            "db.error/invalid-tuple-attr",
            "Composite "
                + a.ident()
                + " may only name installed cardinality-one attributes that are not tuples,"
                + " floats or bytes");
      }
    }
    boolean badElement = a.tupleTypes().stream().anyMatch(SchemaChanges::notTupleElement);
    if (badElement || a.tupleType() != null && notTupleElement(a.tupleType())) {
      throw incorrect(
          "db.error/invalid-tuple-attr",
          "Tuple attribute " + a.ident() + " names an invalid element type");
    }
  }

  /** What Datomic refuses as a tuple's element type: tuples, floats, bytes and functions. */
  private static boolean notTupleElement(ValueType t) {
    return t == null
        || t == ValueType.TUPLE
        || t == ValueType.FLOAT
        || t == ValueType.BYTES
        || t == ValueType.FN;
  }

  private static void alteration(DbValue db, Attr before, Attr now) {
    String name = "Attribute " + before.ident();
    if (before.type() != now.type()) {
      throw incorrect(
          "db.error/incompatible-schema-change",
          name
              + " cannot change :db/valueType from "
              + before.type().ident()
              + " to "
              + now.type().ident());
    }
    if (!Objects.equals(before.tupleAttrs(), now.tupleAttrs())
        || before.tupleType() != now.tupleType()
        || !before.tupleTypes().equals(now.tupleTypes())) {
      throw incorrect(
          "db.error/incompatible-schema-change", name + " cannot change its tuple definition");
    }
    if (before.fulltext() != now.fulltext()) {
      throw incorrect("db.error/incompatible-schema-change", name + " cannot change :db/fulltext");
    }
    if (before.many() && !now.many()) {
      Set<Long> seen = new HashSet<>();
      for (Iterator<Datom> it = values(db, before); it.hasNext(); ) {
        if (!seen.add(it.next().e())) {
          throw incorrect(
              "db.error/incompatible-schema-change",
              name + " cannot become cardinality one: some entity has several values");
        }
      }
    }
    if (before.unique() == Unique.NONE && now.unique() != Unique.NONE) {
      Set<Fact> seen = new HashSet<>();
      for (Iterator<Datom> it = values(db, before); it.hasNext(); ) {
        Datom d = it.next();
        if (!seen.add(new Fact(0, 0, d.v()))) {
          throw incorrect(
              "db.error/incompatible-schema-change",
              name
                  + " cannot become unique: value "
                  + TxExpander.describe(d.v())
                  + " is held by several entities");
        }
      }
    }
  }

  private static Iterator<Datom> values(DbValue db, Attr a) {
    return db.datoms(IndexOrder.AEVT, new Object[] {a.id()});
  }

  private static Anomaly incorrect(String code, String message) {
    return Anomaly.incorrect(code, message);
  }
}
