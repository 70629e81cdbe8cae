package io.vertomic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.datom.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatomTreeTest {
  private static final Comparator<Datom> EAVT = IndexOrder.EAVT.comparator();

  static Datom d(long e, long a, long v) {
    return new Datom(e, a, v, 1, true);
  }

  /** Datoms (e, 1, e) for e in [from, to). */
  static List<Datom> run(long from, long to) {
    List<Datom> ds = new ArrayList<>();
    for (long e = from; e < to; e++) {
      ds.add(d(e, 1, e));
    }
    return ds;
  }

  static List<Datom> list(Iterator<Datom> it) {
    List<Datom> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void emptyTreeHoldsNothing() {
    DatomTree t = DatomTree.empty(EAVT);
    assertEquals(0, t.size());
    assertTrue(t.isEmpty());
    assertNull(t.first());
    assertNull(t.last());
    assertNull(t.get(d(1, 1, 1)));
    assertFalse(t.iterator().hasNext());
    assertFalse(t.slice(d(1, 1, 1), null).hasNext());
    assertFalse(t.rslice(null, null).hasNext());
    assertSame(EAVT, t.comparator());
  }

  @Test
  void fromSortedHoldsEveryDatomInOrderInFullNodes() {
    List<Datom> all = run(0, 100_000);
    DatomTree t = DatomTree.fromSorted(EAVT, all);
    assertEquals(100_000, t.size());
    assertEquals(all, list(t.iterator()));
    TreeInvariants.check(t);
    int full = (100_000 + NodeLimits.DEFAULT.leafMax() - 1) / NodeLimits.DEFAULT.leafMax();
    assertEquals(full, TreeInvariants.leaves(t));
  }

  @Test
  void fromSortedRejectsUnsortedOrDuplicateInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DatomTree.fromSorted(EAVT, List.of(d(2, 1, 1), d(1, 1, 1))));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DatomTree.empty(EAVT).withChanges(List.of(), List.of(d(1, 1, 1), d(1, 1, 1))));
    assertTrue(e.getMessage().startsWith("removes must be sorted without duplicates"));
    assertThrows(
        NullPointerException.class, () -> DatomTree.empty(EAVT).withChanges(null, List.of()));
  }

  @Test
  void getReturnsTheStoredDatomEqualUnderTheComparator() {
    Datom stored = new Datom(7, 3, "Ivan", 42, true);
    DatomTree t = DatomTree.fromSorted(EAVT, List.of(d(1, 1, 1), stored, d(9, 1, 1)));
    Datom key = new Datom(7, 3, "Ivan", 0, false);
    assertSame(stored, t.get(key));
    assertTrue(t.contains(key));
    assertNull(t.get(new Datom(7, 3, "Oleg", 42, true)));
    assertNull(t.get(d(10, 1, 1)));
    assertNull(t.get(d(0, 1, 1)));
  }

  @Test
  void addEqualUnderTheComparatorReplacesTheStoredDatom() {
    DatomTree t = DatomTree.fromSorted(EAVT, run(0, 2_000));
    Datom newer = new Datom(1_000, 1, 1_000L, 99, true);
    DatomTree u = t.withChanges(List.of(newer), List.of());
    assertEquals(2_000, u.size());
    assertSame(newer, u.get(d(1_000, 1, 1_000)));
    assertEquals(1, t.get(d(1_000, 1, 1_000)).tx());
  }

  @Test
  void addOfAnIdenticalDatomReturnsTheSameTree() {
    DatomTree t = DatomTree.fromSorted(EAVT, run(0, 2_000));
    assertSame(t, t.withChanges(List.of(d(5, 1, 5)), List.of()));
  }

  @Test
  void removingAbsentKeysIsIgnored() {
    DatomTree t =
        DatomTree.fromSorted(EAVT, run(0, 2_000).stream().filter(x -> x.e() % 2 == 0).toList());
    DatomTree u =
        t.withChanges(List.of(), List.of(d(-1, 1, 1), d(1, 1, 1), d(999, 1, 999), d(5_000, 1, 1)));
    assertSame(t, u);
    DatomTree w = t.withChanges(List.of(), List.of(d(1, 1, 1), d(2, 1, 2)));
    assertEquals(999, w.size());
    assertFalse(w.contains(d(2, 1, 2)));
  }

  @Test
  void removeAndAddOfOneKeyInOneBatchKeepsTheAdd() {
    DatomTree t = DatomTree.fromSorted(EAVT, run(0, 10));
    Datom again = new Datom(3, 1, 3L, 7, true);
    DatomTree u = t.withChanges(List.of(again), List.of(d(3, 1, 3)));
    assertSame(again, u.get(again));
    assertEquals(10, u.size());
  }

  @Test
  void sliceIncludesBothBoundsAndStopsAtTheEnd() {
    DatomTree t = DatomTree.fromSorted(EAVT, run(0, 10_000));
    assertEquals(run(1_000, 3_001), list(t.slice(d(1_000, 1, 1_000), d(3_000, 1, 3_000))));
    assertEquals(run(9_990, 10_000), list(t.slice(d(9_990, 1, 9_990), null)));
    assertEquals(run(0, 5), list(t.slice(null, d(4, 1, 4))));
    assertEquals(run(0, 10_000), list(t.slice(null, null)));
    assertEquals(List.of(), list(t.slice(d(10_000, 1, 0), null)));
    assertEquals(List.of(), list(t.slice(d(7, 1, 7), d(6, 1, 6))));
  }

  @Test
  void sliceWithSentinelBoundsFindsOneEntity() {
    List<Datom> all = new ArrayList<>();
    for (long e = 0; e < 3_000; e++) {
      for (long a = 1; a <= 3; a++) {
        all.add(d(e, a, a * e));
      }
    }
    DatomTree t = DatomTree.fromSorted(EAVT, all);
    Datom from = new Datom(1_500, Long.MIN_VALUE, Values.MIN, Long.MIN_VALUE, true);
    Datom to = new Datom(1_500, Long.MAX_VALUE, Values.MAX, Long.MAX_VALUE, true);
    assertEquals(
        List.of(d(1_500, 1, 1_500), d(1_500, 2, 3_000), d(1_500, 3, 4_500)),
        list(t.slice(from, to)));
    assertEquals(
        List.of(d(1_500, 3, 4_500), d(1_500, 2, 3_000), d(1_500, 1, 1_500)),
        list(t.rslice(to, from)));
  }

  @Test
  void rsliceDescendsFromFromDownToTo() {
    DatomTree t =
        DatomTree.fromSorted(EAVT, run(0, 10_000).stream().filter(x -> x.e() % 2 == 0).toList());
    List<Datom> desc = list(t.rslice(d(2_001, 1, 0), d(1_001, 1, 0)));
    assertEquals(500, desc.size());
    assertEquals(d(2_000, 1, 2_000), desc.get(0));
    assertEquals(d(1_002, 1, 1_002), desc.get(499));
    assertEquals(
        List.of(d(9_998, 1, 9_998), d(9_996, 1, 9_996)), list(t.rslice(null, d(9_995, 1, 0))));
    assertEquals(List.of(d(2, 1, 2), d(0, 1, 0)), list(t.rslice(d(3, 1, 3), null)));
    assertEquals(List.of(), list(t.rslice(d(-1, 1, 0), null)));
    assertEquals(5_000, list(t.rslice(null, null)).size());
  }

  @Test
  void firstAndLastAreTheEnds() {
    DatomTree t = DatomTree.fromSorted(EAVT, run(5, 50_000));
    assertEquals(d(5, 1, 5), t.first());
    assertEquals(d(49_999, 1, 49_999), t.last());
  }

  @Test
  void oldVersionsAreUnchangedAfterChanges() {
    DatomTree v1 = DatomTree.fromSorted(EAVT, run(0, 20_000));
    DatomTree v2 = v1.withChanges(run(20_000, 30_000), run(0, 5_000));
    DatomTree v3 = v2.withChanges(List.of(), run(0, 30_000));
    assertEquals(run(0, 20_000), list(v1.iterator()));
    assertEquals(run(5_000, 30_000), list(v2.iterator()));
    assertTrue(v3.isEmpty());
    TreeInvariants.check(v2);
  }

  @Test
  void oneDatomChangeSharesEveryLeafButOne() {
    DatomTree t =
        DatomTree.fromSorted(EAVT, run(0, 200_000).stream().filter(x -> x.e() % 2 == 0).toList());
    DatomTree u = t.withChanges(List.of(d(50_001, 1, 0)), List.of());
    assertEquals(TreeInvariants.leaves(t) - 1, TreeInvariants.sharedLeaves(t, u));
    DatomTree w = t.withChanges(List.of(), List.of(d(70_000, 1, 70_000)));
    assertEquals(TreeInvariants.leaves(t) - 1, TreeInvariants.sharedLeaves(t, w));
  }

  @Test
  void bigBatchOfScatteredAddsKeepsNodesWithinLimits() {
    DatomTree t =
        DatomTree.fromSorted(EAVT, run(0, 300_000).stream().filter(x -> x.e() % 3 == 0).toList());
    DatomTree u =
        t.withChanges(run(0, 300_000).stream().filter(x -> x.e() % 3 == 1).toList(), List.of());
    assertEquals(200_000, u.size());
    TreeInvariants.check(u);
    DatomTree w =
        u.withChanges(List.of(), run(0, 300_000).stream().filter(x -> x.e() % 10 != 0).toList());
    assertEquals(
        run(0, 300_000).stream().filter(x -> x.e() % 30 == 0 || x.e() % 30 == 10).toList(),
        list(w.iterator()));
    TreeInvariants.check(w);
  }
}
