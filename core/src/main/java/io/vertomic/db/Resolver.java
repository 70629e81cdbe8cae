package io.vertomic.db;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.datom.IndexOrder;
import io.vertomic.datom.Values;
import io.vertomic.edn.Keyword;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Idents;
import io.vertomic.schema.Unique;
import io.vertomic.schema.ValueType;
import java.util.Date;
import java.util.Iterator;
import java.util.List;

/**
 * Turns what users pass to the read API (idents, {@code ":ns/name"} strings, lookup refs, dates)
 * into the ids, attributes and stored values {@link DbValue} works with. Failures are {@code
 * incorrect} anomalies that name the bad argument.
 */
public final class Resolver {
  private Resolver() {}

  /** A keyword for a Keyword or a {@code ":ns/name"} string; null for anything else. */
  public static Keyword keyword(Object x) {
    if (x instanceof Keyword k) {
      return k;
    }
    if (x instanceof String s && s.length() > 1 && s.charAt(0) == ':') {
      return Keyword.of(s);
    }
    return null;
  }

  /**
   * The entity id {@code x} names: an id, an ident, or a lookup ref {@code [attr value]} (resolved
   * in the view {@code db} is: as of, since, or in history any entity that ever had the value);
   * null when the ident or lookup ref resolves to nothing.
   */
  public static Long entid(DbValue db, Object x) {
    if (x instanceof Long l) {
      return l;
    }
    if (x instanceof Number n && !(x instanceof Double) && !(x instanceof Float)) {
      return n.longValue();
    }
    Keyword k = keyword(x);
    if (k != null) {
      return db.schema().entid(k);
    }
    if (x instanceof List<?> ref && ref.size() == 2) {
      Attr a = uniqueAttr(db, ref.get(0), ref);
      Object v = value(db, a, ref.get(1));
      if (v == null) {
        return null;
      }
      if (db.isCurrent()) {
        return db.entityWith(a.id(), v);
      }
      // a time view resolves through what it sees: as of t, since t, or (history) ever
      Iterator<Datom> it = db.datoms(IndexOrder.AVET, new Object[] {a.id(), v});
      return it.hasNext() ? it.next().e() : null;
    }
    throw Anomaly.incorrect(
        "db.error/not-an-entity",
        "Cannot interpret " + describe(x) + " as an entity id, ident or lookup ref");
  }

  /** The entity id {@code x} names, failing with {@code not-found}/{@code incorrect} if none. */
  public static long requireEntid(DbValue db, Object x) {
    Long e = entid(db, x);
    if (e == null) {
      if (x instanceof List<?>) {
        throw Anomaly.notFound(
            "db.error/not-an-entity", "Unable to resolve entity: " + describe(x));
      }
      throw Anomaly.incorrect("db.error/not-an-entity", "Unable to resolve entity: " + describe(x));
    }
    return e;
  }

  private static Attr uniqueAttr(DbValue db, Object a, Object ref) {
    Attr attr = attr(db, a);
    if (attr.unique() == Unique.NONE) {
      throw Anomaly.incorrect(
          "db.error/lookup-ref-attr-not-unique",
          "Attribute " + attr.ident() + " of lookup ref " + describe(ref) + " is not unique");
    }
    return attr;
  }

  /** The attribute {@code x} names (id, keyword or string), failing with {@code incorrect}. */
  public static Attr attr(DbValue db, Object x) {
    Attr a = null;
    Keyword k = keyword(x);
    if (k != null) {
      a = db.schema().attr(k);
    } else if (x instanceof Number n) {
      a = db.schema().attr(n.longValue());
    }
    if (a == null) {
      throw Anomaly.incorrect("db.error/not-an-attribute", describe(x) + " is not an attribute");
    }
    return a;
  }

  /**
   * The stored form of {@code v} for attribute {@code a}: references resolve idents and lookup refs
   * (null when they name nothing); other types are checked and coerced.
   */
  public static Object value(DbValue db, Attr a, Object v) {
    if (a.type() == ValueType.REF) {
      return entid(db, v);
    }
    Object c = a.type().coerce(v);
    if (c == null) {
      throw Anomaly.incorrect(
          "db.error/wrong-type-for-attribute",
          "Value "
              + describe(v)
              + " is not a valid "
              + a.type().ident()
              + " for attribute "
              + a.ident());
    }
    return c;
  }

