package io.vertomic.index;

import io.vertomic.datom.Datom;

/**
 * Merging of two adjacent sibling nodes of one level, one of them underfull, into one node, or into
 * two balanced ones when together they overflow. Leaves concatenate their datom arrays (the left
 * sibling's datoms all sort before the right's, so no comparison is needed). Branches concatenate
 * their children and rebalance them, because a shrunken branch may hold shrunken children that had
 * no sibling to merge with before.
 */
final class Merge {
  private Merge() {}

  static ChildList siblings(ChildRef left, ChildRef right, NodeLimits limits, NodeSource source) {
    Node l = left.resolve(source);
    Node r = right.resolve(source);
    ChildList out = new ChildList(2);
    if (l instanceof Leaf a) {
      Leaf rl = (Leaf) r;
      Datom[] b = rl.keys;
      Datom[] all = new Datom[a.keys.length + b.length];
      System.arraycopy(a.keys, 0, all, 0, a.keys.length);
      System.arraycopy(b, 0, all, a.keys.length, b.length);
      long minTx = Math.min(a.minTx, rl.minTx);
      Leaf.cut(all, all.length, limits, false, minTx, Math.max(a.maxTx, rl.maxTx), out);
    } else {
      Branch a = (Branch) l;
      Branch b = (Branch) r;
      ChildList children = new ChildList(a.childCount() + b.childCount());
      children.addChildren(a, 0, a.childCount());
      children.addChildren(b, 0, b.childCount());
      children.rebalance(limits, source, true);
      children.toBranches(a.level, limits, false, out);
    }
    return out;
  }
}
