package io.vertomic.conformance;

import io.vertomic.edn.Symbol;
import java.util.Random;
import java.util.Set;

/** Picks the database view a read runs against, named as {@link io.vertomic.fixtures.DbInput}. */
final class Views {
  private Views() {}

  static Symbol pick(Random r, FeatureSet f, History h, Set<Feature> used, boolean history) {
    int n = h.txs().size();
    switch (r.nextInt(9)) {
      case 0:
        if (f.has(Feature.VIEW_AS_OF) && n > 0) {
          used.add(Feature.VIEW_AS_OF);
          return Symbol.of("$as-of-" + (1 + r.nextInt(n)));
        }
        break;
      case 1:
        if (f.has(Feature.VIEW_SINCE) && n > 0) {
          used.add(Feature.VIEW_SINCE);
          return Symbol.of("$since-" + (1 + r.nextInt(n)));
        }
        break;
      case 2:
        if (f.has(Feature.VIEW_HISTORY) && history) {
          used.add(Feature.VIEW_HISTORY);
          return Symbol.of("$history");
        }
        break;
      case 3:
        if (f.has(Feature.VIEW_WITH)) {
          used.add(Feature.VIEW_WITH);
          return Symbol.of("$with");
        }
        break;
      default:
        break;
    }
    return Symbol.of("$");
  }
}
