package io.vertomic.index;

import io.vertomic.datom.Datom;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A lazy iterator over a key range of a tree, ascending or descending.
 *
 * <p>It keeps the path from the root to the current leaf (one branch and child index per level) and
 * a position in the leaf's array: seeking the start costs one binary search per level, stepping
 * costs an array read (and a comparison with the end bound in the leaf where the range ends: one
 * comparison on entering a leaf tells whether its last key is in range), and moving to the next
 * leaf climbs only as far as the first branch with a next child. Nodes are resolved through the
 * tree's {@link NodeSource} as the cursor reaches them. Nothing is allocated after construction,
 * and {@link #seek} moves it to another range of the same tree. Not thread-safe; the tree it reads
 * may be shared freely.
 */
final class Cursor implements Iterator<Datom> {
  private final Node root;
  private final Comparator<Datom> cmp;
  private final NodeSource source;
  private Datom end;
  private final int step;
  private final Branch[] path;
  private final int[] at;
  private Datom[] keys;
  private int pos;

  /** Whether every key left in this leaf is within the end bound: steps then compare nothing. */
  private boolean inside;

  /**
   * A cursor over {@code from <= d <= to} ascending, or {@code from >= d >= to} descending; null
   * bounds are open.
   */
  Cursor(Node root, Comparator<Datom> cmp, NodeSource source, Datom from, Datom to, boolean asc) {
    this.root = root;
    this.cmp = cmp;
    this.source = source;
    this.step = asc ? 1 : -1;
    this.path = new Branch[root.level()];
    this.at = new int[root.level()];
    seek(from, to);
  }

  /**
   * Whether this is an ascending cursor of the tree under {@code root}, which {@link #seek} can
   * move.
   */
  boolean ascendsIn(Node root) {
    return this.root == root && step == 1;
  }

  /** Moves this cursor to a new range of the same tree: a lookup after lookup allocates nothing. */
  void seek(Datom from, Datom to) {
    boolean asc = step > 0;
    end = to;
    keys = null;
    Node node = root;
    for (int d = 0; d < path.length; d++) {
      Branch b = (Branch) node;
      int n = b.childCount();
      int i = from == null ? (asc ? 0 : n - 1) : b.route(from, cmp, 0);
      if (i == n) {
        if (asc) {
          return; // from is beyond every key: keys stays null
        }
        i = n - 1;
      }
      path[d] = b;
      at[d] = i;
      node = b.child(i, source);
    }
    Leaf leaf = (Leaf) node;
    enter(leaf.keys);
    if (from == null) {
      pos = asc ? 0 : keys.length - 1;
    } else {
      pos = asc ? leaf.ceiling(from, cmp) : leaf.floor(from, cmp);
    }
    settle();
  }

  @Override
  public boolean hasNext() {
    return keys != null;
  }

  @Override
  public Datom next() {
    if (keys == null) {
      throw new NoSuchElementException();
    }
    Datom d = keys[pos];
    pos += step;
    settle();
    return d;
  }

  /** Moves off the end of a leaf to the next one, and stops at the end bound. */
  private void settle() {
    if (pos < 0 || pos >= keys.length) {
      nextLeaf();
      if (keys == null) {
        return;
      }
    }
    if (!inside && cmp.compare(keys[pos], end) * step > 0) {
      keys = null;
    }
  }

  /** Makes {@code leafKeys} the current leaf; one comparison tells whether it ends in range. */
  private void enter(Datom[] leafKeys) {
    keys = leafKeys;
    int n = leafKeys.length;
    inside = end == null || n > 0 && cmp.compare(leafKeys[step > 0 ? n - 1 : 0], end) * step <= 0;
  }

  private void nextLeaf() {
    int d = path.length - 1;
    while (d >= 0 && (step > 0 ? at[d] + 1 >= path[d].childCount() : at[d] == 0)) {
      d--;
    }
    if (d < 0) {
      keys = null;
      return;
    }
    at[d] += step;
    Node node = path[d].child(at[d], source);
    for (d++; d < path.length; d++) {
      Branch b = (Branch) node;
      path[d] = b;
      at[d] = step > 0 ? 0 : b.childCount() - 1;
      node = b.child(at[d], source);
    }
    enter(((Leaf) node).keys);
    pos = step > 0 ? 0 : keys.length - 1;
  }
}
