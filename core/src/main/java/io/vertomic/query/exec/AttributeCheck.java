package io.vertomic.query.exec;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause;
import io.vertomic.query.parse.Term;
import io.vertomic.query.parse.Vars;
import java.util.List;

/**
 * Fails a query before it runs when a data pattern names an attribute ident that its database does
 * not know, as Datomic does ({@code :db.error/not-an-entity}) whether or not the clause would ever
 * be reached. Checks the query's own clauses (rule bodies run against whichever source calls them).
 */
final class AttributeCheck {
  private AttributeCheck() {}

  static void check(List<Clause> clauses, Env env) {
    check(clauses, env.defaultSrc, env);
  }

  private static void check(List<Clause> clauses, Symbol src, Env env) {
    for (Clause c : clauses) {
      if (c instanceof Clause.DataPattern p
          && p.terms().get(1) instanceof Term.Constant k
          && Resolver.keyword(k.value()) != null) {
        Symbol s = p.src() == null ? src : p.src().symbol();
        if (env.sources.get(s) instanceof DbValue db) {
          Keyword ident = Resolver.keyword(k.value());
          if (db.schema().entid(ident) == null) {
            throw Anomaly.incorrect(
                "db.error/not-an-entity", "Unable to resolve entity: " + ident + " in " + p.text());
          }
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
      check(Vars.children(c), inner, env);
    }
  }
}
