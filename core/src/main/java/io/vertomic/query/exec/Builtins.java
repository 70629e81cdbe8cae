package io.vertomic.query.exec;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.Symbol;
import io.vertomic.query.fn.QueryFunction;
import io.vertomic.query.parse.QueryErrors;
import io.vertomic.schema.Attr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
   * A simple fulltext match: a value matches when it contains any word of the query as a whole
   * word, case-insensitively (Datomic's Lucene default also ORs terms). Returns [e v tx score]
   * tuples, score 1.0.
   */
  private static Object fulltext(Object... a) {
    DbValue db = db(a, "fulltext", 3);
    Attr attr = Resolver.attr(db, a[1]);
    Set<String> terms = words(String.valueOf(a[2]));
    List<Object> out = new ArrayList<>();
    for (Iterator<Datom> it = db.datoms(IndexOrder.AEVT, new Object[] {attr.id()});
        it.hasNext(); ) {
      Datom d = it.next();
      if (d.v() instanceof String s && !java.util.Collections.disjoint(words(s), terms)) {
        out.add(List.of(d.e(), d.v(), d.tx(), 1.0));
      }
    }
    return out;
  }

  private static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
