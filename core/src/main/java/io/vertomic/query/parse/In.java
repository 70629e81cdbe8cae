package io.vertomic.query.parse;

/** One {@code :in} element: a database source, the rules {@code %}, or a binding form. */
public sealed interface In permits In.InSrc, In.InRules, In.InBinding {

  /** A database such as {@code $} or {@code $a}. */
  record InSrc(Term.SrcVar src) implements In {}

  /** The rules {@code %}. */
  record InRules() implements In {}

  /** A scalar, tuple, collection or relation. */
  record InBinding(Binding binding) implements In {}
}
