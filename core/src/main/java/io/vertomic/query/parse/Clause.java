package io.vertomic.query.parse;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Term.SrcVar;
import io.vertomic.query.parse.Term.Var;
import java.util.List;

/**
 * One {@code :where} clause. Every clause keeps {@code text}, its EDN as written, so plans and
 * error messages can name it; evaluation never reads it.
 */
public sealed interface Clause
    permits Clause.DataPattern,
        Clause.Predicate,
        Clause.FnExpr,
        Clause.RuleCall,
        Clause.Not,
        Clause.NotJoin,
        Clause.Or,
        Clause.OrJoin,
        Clause.And {

  /** The clause as written. */
  String text();

  /**
   * {@code [$src? e a v tx added]}: against a database, five terms (missing trailing ones are
   * blanks, any after the fifth ignored); against a collection source, the {@code written} terms,
   * matched position by position to each tuple.
   */
  record DataPattern(SrcVar src, List<Term> terms, String text, List<Term> written)
      implements Clause {}

  /** {@code [(pred arg...)]}. */
  record Predicate(Symbol fn, List<Term> args, String text) implements Clause {}

  /** {@code [(fn arg...) binding]}. */
  record FnExpr(Symbol fn, List<Term> args, Binding binding, String text) implements Clause {}

  /** {@code ($src? rule-name arg...)}; {@code src} null means the caller's default source. */
  record RuleCall(SrcVar src, Symbol name, List<Term> args, String text) implements Clause {}

  /** {@code ($src? not clause...)}: joins on the variables it shares with the enclosing scope. */
  record Not(SrcVar src, List<Clause> clauses, String text) implements Clause {}

  /** {@code ($src? not-join [?v...] clause...)}. */
  record NotJoin(SrcVar src, List<Var> vars, List<Clause> clauses, String text) implements Clause {}

  /** {@code ($src? or branch...)}: every branch uses the same variables. */
  record Or(SrcVar src, List<Clause> branches, String text) implements Clause {}

  /** {@code ($src? or-join [[?req...] ?v...] branch...)}. */
  record OrJoin(SrcVar src, List<Var> required, List<Var> vars, List<Clause> branches, String text)
      implements Clause {}

  /** {@code (and clause...)}, a branch of an {@code or}. */
  record And(List<Clause> clauses, String text) implements Clause {}
}
