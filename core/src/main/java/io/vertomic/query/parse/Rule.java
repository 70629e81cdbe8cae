package io.vertomic.query.parse;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Term.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * One branch of a rule: {@code [(name [?required...] ?free...) clause...]}. A rule may have several
 * branches (same name and arity); its relation is their union.
 */
public record Rule(
    Symbol name, List<Var> required, List<Var> free, List<Clause> body, String text) {

  /** The head variables in call order: required first, then free. */
  public List<Var> params() {
    List<Var> out = new ArrayList<>(required);
    out.addAll(free);
    return out;
  }

  /** The number of arguments a call must pass. */
  public int arity() {
    return required.size() + free.size();
  }
}
