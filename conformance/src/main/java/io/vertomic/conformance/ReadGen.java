package io.vertomic.conformance;

import java.util.List;
import java.util.Random;

/** Picks the kind of the next read (queries most often) and generates it. */
final class ReadGen {
  private ReadGen() {}

  static Read generate(Random r, FeatureSet f, History h, Pool pool, List<Object> withTx) {
    Read read = unfiltered(r, f, h, pool, withTx);
    return f.has(Feature.FILTER) && r.nextInt(4) == 0 ? FilterSpec.add(r, h, pool, read) : read;
  }

  private static Read unfiltered(
      Random r, FeatureSet f, History h, Pool pool, List<Object> withTx) {
    while (true) {
      int k = r.nextInt(20);
      if (k < 11 && f.has(Feature.QUERY)) {
        return QueryGen.generate(r, f, h, pool, withTx);
      } else if (k < 14 && f.has(Feature.PULL)) {
        return PullGen.read(r, f, h, pool, withTx);
      } else if (k < 15 && f.has(Feature.ENTITY)) {
        return IndexReadGen.entity(r, f, h, pool, withTx);
      } else if (k < 18 && f.has(Feature.DATOMS)) {
        return IndexReadGen.datoms(r, f, h, pool, withTx);
      } else if (k >= 18 && f.has(Feature.INDEX_RANGE)) {
        return IndexReadGen.indexRange(r, f, h, pool, withTx);
      }
    }
  }
}
