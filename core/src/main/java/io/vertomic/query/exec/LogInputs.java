package io.vertomic.query.exec;

import io.vertomic.db.QueryLog;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Binding;
import io.vertomic.query.parse.Clause;
import io.vertomic.query.parse.In;
import io.vertomic.query.parse.Query;
import io.vertomic.query.parse.QueryErrors;
import io.vertomic.query.parse.Term;
import io.vertomic.query.parse.Vars;
import java.util.List;

/**
 * Datomic's log functions in queries: {@code [(tx-ids ?log ?t1 ?t2) [?tx ...]]} (the tx ids of the
 * transactions with {@code t1 <= t < t2}; a null bound is open) and {@code [(tx-data ?log ?tx) [[?e
 * ?a ?v ?tx ?op]]]} (the datoms of one transaction, a t or a tx id), {@code ?log} being the value
 * of {@code Connection.log()}. Before a run, every {@code :in} input such a call takes as its log
 * must be one: else the query is {@code incorrect}, naming the input.
 */
final class LogInputs {
  private LogInputs() {}

  static Object txIds(Object... a) {
    QueryLog log = log(a, "tx-ids", 3);
    return log.txIds(a[1], a[2]);
  }

  static Object txData(Object... a) {
    QueryLog log = log(a, "tx-data", 2);
    return log.txData(a[1]).stream()
        .map(d -> (Object) List.of(d.e(), d.a(), d.v(), d.tx(), d.added()))
        .toList();
  }

  private static QueryLog log(Object[] a, String fn, int n) {
    if (a.length != n) {
      throw QueryErrors.incorrect(
          "invalid-call", fn + " takes a log and " + (n - 1) + " more argument(s)");
    }
    if (!(a[0] instanceof QueryLog log)) {
      throw notALog(fn, "Its first argument", a[0]);
    }
    return log;
  }

  /** Fails when an {@code :in} scalar that a log function reads as its log is not a log. */
  static void check(Query q, Object[] inputs) {
    if (inputs == null || inputs.length != q.in().size()) {
      return; // Inputs reports the count
    }
    check(q.where(), q, inputs);
  }

  private static void check(List<Clause> clauses, Query q, Object[] inputs) {
    for (Clause c : clauses) {
      if (c instanceof Clause.FnExpr f
          && isLogFunction(f.fn())
          && !f.args().isEmpty()
          && f.args().get(0) instanceof Term.Var v) {
        for (int i = 0; i < inputs.length; i++) {
          if (q.in().get(i) instanceof In.InBinding b
              && b.binding() instanceof Binding.BindScalar s
              && s.term() instanceof Term.Var iv
              && iv.symbol().equals(v.symbol())
              && !(inputs[i] instanceof QueryLog)) {
            throw notALog(f.fn().name(), "Input " + v.symbol(), inputs[i]);
          }
        }
      }
      check(Vars.children(c), q, inputs);
    }
  }

  private static boolean isLogFunction(Symbol fn) {
    return fn.namespace() == null && (fn.name().equals("tx-ids") || fn.name().equals("tx-data"));
  }

  private static RuntimeException notALog(String fn, String what, Object value) {
    return QueryErrors.incorrect(
        "invalid-input",
        what
            + " of "
            + fn
            + " must be a log (Connection.log()), got "
            + (value == null ? "nil" : value.getClass().getSimpleName() + " " + value));
  }
}
