package io.vertomic.index;

import io.vertomic.datom.Datom;
import java.util.Arrays;

/**
 * A growable list of sibling entries (child reference, max key, count), all at one level: the new
 * children of a branch being rebuilt, or the nodes that replace one node after a change. Mutable,
 * used by one update at a time; it becomes immutable {@link Branch}es with {@link #toBranches}.
 */
final class ChildList {
  private ChildRef[] refs;
  private Datom[] maxKeys;
  private long[] counts;
  // entries that are new nodes, not children taken over from a valid branch: only they can be
  // underfull (false at every index from size on)
  private boolean[] fresh;
  private int size;

  ChildList(int capacity) {
    refs = new ChildRef[Math.max(1, capacity)];
    maxKeys = new Datom[refs.length];
    counts = new long[refs.length];
    fresh = new boolean[refs.length];
  }

  int size() {
    return size;
  }

  ChildRef ref(int i) {
    return refs[i];
  }

  void addNode(Node node) {
    add(ChildRef.of(node), node.maxKey(), node.size());
  }

  void add(ChildRef ref, Datom maxKey, long count) {
    if (size == refs.length) {
      grow(size * 2);
    }
    set(size++, ref, maxKey, count, true);
  }

  private void grow(int capacity) {
    refs = Arrays.copyOf(refs, capacity);
    maxKeys = Arrays.copyOf(maxKeys, capacity);
    counts = Arrays.copyOf(counts, capacity);
    fresh = Arrays.copyOf(fresh, capacity);
  }

  /** Appends children {@code from} (inclusive) to {@code to} (exclusive) of {@code branch}. */
  void addChildren(Branch branch, int from, int to) {
    int n = to - from;
    if (n <= 0) {
      return;
    }
    if (size + n > refs.length) {
      grow(Math.max(size * 2, size + n));
    }
    System.arraycopy(branch.children, from, refs, size, n);
    System.arraycopy(branch.maxKeys, from, maxKeys, size, n);
    System.arraycopy(branch.counts, from, counts, size, n);
    size += n; // fresh stays false: no entry at or past size is marked
  }

  /**
   * Merges every underfull entry into a neighbour, in one pass, so that afterwards no entry is
   * underfull unless it is the only one. Only new nodes can be underfull, or with {@code all} any
   * in-memory entry (the children of two merged branches, which may hold a shrunken child that had
   * no sibling to merge with): children taken over from a valid branch are not looked at, which
   * keeps a change to one child from reading all its siblings. The pass keeps at most the last
   * written entry underfull and merges each following entry into it, so a run of shrunken siblings
   * collapses into as few nodes as it fills.
   */
  void rebalance(NodeLimits limits, NodeSource source, boolean all) {
    if (!all && !anyFreshUnderfull(limits)) {
      return; // the usual change: the replaced children are full enough, nothing moves
    }
    int w = 0;
    for (int i = 0; i < size; i++) {
      if (w > 0 && (underfull(w - 1, limits, all) || underfull(i, limits, all))) {
        ChildList merged = Merge.siblings(refs[w - 1], refs[i], limits, source);
        w--;
        for (int j = 0; j < merged.size; j++, w++) {
          set(w, merged.refs[j], merged.maxKeys[j], merged.counts[j], true);
        }
      } else {
        set(w++, refs[i], maxKeys[i], counts[i], fresh[i]);
      }
    }
    Arrays.fill(refs, w, size, null);
    Arrays.fill(maxKeys, w, size, null);
    Arrays.fill(fresh, w, size, false);
    size = w;
  }

  private boolean anyFreshUnderfull(NodeLimits limits) {
    for (int i = 0; i < size; i++) {
      if (underfull(i, limits, false)) {
        return true;
      }
    }
    return false;
  }

  private boolean underfull(int i, NodeLimits limits, boolean all) {
    if (!all && !fresh[i]) {
      return false;
    }
    Node node = refs[i].nodeOrNull();
    return node != null && limits.underfull(node);
  }

  private void set(int i, ChildRef ref, Datom maxKey, long count, boolean isFresh) {
    refs[i] = ref;
    maxKeys[i] = maxKey;
    counts[i] = count;
    fresh[i] = isFresh;
  }

  /**
   * Groups these entries into branches of {@code level} (balanced, or left-full for appends at the
   * end of the tree) and adds the branches to {@code out}. This list is empty afterwards: when it
   * makes one branch and is exactly full, the branch takes its arrays rather than copies.
   */
  void toBranches(int level, NodeLimits limits, boolean leftFull, ChildList out) {
    if (size == 0) {
      return;
    }
    int[] cuts = NodeLimits.cuts(size, limits.branchMax(), limits.branchMin(), leftFull);
    if (cuts.length == 2 && size == refs.length) {
      out.addNode(new Branch(level, refs, maxKeys, counts));
    } else {
      for (int p = 0; p + 1 < cuts.length; p++) {
        int from = cuts[p];
        int to = cuts[p + 1];
        out.addNode(
            new Branch(
                level,
                Arrays.copyOfRange(refs, from, to),
                Arrays.copyOfRange(maxKeys, from, to),
                Arrays.copyOfRange(counts, from, to)));
      }
    }
    refs = new ChildRef[4];
    maxKeys = new Datom[4];
    counts = new long[4];
    fresh = new boolean[4];
    size = 0;
  }
}
