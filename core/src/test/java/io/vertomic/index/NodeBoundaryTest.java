package io.vertomic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Splits and merges exactly at the node size limits, with small nodes (leaves of 8, branches of 4).
 */
class NodeBoundaryTest {
  private static final NodeLimits SMALL = new NodeLimits(8, 4);

  private static DatomTree tree(List<Datom> sorted) {
    return DatomTree.of(IndexOrder.EAVT.comparator(), Leaf.EMPTY, NodeSource.NONE, SMALL)
        .withChanges(sorted, List.of());
  }

  @Test
  void fullLeafSplitsIntoTwoOnOneMoreDatom() {
    DatomTree t = tree(DatomTreeTest.run(0, 8));
    assertInstanceOf(Leaf.class, t.root());
    DatomTree u = t.withChanges(List.of(DatomTreeTest.d(3, 2, 0)), List.of());
    Branch root = assertInstanceOf(Branch.class, u.root());
    assertEquals(2, root.childCount());
    assertEquals(9, u.size());
    TreeInvariants.check(u);
  }

  @Test
  void appendSplitLeavesTheLeftLeafFull() {
    DatomTree u = tree(DatomTreeTest.run(0, 8)).withChanges(DatomTreeTest.run(8, 9), List.of());
    Branch root = (Branch) u.root();
    assertEquals(8 - SMALL.leafMin() + 1, root.counts[0]);
    assertEquals(SMALL.leafMin(), root.counts[1]);
  }

  @Test
  void underfullLeafMergesIntoItsNeighbour() {
    DatomTree t = tree(DatomTreeTest.run(0, 16));
    assertEquals(2, ((Branch) t.root()).childCount());
    DatomTree u = t.withChanges(List.of(), DatomTreeTest.run(3, 15));
    assertInstanceOf(Leaf.class, u.root());
    assertEquals(4, u.size());
    TreeInvariants.check(u);
  }

  @Test
  void removingAllButOneDatomOfADeepTreeCollapsesTheRoot() {
    DatomTree t = tree(DatomTreeTest.run(0, 1_000));
    assertEquals(4, t.root().level());
    DatomTree u = t.withChanges(List.of(), DatomTreeTest.run(1, 1_000));
    assertInstanceOf(Leaf.class, u.root());
    assertEquals(List.of(DatomTreeTest.d(0, 1, 0)), DatomTreeTest.list(u.iterator()));
  }

  @Test
  void emptyingABranchLeavesTheRestBalanced() {
    DatomTree t = tree(DatomTreeTest.run(0, 1_000));
    DatomTree u = t.withChanges(List.of(), DatomTreeTest.run(100, 900));
    assertEquals(200, u.size());
    TreeInvariants.check(u);
    DatomTree w = u.withChanges(List.of(), DatomTreeTest.run(0, 99));
    TreeInvariants.check(w);
    assertEquals(DatomTreeTest.run(99, 100).get(0), w.first());
  }

  @Test
  void untouchedSubtreesAreSharedAfterSplits() {
    DatomTree t = tree(DatomTreeTest.run(0, 1_000));
    DatomTree u = t.withChanges(List.of(DatomTreeTest.d(999, 2, 0)), List.of());
    Branch a = (Branch) t.root();
    Branch b = (Branch) u.root();
    assertEquals(2, a.childCount());
    assertSame(a.children[0].nodeOrNull(), b.children[0].nodeOrNull());
    assertEquals(1_001, u.size());
  }
}
