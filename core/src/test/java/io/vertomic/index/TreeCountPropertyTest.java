package io.vertomic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Counting a range from subtree counts gives what walking the range gives. */
class TreeCountPropertyTest {
  @Property(tries = 200)
  void countEqualsTheLengthOfTheSlice(
      @ForAll @IntRange(min = 0, max = 3000) int n,
      @ForAll @IntRange(min = -10, max = 3010) int lo,
      @ForAll @IntRange(min = -10, max = 3010) int hi,
      @ForAll @IntRange(min = 4, max = 64) int node) {
    var cmp = IndexOrder.EAVT.comparator();
    TreeSet<Datom> set = new TreeSet<>(cmp);
    for (int i = 0; i < n; i++) {
      set.add(new Datom(i * 3L % 3001, 10, (long) i, 1, true));
    }
    DatomTree tree =
        DatomTree.of(cmp, Leaf.EMPTY, NodeSource.NONE, new NodeLimits(node, node))
            .withChanges(new ArrayList<>(set), List.of());
    Datom from = new Datom(lo, 0, 0L, 0, true);
    Datom to = new Datom(hi, 99, 999_999L, 9, true);
    long walked = 0;
    for (Iterator<Datom> it = tree.slice(from, to); it.hasNext(); it.next()) {
      walked++;
    }
    assertEquals(cmp.compare(from, to) > 0 ? 0 : walked, tree.count(from, to));
  }
}
