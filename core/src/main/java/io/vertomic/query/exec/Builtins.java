package io.vertomic.query.exec;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.Symbol;
import io.vertomic.fulltext.FulltextHit;
import io.vertomic.query.fn.QueryFunction;
import io.vertomic.query.parse.QueryErrors;
import io.vertomic.schema.Attr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The engine's own database-aware forms: {@code missing?}, {@code get-else}, {@code get-some},
 * {@code ground}, {@code tuple}, {@code untuple}, {@code fulltext}, and the log's {@code tx-ids}
 * and {@code tx-data} ({@link LogInputs}). They are not in the function registry because they read
 * the database given as their first argument.
 */
final class Builtins {
  private Builtins() {}

  /** The built-in named {@code name}, or null. */
  static QueryFunction of(Symbol name) {
    if (name.namespace() != null) {
      return null;
    }
    switch (name.name()) {
      case "missing?":
        return Builtins::missing;
      case "get-else":
        return Builtins::getElse;
      case "get-some":
        return Builtins::getSome;
      case "ground":
      case "untuple":
        return a -> a[0];
      case "tuple":
        return a -> new ArrayList<>(Arrays.asList(a));
      case "fulltext":
        return Builtins::fulltext;
      case "tx-ids":
        return LogInputs::txIds;
      case "tx-data":
        return LogInputs::txData;
      default:
        return null;
    }
  }

  private static DbValue db(Object[] a, String fn, int n) {
    if (a.length < n || !(a[0] instanceof DbValue db)) {
      throw QueryErrors.incorrect(
          "invalid-call", fn + " takes a database source and " + (n - 1) + " more arguments");
    }
    return db;
  }

  private static Iterator<Datom> datoms(Object[] a, String fn) {
    DbValue db = db(a, fn, 3);
    Long e = Resolver.entid(db, a[1]);
    Attr attr = Resolver.attr(db, a[2]);
    return e == null
        ? java.util.Collections.emptyIterator()
        : db.datoms(IndexOrder.EAVT, new Object[] {e, attr.id()});
  }

  private static Object missing(Object... a) {
    DbValue db = db(a, "missing?", 3);
    // Datomic answers true for an attribute the database does not have
    boolean known =
        a[2] instanceof Number n
            ? db.schema().attr(n.longValue()) != null
            : Resolver.keyword(a[2]) != null && db.schema().attr(Resolver.keyword(a[2])) != null;
    return !known || !datoms(a, "missing?").hasNext();
  }

  private static Object getElse(Object... a) {
    DbValue db = db(a, "get-else", 4);
    if (a[3] == null) {
      throw QueryErrors.incorrect("invalid-call", "get-else does not support a nil default value");
    }
    if (Resolver.attr(db, a[2]).many()) {
      throw QueryErrors.incorrect(
          "invalid-call", "get-else does not support cardinality-many attribute " + a[2]);
    }
    Iterator<Datom> it = datoms(a, "get-else");
    return it.hasNext() ? it.next().v() : a[3];
  }

  private static Object getSome(Object... a) {
    DbValue db = db(a, "get-some", 3);
    for (int i = 2; i < a.length; i++) {
      Iterator<Datom> it = datoms(new Object[] {db, a[1], a[i]}, "get-some");
      if (it.hasNext()) {
        Datom d = it.next();
        return List.of(d.a(), d.v());
      }
    }
    return null;
  }

  /**
   * {@code [(fulltext $ :attr ?search) [[?e ?v ?t ?score]]]}: the values of a {@code :db/fulltext}
   * attribute the Lucene search finds (none for another attribute), as Datomic gives them: the
   * third element is the {@code t} of the datom's transaction, the score relative to the best.
   */
  private static Object fulltext(Object... a) {
    DbValue db = db(a, "fulltext", 3);
    Attr attr = Resolver.attr(db, a[1]);
    if (!(a[2] instanceof String search)) {
      throw QueryErrors.incorrect(
          "invalid-call",
          "fulltext takes a search string as its third argument, not " + QueryErrors.text(a[2]));
    }
    List<Object> out = new ArrayList<>();
    for (FulltextHit h : db.fulltext(attr.id(), search, "fulltext of " + attr.ident())) {
      Datom d = h.datom();
      out.add(List.of(d.e(), d.v(), d.t(), h.score()));
    }
    return out;
  }
}
