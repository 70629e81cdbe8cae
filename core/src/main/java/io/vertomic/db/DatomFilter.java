package io.vertomic.db;

import io.vertomic.datom.Datom;
import java.util.function.Predicate;

/**
 * Which datoms the reads of a filtered value see (Datomic's {@code filter}). A scan binds it once
 * to the value without its filters, in the same time view, which is the database Datomic passes to
 * a filter predicate; the bound test then runs for every datom the scan meets.
 */
@FunctionalInterface
public interface DatomFilter {

  /** The test of one scan of a value whose unfiltered form is {@code unfiltered}. */
  Predicate<Datom> bind(DbValue unfiltered);

  /** Both filters: a datom is seen when each keeps it (filters compose, as in Datomic). */
  default DatomFilter and(DatomFilter other) {
    return unfiltered -> bind(unfiltered).and(other.bind(unfiltered));
  }
}
