package io.vertomic.index;

import io.vertomic.datom.Datom;
import java.util.Arrays;
import java.util.Comparator;

/**
 * An inner node of a {@link DatomTree}: references to its children in key order, with what a reader
 * needs to route a key without loading any child.
 *
 * <p>Layout: three parallel arrays of one entry per child, never written after construction: {@code
 * children} (a {@link ChildRef}: node in memory and/or storage address), {@code maxKeys} (the
 * greatest datom of each child's subtree) and {@code counts} (the number of datoms in each child's
 * subtree), plus the branch's {@code level} (1 when its children are leaves), total {@code size}
 * and {@code maxTx} (see {@link Leaf}). A key belongs to the first child whose max key is {@code
 * >=} it; keys beyond the last max key route to the last child. A branch holds between {@link
 * NodeLimits#branchMin()} and {@link NodeLimits#branchMax()} children, except the root, which holds
 * at least two. As a storage segment a branch is these arrays with addresses for children.
 */
final class Branch implements Node {
  final int level;
  final ChildRef[] children;
  final Datom[] maxKeys;
  final long[] counts;
  private final long size;
  // at least the tx of every datom below, as Leaf's: Long.MAX_VALUE when a child is not in memory
  final long maxTx;

  Branch(int level, ChildRef[] children, Datom[] maxKeys, long[] counts) {
    this.level = level;
    this.children = children;
    this.maxKeys = maxKeys;
    this.counts = counts;
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    this.size = total;
    long bound = Long.MIN_VALUE;
    for (ChildRef c : children) {
      Node node = c.nodeOrNull();
      bound = Math.max(bound, node == null ? Long.MAX_VALUE : maxTx(node));
    }
    this.maxTx = bound;
  }

  /** At least the tx of every datom of {@code node}'s subtree. */
  static long maxTx(Node node) {
    return node instanceof Leaf leaf ? leaf.maxTx : ((Branch) node).maxTx;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public int level() {
    return level;
  }

  @Override
  public Datom maxKey() {
    return maxKeys[maxKeys.length - 1];
  }

  int childCount() {
    return children.length;
  }

  Node child(int i, NodeSource source) {
    return children[i].resolve(source);
  }

  /**
   * The first child, at index {@code from} or later, whose max key is {@code >= key}; {@link
   * #childCount()} when {@code key} is beyond every child.
   */
  int route(Datom key, Comparator<Datom> cmp, int from) {
    int i = Arrays.binarySearch(maxKeys, from, maxKeys.length, key, cmp);
    return i >= 0 ? i : -i - 1;
  }
}
