package io.vertomic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A tree moved onto a newer index of its older datoms ({@link DatomTree#rebasedOnto}, which bounds
 * the tx of what it adds without reading it) holds the same datoms, and finds those of the
 * transactions after any tx as a filter of them does: over an index in memory and over a stored
 * one.
 */
class RebaseTest {
  @Property(tries = 200)
  void aRebasedTreeHoldsTheSameDatomsAndFindsTheNewerOnes(@ForAll long seed) {
    Random rnd = new Random(seed);
    Comparator<Datom> cmp = IndexOrder.values()[rnd.nextInt(4)].comparator();
    TreeSet<Datom> all = new TreeSet<>(cmp);
    long txs = 2 + rnd.nextInt(8);
    int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 50 : 3_000);
    for (int i = 0; i < n; i++) {
      long tx = 1 + rnd.nextInt((int) txs);
      long e = rnd.nextBoolean() ? 1_000 + i : rnd.nextInt(200);
      all.add(new Datom(e, 10 + rnd.nextInt(5), (long) rnd.nextInt(100), tx, true));
    }
    long basis = rnd.nextInt((int) txs + 1);
    // the current tree as transactions built it, in tx order; the index holds those through basis
    DatomTree current = DatomTree.empty(cmp);
    for (long tx = 1; tx <= txs; tx++) {
      long t = tx;
      current = current.withNovelty(all.stream().filter(d -> d.tx() == t).toList(), List.of());
    }
    List<Datom> indexed = all.stream().filter(d -> d.tx() <= basis).toList();
    DatomTree base = DatomTree.fromSorted(cmp, indexed);
    if (rnd.nextBoolean()) {
      Map<String, byte[]> segments = new HashMap<>();
      int[] keys = {0};
      TreeWriter.Written w = TreeWriter.write(base, () -> "s" + keys[0]++);
      segments.putAll(w.segments());
      base =
          DatomTree.stored(
              cmp, w.rootKey(), a -> NodeCodec.decode(segments.get(a), "segment " + a));
    }

    DatomTree rebased = current.rebasedOnto(base, basis);

    assertEquals(new ArrayList<>(all), DatomTreeTest.list(rebased.iterator()));
    for (long tx = basis; tx <= txs; tx++) {
      long t = tx;
      assertEquals(
          all.stream().filter(d -> d.tx() > t).toList(), rebased.addedAfter(t), "after " + t);
    }
  }
}
