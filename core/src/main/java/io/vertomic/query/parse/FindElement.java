package io.vertomic.query.parse;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Term.SrcVar;
import io.vertomic.query.parse.Term.Var;
import java.util.List;

/** One element of a find spec: a variable, an aggregate call or a pull expression. */
public sealed interface FindElement
    permits FindElement.FindVar, FindElement.FindAggregate, FindElement.FindPull {

  /** A variable, e.g. {@code ?name}. */
  record FindVar(Var var) implements FindElement {}

  /**
   * An aggregate call such as {@code (count ?e)} or {@code (min 3 ?x)}: leading constants, then
   * exactly one variable whose values form the bag.
   */
  record FindAggregate(Symbol fn, List<Object> constants, Var var, String text)
      implements FindElement {}

  /**
   * {@code (pull $src ?e pattern)}: {@code pattern} is a constant selector (a List) or a variable
   * bound by {@code :in}.
   */
  record FindPull(SrcVar src, Var entity, Object pattern) implements FindElement {}
}
