package io.vertomic.index;

import io.vertomic.datom.Datom;
import java.util.Arrays;
import java.util.Comparator;

/**
 * One batch of changes applied to a tree in a single walk, copying only the root-to-leaf paths of
 * the changed keys.
 *
 * <p>The sorted removes and adds are split by the max keys of each branch's children, so each
 * touched child gets the contiguous runs of changes in its key range, found by binary search. A
 * touched leaf is merged with its runs in one pass (binary search for each change, bulk copies in
 * between) and cut into as many leaves as the result fills; a touched branch gets the nodes that
 * replace its touched children, merges underfull ones into neighbours and is cut again. Untouched
 * children keep their references (and so stay shared, and unloaded). Cost: for {@code c} changes in
 * a tree of {@code n} datoms, about {@code c log n} comparisons plus copying the touched nodes.
 */
final class TreeUpdate {
  /** Bounds on the tx of every add, when the caller knows them: no add's tx need be read. */
  record TxRange(long min, long max) {}

  private final Comparator<Datom> cmp;
  private final NodeLimits limits;
  private final NodeSource source;
  private final Datom[] adds;
  private final Datom[] removes;
  // bounds on the tx of every add, for the leaves' bounds; null: each add's tx is read
  private final TxRange addsTx;
  private Datom[] scratch = new Datom[0];

  TreeUpdate(
      Comparator<Datom> cmp,
      NodeLimits limits,
      NodeSource source,
      Datom[] adds,
      Datom[] rems,
      TxRange addsTx) {
    this.cmp = cmp;
    this.limits = limits;
    this.source = source;
    this.adds = adds;
    this.removes = rems;
    this.addsTx = addsTx;
  }

  /** The root of the changed tree: {@code root} itself when nothing changed. */
  Node apply(Node root) {
    ChildList out = new ChildList(4);
    if (!update(root, 0, adds.length, 0, removes.length, out)) {
      return root;
    }
    boolean append = appends(root, 0, adds.length, 0, removes.length);
    int level = root.level();
    while (out.size() > 1) {
      ChildList up = new ChildList(out.size() / limits.branchMax() + 1);
      out.toBranches(++level, limits, append, up);
      out = up;
    }
    if (out.size() == 0) {
      return Leaf.EMPTY;
    }
    Node node = out.ref(0).resolve(source);
    while (node instanceof Branch b && b.childCount() == 1) {
      node = b.child(0, source);
    }
    return node;
  }

  /** Adds the nodes that replace {@code node} to {@code out}, or returns false if none changed. */
  private boolean update(Node node, int a0, int a1, int r0, int r1, ChildList out) {
    return node instanceof Leaf leaf
        ? updateLeaf(leaf, a0, a1, r0, r1, out)
        : updateBranch((Branch) node, a0, a1, r0, r1, out);
  }

  private boolean updateBranch(Branch b, int a0, int a1, int r0, int r1, ChildList out) {
    int n = b.childCount();
    // sized for the usual change: one child replaced by one node, so the branch takes the arrays
    ChildList kids = new ChildList(n);
    boolean changed = false;
    int done = 0;
    int a = a0;
    int r = r0;
    while (a < a1 || r < r1) {
      Datom key =
          r < r1 && (a >= a1 || cmp.compare(removes[r], adds[a]) < 0) ? removes[r] : adds[a];
      int i = Math.min(b.route(key, cmp, done), n - 1);
      int aEnd = i == n - 1 ? a1 : upperBound(adds, a, a1, b.maxKeys[i]);
      int rEnd = i == n - 1 ? r1 : upperBound(removes, r, r1, b.maxKeys[i]);
      kids.addChildren(b, done, i);
      if (update(b.child(i, source), a, aEnd, r, rEnd, kids)) {
        changed = true;
      } else {
        kids.addChildren(b, i, i + 1);
      }
      done = i + 1;
      a = aEnd;
      r = rEnd;
    }
    if (!changed) {
      return false;
    }
    kids.addChildren(b, done, n);
    kids.rebalance(limits, source, false);
    kids.toBranches(b.level, limits, appends(b, a0, a1, r0, r1), out);
    return true;
  }

  private boolean updateLeaf(Leaf leaf, int a0, int a1, int r0, int r1, ChildList out) {
    Datom[] keys = leaf.keys;
    int n = keys.length;
    if (scratch.length < n + a1 - a0) {
      scratch = new Datom[Math.max(n + a1 - a0, scratch.length * 2)];
    }
    boolean changed = false;
    long minTx = addsTx == null ? leaf.minTx : Math.min(leaf.minTx, addsTx.min());
    long maxTx = addsTx == null ? leaf.maxTx : Math.max(leaf.maxTx, addsTx.max());
    int i = 0;
    int k = 0;
    int a = a0;
    int r = r0;
    while (a < a1 || r < r1) {
      boolean isAdd = r >= r1;
      if (!isAdd && a < a1) {
        int c = cmp.compare(removes[r], adds[a]);
        isAdd = c >= 0;
        if (c == 0) {
          r++; // removes go first, so a remove and an add of one key is the add
        }
      }
      Datom key = isAdd ? adds[a++] : removes[r++];
      int p = i < n ? gallop(keys, i, n, key) : -n - 1;
      int at = p >= 0 ? p : -p - 1;
      System.arraycopy(keys, i, scratch, k, at - i);
      k += at - i;
      i = p >= 0 ? p + 1 : at;
      if (isAdd) {
        if (addsTx == null) {
          minTx = Math.min(minTx, key.tx());
          maxTx = Math.max(maxTx, key.tx());
        }
        boolean same = p >= 0 && keys[p].equals(key);
        scratch[k++] = same ? keys[p] : key;
        changed |= !same;
      } else {
        changed |= p >= 0;
      }
    }
    if (!changed) {
      return false;
    }
    System.arraycopy(keys, i, scratch, k, n - i);
    k += n - i;
    Leaf.cut(scratch, k, limits, appends(leaf, a0, a1, r0, r1), minTx, maxTx, out);
    return true;
  }

  /**
   * {@link Arrays#binarySearch} of {@code key} in {@code keys[from, to)}, probing from {@code from}
   * at distances 1, 2, 4... first: one comparison when the key goes where the last one went, as
   * every new entity of an attribute does in AEVT (before the next attribute's datoms), and no more
   * than twice the binary search's when it goes far.
   */
  private int gallop(Datom[] keys, int from, int to, Datom key) {
    int lo = from; // every key before lo is less than key
    int probe = from;
    int step = 1;
    while (probe < to && cmp.compare(keys[probe], key) < 0) {
      lo = probe + 1;
      probe = from + step;
      step <<= 1;
    }
    return Arrays.binarySearch(keys, lo, Math.min(probe + 1, to), key, cmp);
  }

  /** Whether the changes to {@code node} only add keys after its last one. */
  private boolean appends(Node node, int a0, int a1, int r0, int r1) {
    return r0 == r1
        && a0 < a1
        && (node.maxKey() == null || cmp.compare(adds[a0], node.maxKey()) > 0);
  }

  /** The first index in {@code [from, to)} whose datom is {@code > bound}, or {@code to}. */
  private int upperBound(Datom[] sorted, int from, int to, Datom bound) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cmp.compare(sorted[mid], bound) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
