package io.vertomic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.datom.Datom;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Structural checks of a tree's nodes, and of what two versions of a tree share. */
final class TreeInvariants {
  private TreeInvariants() {}

  /**
   * Fails unless every node is sorted, within its size limits (the root excepted), and its branch's
   * max keys, counts and levels agree with the children.
   */
  static void check(DatomTree tree) {
    Node root = tree.root();
    if (root instanceof Branch b) {
      assertTrue(b.childCount() >= 2, "root branch with one child");
    }
    check(tree, root, true, null);
  }

  private static void check(DatomTree tree, Node node, boolean isRoot, Datom after) {
    NodeLimits limits = tree.limits();
    if (node instanceof Leaf leaf) {
      assertTrue(leaf.keys.length <= limits.leafMax(), "leaf overflow " + leaf.keys.length);
      assertTrue(
          isRoot || leaf.keys.length >= limits.leafMin(), "leaf underflow " + leaf.keys.length);
      for (int i = 0; i < leaf.keys.length; i++) {
        Datom prev = i == 0 ? after : leaf.keys[i - 1];
        assertTrue(prev == null || tree.comparator().compare(prev, leaf.keys[i]) < 0, "unsorted");
      }
      return;
    }
    Branch b = (Branch) node;
    assertTrue(b.childCount() <= limits.branchMax(), "branch overflow " + b.childCount());
    assertTrue(
        isRoot || b.childCount() >= limits.branchMin(), "branch underflow " + b.childCount());
    long total = 0;
    for (int i = 0; i < b.childCount(); i++) {
      Node child = b.child(i, tree.source());
      assertEquals(b.level - 1, child.level(), "level");
      assertEquals(child.size(), b.counts[i], "count");
      assertEquals(child.maxKey(), b.maxKeys[i], "max key");
      check(tree, child, false, i == 0 ? after : b.maxKeys[i - 1]);
      total += b.counts[i];
    }
    assertEquals(total, b.size(), "size");
  }

  /** The number of leaves of {@code b} that are the very same objects as leaves of {@code a}. */
  static int sharedLeaves(DatomTree a, DatomTree b) {
    Set<Leaf> inA = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(a.root(), a.source(), inA);
    Set<Leaf> inB = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(b.root(), b.source(), inB);
    inB.retainAll(inA);
    return inB.size();
  }

  /** The number of leaves of {@code tree}. */
  static int leaves(DatomTree tree) {
    Set<Leaf> all = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(tree.root(), tree.source(), all);
    return all.size();
  }

  private static void collect(Node node, NodeSource source, Set<Leaf> out) {
    if (node instanceof Leaf leaf) {
      out.add(leaf);
    } else {
      Branch b = (Branch) node;
      for (int i = 0; i < b.childCount(); i++) {
        collect(b.child(i, source), source, out);
      }
    }
  }
}
