package io.vertomic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tree whose nodes are held by address loads only the nodes an operation reaches. */
class LazyLoadingTest {
  private DatomTree inMemory;
  private MapNodeStore store;
  private DatomTree stored;

  @BeforeEach
  void storeATree() {
    inMemory =
        DatomTree.of(
                IndexOrder.EAVT.comparator(), Leaf.EMPTY, NodeSource.NONE, new NodeLimits(16, 8))
            .withChanges(DatomTreeTest.run(0, 20_000), List.of());
    store = new MapNodeStore();
    stored = store.store(inMemory);
  }

  @Test
  void getLoadsOneNodePerLevelBelowTheRoot() {
    assertEquals(
        DatomTreeTest.d(12_345, 1, 12_345), stored.get(DatomTreeTest.d(12_345, 1, 12_345)));
    assertEquals(stored.root().level(), store.loads());
  }

  @Test
  void sliceLoadsOnlyTheLeavesItReads() {
    List<?> out =
        DatomTreeTest.list(
            stored.slice(DatomTreeTest.d(100, 1, 100), DatomTreeTest.d(163, 1, 163)));
    assertEquals(64, out.size());
    assertTrue(store.loads() < 16, "loads: " + store.loads());
  }

  @Test
  void everyReadSeesTheSameDatomsAsInMemory() {
    assertEquals(DatomTreeTest.list(inMemory.iterator()), DatomTreeTest.list(stored.iterator()));
    assertEquals(
        DatomTreeTest.list(inMemory.rslice(null, null)),
        DatomTreeTest.list(stored.rslice(null, null)));
    assertEquals(inMemory.first(), stored.first());
    assertEquals(inMemory.last(), stored.last());
    assertEquals(inMemory.size(), stored.size());
  }

  @Test
  void changesLoadOnlyTheirPathsAndKeepOtherChildrenByAddress() {
    DatomTree changed =
        stored.withChanges(List.of(new Datom(7_000, 1, 7_000L, 2, true)), List.of());
    assertEquals(stored.root().level(), store.loads());
    Branch root = (Branch) changed.root();
    int inMemoryChildren = 0;
    for (ChildRef ref : root.children) {
      if (ref.nodeOrNull() != null) {
        inMemoryChildren++;
      } else {
        assertNotNull(ref.address());
      }
    }
    assertEquals(1, inMemoryChildren);
  }

  @Test
  void bigChangesRebalanceAcrossStoredNeighbours() {
    DatomTree expected =
        inMemory.withChanges(DatomTreeTest.run(20_000, 21_000), DatomTreeTest.run(50, 19_990));
    DatomTree actual =
        stored.withChanges(DatomTreeTest.run(20_000, 21_000), DatomTreeTest.run(50, 19_990));
    assertEquals(DatomTreeTest.list(expected.iterator()), DatomTreeTest.list(actual.iterator()));
    TreeInvariants.check(actual);
  }

  @Test
  void anInMemoryTreeNeverLoads() {
    ChildRef ref = ChildRef.stored("nowhere");
    assertNull(ref.nodeOrNull());
    assertThrows(IllegalStateException.class, () -> ref.resolve(NodeSource.NONE));
  }
}