  /**
   * The components of a {@code datoms}/{@code seekDatoms} call on {@code order}, resolved: e
   * positions to ids, a to attribute ids, v to stored values. An entity that names nothing resolves
   * to -1, which matches no datom, and so does a value of the wrong type for its attribute. Fails
   * with {@code incorrect} for AVET on an attribute not in AVET.
   */
  public static Object[] components(DbValue db, IndexOrder order, Object[] comps) {
    if (comps.length > 4) {
      throw Anomaly.incorrect(
          "db.error/invalid-components", "At most 4 components, got " + comps.length);
    }
    Object[] out = new Object[comps.length];
    Attr attr = null;
    int aPos = order == IndexOrder.EAVT || order == IndexOrder.VAET ? 1 : 0;
    boolean unknownAttr = false;
    if (comps.length > aPos && comps[aPos] != null) {
      Keyword k = keyword(comps[aPos]);
      if (k != null && db.schema().attr(k) == null) {
        // as in Datomic, an attribute that is not there matches nothing, and refuses a value after
        // it
        if (valueAfter(order, comps, aPos)) {
          throw Anomaly.incorrect("db.error/not-an-entity", "Unable to resolve entity: " + k);
        }
        unknownAttr = true;
      } else {
        attr = attr(db, comps[aPos]);
      }
      if (attr != null && order == IndexOrder.AVET && !attr.inAvet()) {
        throw Anomaly.incorrect(
            "db.error/attribute-not-indexed", "attribute: " + attr.ident() + " is not indexed");
      }
    }
    for (int i = 0; i < comps.length; i++) {
      Object c = comps[i];
      if (c == null) {
        if (i < Math.min(comps.length, 3) && hasLaterNonNull(comps, i)) {
          throw Anomaly.incorrect(
              "db.error/invalid-components", "Component " + i + " is nil before a bound one");
        }
        continue;
      }
      String role = role(order, i);
      out[i] =
          switch (role) {
            case "a" -> unknownAttr ? -1L : attr.id();
            case "v" -> attr != null ? valueOrMissing(db, attr, c) : orMissing(entidOrValue(db, c));
            case "tx" -> txOf(db, c);
            default -> orMissing(entid(db, c));
          };
    }
    return out;
  }

  /** Whether a value component comes after position {@code i} (where the attribute is). */
  private static boolean valueAfter(IndexOrder order, Object[] comps, int i) {
    for (int j = i + 1; j < Math.min(comps.length, 3); j++) {
      if (comps[j] != null && "v".equals(role(order, j))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLaterNonNull(Object[] comps, int i) {
    for (int j = i + 1; j < comps.length; j++) {
      if (comps[j] != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * A VAET value without its attribute: idents, lookup refs and ":ns/name" strings are entities.
   */
  private static Object entidOrValue(DbValue db, Object c) {
    return keyword(c) != null || c instanceof List<?> ? entid(db, c) : c;
  }

  /** A component value of the wrong type matches nothing, as in Datomic. */
  private static Object valueOrMissing(DbValue db, Attr attr, Object c) {
    if (attr.type() != ValueType.REF && attr.type().coerce(c) == null) {
      // a value of a type this attribute never holds
      return attr.type() == ValueType.STRING ? (Object) (-1L) : "";
    }
    return orMissing(value(db, attr, c));
  }

  private static Object orMissing(Object v) {
    return v == null ? -1L : v;
  }

  private static String role(IndexOrder order, int i) {
    String roles =
        switch (order) {
          case EAVT -> "e a v tx";
          case AEVT -> "a e v tx";
          case AVET -> "a v e tx";
          case VAET -> "v a e tx";
        };
    return roles.split(" ")[i];
  }

  private static long txOf(DbValue db, Object c) {
    long n = ((Number) c).longValue();
    return EntityId.isTx(n) ? n : EntityId.tToTx(n);
  }

  /**
   * The {@code t} that {@code x} names: a t, a tx id, or a {@code Date} (the last transaction at or
   * before it; 0 when there is none).
   */
  public static long t(DbValue db, Object x) {
    if (x instanceof Date date) {
      Attr txInstant = db.schema().attr(Idents.TX_INSTANT);
      Object[] c = {txInstant.id()};
      Iterator<Datom> it =
          db.indexes()
              .current(IndexOrder.AVET)
              .rslice(
                  Bounds.to(IndexOrder.AVET, new Object[] {txInstant.id(), date}),
                  Bounds.from(IndexOrder.AVET, c));
      return it.hasNext() ? EntityId.txToT(it.next().e()) : 0;
    }
    if (x instanceof Number n && !(x instanceof Double) && !(x instanceof Float)) {
      return EntityId.txToT(n.longValue());
    }
    throw Anomaly.incorrect(
        "db.error/invalid-t", "Expected a t, tx id or date, got " + describe(x));
  }

  /**
   * The {@code t} of the first transaction whose {@code :db/txInstant} is at or after {@code date},
   * or {@code Long.MAX_VALUE} when there is none: a bound by instant (log ranges, excision).
   */
  public static long firstTAtOrAfter(DbValue db, Date date) {
    long txInstant = db.schema().attr(Idents.TX_INSTANT).id();
    Iterator<Datom> it = db.seek(IndexOrder.AVET, new Object[] {txInstant, date});
    if (it.hasNext()) {
      Datom d = it.next();
      if (d.a() == txInstant) {
        return EntityId.txToT(d.e());
      }
    }
    return Long.MAX_VALUE;
  }

  /** A short form of a user argument for messages. */
  public static String describe(Object x) {
    return x instanceof List<?> l ? l.toString() : Values.toDebugString(x);
  }
}
