package io.vertomic.query.parse;

import java.util.List;

/**
 * A binding form, used by {@code :in} and by function expressions: {@code ?x} or {@code _}
 * (scalar), {@code [?x ?y]} (tuple), {@code [?x ...]} (collection), {@code [[?x ?y]]} (relation = a
 * collection of tuples).
 */
public sealed interface Binding permits Binding.BindScalar, Binding.BindTuple, Binding.BindColl {

  /** A variable or {@link Term.Blank}. */
  record BindScalar(Term term) implements Binding {}

  /** A tuple of bindings. */
  record BindTuple(List<Binding> elements) implements Binding {}

  /** Each element of a collection bound by {@code element}. */
  record BindColl(Binding element) implements Binding {}
}
