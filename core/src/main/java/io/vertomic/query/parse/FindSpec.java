package io.vertomic.query.parse;

import java.util.List;

/**
 * The shape of a query's answer: a relation ({@code :find ?a ?b}), a collection ({@code :find [?x
 * ...]}), a single tuple ({@code :find [?x ?y]}) or a scalar ({@code :find ?x .}).
 */
public sealed interface FindSpec
    permits FindSpec.FindRel, FindSpec.FindColl, FindSpec.FindTuple, FindSpec.FindScalar {

  /** The find elements in order. */
  List<FindElement> elements();

  /** A set of tuples. */
  record FindRel(List<FindElement> elements) implements FindSpec {}

  /** The distinct values of one element. */
  record FindColl(FindElement element) implements FindSpec {
    @Override
    public List<FindElement> elements() {
      return List.of(element);
    }
  }

  /** One tuple, or null when nothing matches. */
  record FindTuple(List<FindElement> elements) implements FindSpec {}

  /** One value, or null when nothing matches. */
  record FindScalar(FindElement element) implements FindSpec {
    @Override
    public List<FindElement> elements() {
      return List.of(element);
    }
  }
}
