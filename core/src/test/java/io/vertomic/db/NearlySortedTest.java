package io.vertomic.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The insertion sort Indexes gives a transaction's datoms in EAVT order leaves them as the stable
 * Arrays.sort does, on input near sorted (entity by entity, each entity's attributes shuffled),
 * reversed, random, and with equal datoms that must keep their order.
 */
class NearlySortedTest {
  @Property(tries = 300)
  void sortsAsTheStableSortDoes(@ForAll long seed) {
    Random rnd = new Random(seed);
    int n = rnd.nextInt(rnd.nextBoolean() ? 20 : 3_000);
    Datom[] in = new Datom[n];
    int shape = rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      long e =
          switch (shape) {
            case 0 -> 1_000 + i / 6; // entity by entity
            case 1 -> 1_000 + (n - i) / 3; // entities in reverse
            default -> 1_000 + rnd.nextInt(50);
          };
      // few values, so equal datoms (told apart by tx) come up
      in[i] = new Datom(e, 10 + rnd.nextInt(6), (long) rnd.nextInt(3), i, true);
    }
    Comparator<Datom> cmp = IndexOrder.EAVT.comparator();
    Datom[] expected = in.clone();
    Arrays.sort(expected, cmp);
    Datom[] sorted = in.clone();
    Indexes.sortNearlySorted(sorted, cmp);
    // Datom equality ignores nothing that tells equal-keyed datoms apart: compare the tx too
    assertArrayEquals(txs(expected), txs(sorted));
    assertArrayEquals(expected, sorted);
  }

  private static long[] txs(Datom[] ds) {
    return Arrays.stream(ds).mapToLong(Datom::tx).toArray();
  }
}
