package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Database;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/** The application's filter predicates ({@link Database#filter}) as the engine's datom tests. */
final class DatomFilters {
  private DatomFilters() {}

  /**
   * The test that asks {@code pred} about each datom with {@code unfiltered}; what the predicate
   * throws fails the read with {@code incorrect} naming the datom, an {@code Anomaly} as it is.
   */
  static Predicate<Datom> keep(BiPredicate<Database, Datom> pred, Database unfiltered) {
    return d -> {
      try {
        return pred.test(unfiltered, d);
      } catch (Anomaly a) {
        throw a;
      } catch (RuntimeException e) {
        throw new Anomaly(
            Category.INCORRECT,
            Keyword.of("db.error/filter-failed"),
            "The filter predicate threw " + e + " on datom " + d,
            null,
            e);
      }
    };
  }
}
