package io.vertomic.index;

import io.vertomic.datom.Datom;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A leaf node: the datoms of one key range of a {@link DatomTree}.
 *
 * <p>Layout: one {@code Datom[] keys}, exactly as long as the leaf holds datoms, sorted strictly
 * ascending under the tree's comparator and never written after construction, and {@code minTx} and
 * {@code maxTx}, bounds on their tx (in memory only). A leaf holds between {@link
 * NodeLimits#leafMin()} and {@link NodeLimits#leafMax()} datoms, except a root leaf, which may hold
 * 0 up to the maximum. Lookups binary-search {@code keys}; as a storage segment a leaf is this
 * array, in order.
 */
final class Leaf implements Node {
  static final Leaf EMPTY = new Leaf(new Datom[0], Long.MAX_VALUE, Long.MIN_VALUE);

  final Datom[] keys;
  // at least the tx of every datom here, so that a search for the datoms of the transactions after
  // a tx can pass over the leaf without reading them: kept by updates, which know what they add;
  // Long.MAX_VALUE (no bound) for a leaf read from storage
  final long maxTx;
  // at most the tx of every datom here, so that the same search takes the whole leaf without
  // reading them when all are newer; Long.MIN_VALUE (no bound) for a leaf read from storage
  final long minTx;

  /** A leaf with no known bound on its datoms' tx (read from storage). */
  Leaf(Datom[] keys) {
    this(keys, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  Leaf(Datom[] keys, long minTx, long maxTx) {
    this.keys = keys;
    this.minTx = minTx;
    this.maxTx = maxTx;
  }

  @Override
  public long size() {
    return keys.length;
  }

  @Override
  public int level() {
    return 0;
  }

  @Override
  public Datom maxKey() {
    return keys.length == 0 ? null : keys[keys.length - 1];
  }

  /**
   * As {@link Arrays#binarySearch}: the index of {@code key}, or {@code -(insertion point) - 1}.
   */
  int search(Datom key, Comparator<Datom> cmp) {
    return Arrays.binarySearch(keys, key, cmp);
  }

  /**
   * Cuts the first {@code n} datoms of {@code sorted} into new leaves (balanced, or left-full for
   * appends at the end of the tree) and adds them to {@code out}; the tx of each of them is between
   * {@code minTx} and {@code maxTx}. Copies: {@code sorted} may be reused afterwards.
   */
  static void cut(
      Datom[] sorted,
      int n,
      NodeLimits limits,
      boolean leftFull,
      long minTx,
      long maxTx,
      ChildList out) {
    if (n == 0) {
      return;
    }
    int[] cuts = NodeLimits.cuts(n, limits.leafMax(), limits.leafMin(), leftFull);
    for (int p = 0; p + 1 < cuts.length; p++) {
      out.addNode(new Leaf(Arrays.copyOfRange(sorted, cuts[p], cuts[p + 1]), minTx, maxTx));
    }
  }

  /** The index of the first datom {@code >= key}, {@code keys.length} when none. */
  int ceiling(Datom key, Comparator<Datom> cmp) {
    int i = search(key, cmp);
    return i >= 0 ? i : -i - 1;
  }

  /** The index of the last datom {@code <= key}, -1 when none. */
  int floor(Datom key, Comparator<Datom> cmp) {
    int i = search(key, cmp);
    return i >= 0 ? i : -i - 2;
  }
}
