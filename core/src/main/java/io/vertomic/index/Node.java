package io.vertomic.index;

import io.vertomic.datom.Datom;

/**
 * One immutable node of a {@link DatomTree}: a leaf of sorted datoms or a branch of child
 * references. A node never changes after construction, so versions of a tree share nodes freely and
 * any number of threads may read them.
 *
 * <p>Outside this package a node is an opaque handle: a {@link NodeSource} hands back nodes decoded
 * by this package, never nodes it builds itself.
 */
public sealed interface Node permits Leaf, Branch {
  /** The number of datoms in this node's subtree. */
  long size();

  /** The height of this node: 0 for a leaf, one more than its children's for a branch. */
  int level();

  /** The greatest datom of this subtree under the tree's comparator, or null for an empty leaf. */
  Datom maxKey();
}
