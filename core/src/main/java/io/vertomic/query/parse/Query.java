package io.vertomic.query.parse;

import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Term.Var;
import java.util.List;

/**
 * A parsed, not yet validated query. {@code in} defaults to {@code [$]}; {@code returnKeys} is null
 * unless {@code :keys}, {@code :syms} or {@code :strs} was given.
 */
public record Query(
    FindSpec find, List<Var> with, List<In> in, List<Clause> where, ReturnKeys returnKeys) {

  /** {@code :keys}/{@code :syms}/{@code :strs}: rows become maps with these keys. */
  public record ReturnKeys(Kind kind, List<Symbol> names) {
    /** Which Java type the map keys have. */
    public enum Kind {
      KEYS,
      SYMS,
      STRS
    }
  }
}
