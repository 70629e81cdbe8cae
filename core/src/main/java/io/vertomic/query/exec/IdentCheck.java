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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Fails a query before it runs when its data patterns name what their database cannot resolve, as
 * Datomic does whether or not the clause would ever be reached: an attribute ident that is not
 * there ({@code incorrect}, {@code :db.error/not-an-entity}), and an ident or lookup ref, written
 * or among the values of an input, in an entity position or as the value of a written reference
 * attribute ({@code not-found}, "Cannot resolve key"). Checks the query's own clauses; rule bodies
 * run against whichever source calls them.
 *
 * <p>One exception, Datomic's: a value that came through a collection or relation binding is only
 * resolved when its clause is reached with rows, and Datomic stops a query once a relation is
 * empty. So a top-level pattern whose variables join it to earlier written patterns that match
 * nothing together does not fail for such a value: the query answers empty, as Datomic's does.
 * Datomic runs a predicate as soon as its variables are bound, wherever it is written, so the
 * predicates over those earlier patterns' variables count too.
 */
final class IdentCheck {
  private IdentCheck() {}

  static void check(List<Clause> where, Inputs in, Set<Symbol> inVars, Env env) {
    Map<Symbol, List<Object>> given = new HashMap<>();
    for (Relation r : in.relations) {
      for (int i = 0; i < r.vars.size(); i++) {
        List<Object> values = given.computeIfAbsent(r.vars.get(i), k -> new ArrayList<>());
        for (Object[] row : r.rows) {
          values.add(row[i]);
        }
      }
    }
    for (int i = 0; i < where.size(); i++) {
      List<Clause> before = where.subList(0, i);
      check(
          where.get(i),
          env.defaultSrc,
          given,
          env,
          in.collectionVars,
          p -> joinedToNothing(p, before, where, in, inVars, env));
    }
  }

  private static void check(
      Clause c,
      Symbol src,
      Map<Symbol, List<Object>> given,
      Env env,
      Set<Symbol> deferrable,
      Predicate<Clause.DataPattern> unreached) {
    if (c instanceof Clause.DataPattern p) {
      Symbol s = p.src() == null ? src : p.src().symbol();
      if (env.sources.get(s) instanceof DbValue db) {
        pattern(p, db, given, env.scalarVars, deferrable, unreached);
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
    for (Clause child : Vars.children(c)) {
      check(child, inner, given, env, Set.of(), p -> false);
    }
  }

  /**
   * Whether the written patterns before {@code p} that share its variables (other than {@code
   * collectionVars}, directly or through each other) match nothing together with the inputs and the
   * predicates of {@code where} over their variables and the scalar inputs.
   */
  private static boolean joinedToNothing(
      Clause.DataPattern p,
      List<Clause> before,
      List<Clause> where,
      Inputs in,
      Set<Symbol> inVars,
      Env env) {
    Set<Symbol> joined = new HashSet<>(Vars.all(p));
    joined.removeAll(in.collectionVars);
    List<Clause> linked = new ArrayList<>();
    List<Clause> rest = new ArrayList<>();
    for (Clause c : before) {
      if (c instanceof Clause.DataPattern) {
        rest.add(c);
      }
    }
    for (boolean grew = true; grew; ) {
      grew = false;
      for (Iterator<Clause> it = rest.iterator(); it.hasNext(); ) {
        Clause c = it.next();
        if (!Collections.disjoint(Vars.all(c), joined)) {
          linked.add(c);
          joined.addAll(Vars.all(c));
          it.remove();
          grew = true;
        }
      }
    }
    if (linked.isEmpty()) {
      return false;
    }
    Set<Symbol> bound = new HashSet<>(in.scalarVars);
    linked.forEach(c -> bound.addAll(Vars.all(c)));
    for (Clause c : where) {
      if (c instanceof Clause.Predicate f && bound.containsAll(Vars.of(f.args()))) {
        linked.add(c);
      }
    }
    Bindings b = new Bindings(env.limits);
    in.relations.forEach(b::add);
    Solver.run(linked, b, inVars, env);
    return b.isEmpty();
  }

  private static void pattern(
      Clause.DataPattern p,
      DbValue db,
      Map<Symbol, List<Object>> given,
      Set<Symbol> scalarVars,
      Set<Symbol> deferrable,
      Predicate<Clause.DataPattern> unreached) {
    Attr attr = null;
    if (p.terms().get(1) instanceof Term.Constant k && Resolver.keyword(k.value()) != null) {
      Keyword ident = Resolver.keyword(k.value());
      attr = db.schema().attr(ident);
      if (attr == null && db.schema().entid(ident) == null) {
        throw Anomaly.incorrect(
            "db.error/not-an-entity", "Unable to resolve entity: " + ident + " in " + p.text());
      }
    } else if (p.terms().get(1) instanceof Term.Var v && scalarVars.contains(v.symbol())) {
      // an attribute given as a scalar input is as good as written
      List<Object> attrs = given.get(v.symbol());
      if (attrs != null && attrs.size() == 1 && Resolver.keyword(attrs.get(0)) != null) {
        attr = db.schema().attr(Resolver.keyword(attrs.get(0)));
      }
    }
    List<Term> checked =
        attr != null && attr.isRef()
            ? List.of(p.terms().get(0), p.terms().get(2))
            : List.of(p.terms().get(0));
    Object deferred = NONE;
    for (Term t : checked) {
      Object bad = unresolvable(t, db, given);
      if (bad == NONE) {
        continue;
      }
      if (!(t instanceof Term.Var v && deferrable.contains(v.symbol()))) {
        throw cannotResolve(bad, p);
      }
      deferred = bad;
    }
    if (deferred != NONE && !unreached.test(p)) {
      throw cannotResolve(deferred, p);
    }
  }

  private static Anomaly cannotResolve(Object x, Clause.DataPattern p) {
    return Anomaly.notFound(
        "db.error/not-an-entity",
        "Cannot resolve key: " + io.vertomic.query.parse.QueryErrors.text(x) + " in " + p.text());
  }

  private static final Object NONE = new Object();

  /** The first value {@code t} stands for that names no entity of {@code db}, else NONE. */
  private static Object unresolvable(Term t, DbValue db, Map<Symbol, List<Object>> given) {
    for (Object x : values(t, given)) {
      if ((Resolver.keyword(x) != null || x instanceof List<?> l && l.size() == 2)
          && Resolver.entid(db, x) == null) {
        return x;
      }
    }
    return NONE;
  }

  private static List<Object> values(Term t, Map<Symbol, List<Object>> given) {
    if (t instanceof Term.Constant c) {
      return Collections.singletonList(c.value());
    }
    List<Object> found = t instanceof Term.Var v ? given.get(v.symbol()) : null;
    return found == null ? List.of() : found;
  }
}
