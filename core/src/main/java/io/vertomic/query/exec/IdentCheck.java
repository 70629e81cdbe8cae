package io.vertomic.query.exec;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause;
import io.vertomic.query.parse.Term;
import io.vertomic.query.parse.Vars;
import io.vertomic.schema.Attr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fails a query before it runs when its data patterns name what their database cannot resolve, as
 * Datomic does whether or not the clause would ever be reached: an attribute ident that is not
 * there ({@code incorrect}, {@code :db.error/not-an-entity}), and an ident or lookup ref, written
 * or among the values of an input, in an entity position or as the value of a written reference
 * attribute ({@code not-found}, "Cannot resolve key"). Checks the query's own clauses; rule bodies
 * run against whichever source calls them.
 */
final class IdentCheck {
  private IdentCheck() {}

  static void check(List<Clause> clauses, List<Relation> inputs, Env env) {
    Map<Symbol, List<Object>> given = new HashMap<>();
    for (Relation r : inputs) {
      for (int i = 0; i < r.vars.size(); i++) {
        List<Object> values = given.computeIfAbsent(r.vars.get(i), k -> new ArrayList<>());
        for (Object[] row : r.rows) {
          values.add(row[i]);
        }
      }
    }
    check(clauses, env.defaultSrc, given, env);
  }

  private static void check(
      List<Clause> clauses, Symbol src, Map<Symbol, List<Object>> given, Env env) {
    for (Clause c : clauses) {
      if (c instanceof Clause.DataPattern p) {
        Symbol s = p.src() == null ? src : p.src().symbol();
        if (env.sources.get(s) instanceof DbValue db) {
          pattern(p, db, given);
        }
      }
      Symbol inner = src;
      if (c instanceof Clause.Not n && n.src() != null) {
        inner = n.src().symbol();
      } else if (c instanceof Clause.NotJoin n && n.src() != null) {
        inner = n.src().symbol();
      } else if (c instanceof Clause.Or o && o.src() != null) {
        inner = o.src().symbol();
      } else if (c instanceof Clause.OrJoin o && o.src() != null) {
        inner = o.src().symbol();
      }
      check(Vars.children(c), inner, given, env);
    }
  }

  private static void pattern(Clause.DataPattern p, DbValue db, Map<Symbol, List<Object>> given) {
    Attr attr = null;
    if (p.terms().get(1) instanceof Term.Constant k && Resolver.keyword(k.value()) != null) {
      Keyword ident = Resolver.keyword(k.value());
      attr = db.schema().attr(ident);
      if (attr == null && db.schema().entid(ident) == null) {
        throw Anomaly.incorrect(
            "db.error/not-an-entity", "Unable to resolve entity: " + ident + " in " + p.text());
      }
    } else if (p.terms().get(1) instanceof Term.Var v) {
      // an attribute given as a single input value is as good as written
      List<Object> attrs = given.get(v.symbol());
      if (attrs != null && attrs.size() == 1 && Resolver.keyword(attrs.get(0)) != null) {
        attr = db.schema().attr(Resolver.keyword(attrs.get(0)));
      }
    }
    for (Object x : values(p.terms().get(0), given)) {
      resolvable(x, db, p);
    }
    if (attr != null && attr.isRef()) {
      for (Object x : values(p.terms().get(2), given)) {
        resolvable(x, db, p);
      }
    }
  }

  private static List<Object> values(Term t, Map<Symbol, List<Object>> given) {
    if (t instanceof Term.Constant c) {
      return Collections.singletonList(c.value());
    }
    List<Object> found = t instanceof Term.Var v ? given.get(v.symbol()) : null;
    return found == null ? List.of() : found;
  }

  private static void resolvable(Object x, DbValue db, Clause.DataPattern p) {
    if ((Resolver.keyword(x) != null || x instanceof List<?> l && l.size() == 2)
        && Resolver.entid(db, x) == null) {
      throw Anomaly.notFound(
          "db.error/not-an-entity",
          "Cannot resolve key: " + io.vertomic.query.parse.QueryErrors.text(x) + " in " + p.text());
    }
  }
}
