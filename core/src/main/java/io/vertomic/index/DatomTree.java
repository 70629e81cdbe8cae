package io.vertomic.index;

import io.vertomic.datom.Datom;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A persistent sorted set of datoms under one comparator (an {@link io.vertomic.datom.IndexOrder}
 * comparator): the structure every index is built on. Immutable and thread-safe; {@link
 * #withChanges} returns a new tree that shares every node the change did not touch.
 *
 * <p>It is a B+tree of large nodes (see {@code Leaf} and {@code Branch} for their layout) whose
 * children are reached through a {@link NodeSource}, so that the same nodes can be stored as
 * immutable segments and loaded lazily; trees built here are all in memory.
 *
 * <pre>{@code
 * DatomTree t = DatomTree.empty(IndexOrder.EAVT.comparator())
 *     .withChanges(List.of(new Datom(5, 10, "Ivan", tx, true)), List.of());
 * t.get(new Datom(5, 10, "Ivan", 0, true)); // => #datom [5 10 "Ivan" tx true]
 * }</pre>
 *
 * <p>Datoms equal under the comparator are one key: the tree holds at most one of them.
 *
 * <p>A tree read from storage is not changed in place: its changes are kept apart, in memory, and
 * merged in as it is read (an {@link Overlay}), until an index job stores them.
 */
public final class DatomTree implements Iterable<Datom> {
  private static final Datom[] NONE = new Datom[0];
  private final Comparator<Datom> cmp;
  private final Node root;
  private final NodeSource source;
  private final NodeLimits limits;
  // the segment key of the root when this tree is exactly a stored one, else null
  private final String rootAddress;
  // a stored tree and the changes since, when this is one (root is then the stored tree's), else
  // null
  private final Overlay overlay;

  private DatomTree(
      Comparator<Datom> cmp,
      Node root,
      NodeSource source,
      NodeLimits limits,
      String rootAddress,
      Overlay overlay) {
    this.cmp = cmp;
    this.root = root;
    this.source = source;
    this.limits = limits;
    this.rootAddress = rootAddress;
    this.overlay = overlay;
  }

  private static DatomTree over(Overlay o) {
    DatomTree b = o.base;
    return o.isEmpty() ? b : new DatomTree(b.cmp, b.root, b.source, b.limits, null, o);
  }

  /**
   * The tree stored under {@code rootAddress} (see {@link TreeWriter}): reads the root now and
   * every other node lazily through {@code source}.
   */
  public static DatomTree stored(Comparator<Datom> cmp, String rootAddress, NodeSource source) {
    return new DatomTree(
        cmp, source.load(rootAddress), source, NodeLimits.DEFAULT, rootAddress, null);
  }

  /** The empty tree ordered by {@code cmp}. */
  public static DatomTree empty(Comparator<Datom> cmp) {
    return of(cmp, Leaf.EMPTY, NodeSource.NONE, NodeLimits.DEFAULT);
  }

  /**
   * The tree of {@code sorted}, which must be sorted by {@code cmp} without duplicates (else {@link
   * IllegalArgumentException}). Builds full nodes bottom-up in O(n).
   */
  public static DatomTree fromSorted(Comparator<Datom> cmp, List<Datom> sorted) {
    return empty(cmp).withChanges(sorted, List.of());
  }

  /** A tree over an existing root: the seam for trees built with other limits or in storage. */
  static DatomTree of(Comparator<Datom> cmp, Node root, NodeSource source, NodeLimits limits) {
    return new DatomTree(
        Objects.requireNonNull(cmp, "cmp"),
        Objects.requireNonNull(root, "root"),
        Objects.requireNonNull(source, "source"),
        Objects.requireNonNull(limits, "limits"),
        null,
        null);
  }

  /** The order of this tree. */
  public Comparator<Datom> comparator() {
    return cmp;
  }

  /** The number of datoms, in O(1). */
  public long size() {
    return overlay != null ? overlay.size() : root.size();
  }

  /** Whether this tree holds no datom. */
  public boolean isEmpty() {
    return size() == 0;
  }

  /** The stored datom equal to {@code key} under the comparator, or null. */
  public Datom get(Datom key) {
    Objects.requireNonNull(key, "key");
    if (overlay != null) {
      return overlay.get(key);
    }
    Node node = root;
    while (node instanceof Branch b) {
      int i = b.route(key, cmp, 0);
      if (i == b.childCount()) {
        return null;
      }
      node = b.child(i, source);
    }
    Leaf leaf = (Leaf) node;
    int i = leaf.search(key, cmp);
    return i >= 0 ? leaf.keys[i] : null;
  }

  /** Whether a datom equal to {@code key} under the comparator is in this tree. */
  public boolean contains(Datom key) {
    return get(key) != null;
  }

  /**
   * This tree with {@code sortedRemoves} taken out, then {@code sortedAdds} put in; this tree is
   * unchanged. Both lists must be sorted by the comparator without duplicates (else {@link
   * IllegalArgumentException}). Removes of absent keys are ignored; an add equal to a stored datom
   * replaces it. Returns this tree itself when nothing changes. An in-memory tree copies only the
   * paths to changed keys, in one walk for the whole batch; a stored one keeps the changes apart.
   */
  public DatomTree withChanges(List<Datom> sortedAdds, List<Datom> sortedRemoves) {
    Datom[] adds = sortedArray(sortedAdds, "adds");
    Datom[] removes = sortedArray(sortedRemoves, "removes");
    if (adds.length == 0 && removes.length == 0) {
      return this;
    }
    if (overlay != null || rootAddress != null) {
      Overlay o = overlay != null ? overlay : new Overlay(this, inMemory(), inMemory());
      return over(o.withChanges(adds, removes));
    }
    return pathCopied(adds, removes);
  }

  /**
   * The same as {@link #withChanges}, for changes known to be new to this tree: no add's key is in
   * it and every remove's key is (a transaction's changes to the current facts, or its datoms added
   * to the past). A stored tree then takes them without looking anything up in its stored nodes;
   * changes that break the promise leave {@link #size} and {@link #count} off.
   */
  public DatomTree withNovelty(List<Datom> sortedAdds, List<Datom> sortedRemoves) {
    return withSortedNovelty(
        sortedArray(sortedAdds, "adds"), sortedArray(sortedRemoves, "removes"));
  }

  /**
   * {@link #withNovelty} for arrays the caller has sorted by this tree's comparator without
   * duplicates, taken as they are: neither checked (a transaction's datoms, sorted and made
   * distinct just before, would be compared once more for nothing) nor copied; the arrays must not
   * change afterwards.
   */
  public DatomTree withSortedNovelty(Datom[] sortedAdds, Datom[] sortedRemoves) {
    if (sortedAdds.length == 0 && sortedRemoves.length == 0) {
      return this;
    }
    if (overlay == null && rootAddress == null) {
      return pathCopied(sortedAdds, sortedRemoves);
    }
    Overlay o = overlay != null ? overlay : new Overlay(this, inMemory(), inMemory());
    return over(o.withNovelty(sortedAdds, sortedRemoves));
  }

  /**
   * The datoms of transactions after {@code tx} among the changes kept since this tree's base was
   * stored (among all its datoms, for a tree all in memory), sorted: what a newer stored tree
   * covering the transactions through {@code tx} lacks of this one, when no transaction after
   * {@code tx} removed a datom.
   */
  public List<Datom> addedAfter(long tx) {
    return Arrays.asList(changesAfter(tx));
  }

  /**
   * {@code base} (a newer index of the same datoms, through transaction {@code tx}) with {@link
   * #addedAfter}{@code (tx)} added: this tree's datoms over the newer index, when no transaction
   * after {@code tx} removed a datom. Sorted and distinct already, they go in unchecked.
   */
  public DatomTree rebasedOnto(DatomTree base, long tx) {
    Datom[] adds = changesAfter(tx);
    if (adds.length == 0) {
      return base;
    }
    // all after tx, and bounded by all the changes: the update need not read each one's tx (a
    // cache miss per datom, most of a rebase's time)
    TreeUpdate.TxRange addsTx = new TreeUpdate.TxRange(tx + 1, Branch.maxTx(changes().root));
    if (base.overlay == null && base.rootAddress == null) {
      return base.pathCopied(adds, NONE, addsTx);
    }
    Overlay o = base.overlay != null ? base.overlay : new Overlay(base, inMemory(), inMemory());
    return over(o.withAdded(adds, addsTx));
  }

  // the changes kept since this tree's base was stored, all of it for a tree all in memory; null
  // for a stored tree with none kept
  private DatomTree changes() {
    return overlay != null ? overlay.added : rootAddress == null ? this : null;
  }

  private Datom[] changesAfter(long tx) {
    DatomTree changes = changes();
    if (changes == null) {
      return NONE;
    }
    // the changes are a tree all in memory: leaf by leaf, without a cursor, into an array that
    // grows as it fills (those after tx are often few of the changes: a second rebase takes only
    // what came while the first one ran)
    After after = new After((int) Math.min(changes.size(), 1024));
    changes.collectAfter(changes.root, tx, after);
    return after.n == after.out.length ? after.out : Arrays.copyOf(after.out, after.n);
  }

  // the datoms collected so far
  private static final class After {
    Datom[] out;
    int n;

    After(int capacity) {
      out = new Datom[capacity];
    }

    void room(int more) {
      if (n + more > out.length) {
        out = Arrays.copyOf(out, Math.max(n + more, out.length * 2));
      }
    }
  }

  private void collectAfter(Node node, long tx, After after) {
    if (Branch.maxTx(node) <= tx) {
      // none after tx below: in an index sorted by entity or attribute, most of what an index job
      // left for the next one
      return;
    }
    if (node instanceof Leaf leaf) {
      after.room(leaf.keys.length);
      if (leaf.minTx > tx) { // all after tx: taken whole, unread
        System.arraycopy(leaf.keys, 0, after.out, after.n, leaf.keys.length);
        after.n += leaf.keys.length;
        return;
      }
      Datom[] out = after.out;
      int at = after.n;
      for (Datom d : leaf.keys) {
        if (d.tx() > tx) {
          out[at++] = d;
        }
      }
      after.n = at;
      return;
    }
    Branch b = (Branch) node;
    for (int i = 0; i < b.childCount(); i++) {
      collectAfter(b.child(i, source), tx, after);
    }
  }

  /** This tree with the changes copied into its own nodes, stored or not. */
  DatomTree pathCopied(List<Datom> sortedAdds, List<Datom> sortedRemoves) {
    return pathCopied(sortedArray(sortedAdds, "adds"), sortedArray(sortedRemoves, "removes"));
  }

  /** The same for arrays already sorted without duplicates (taken from a tree), unchecked. */
  DatomTree pathCopied(Datom[] adds, Datom[] removes) {
    return pathCopied(adds, removes, null);
  }

  /** The same, the tx of every add within {@code addsTx} (null: unknown). */
  DatomTree pathCopied(Datom[] adds, Datom[] removes, TreeUpdate.TxRange addsTx) {
    Node next = new TreeUpdate(cmp, limits, source, adds, removes, addsTx).apply(root);
    return next == root ? this : new DatomTree(cmp, next, source, limits, null, null);
  }

  // the changes kept apart from a stored tree: never stored themselves (an index job copies them
  // into the stored tree), so in nodes sized for path copies, not for segments
  private DatomTree inMemory() {
    return of(cmp, Leaf.EMPTY, NodeSource.NONE, NodeLimits.MEMORY);
  }

  /**
   * The tree an index job writes: this one, or for a stored tree with changes kept apart, the
   * stored tree with them copied in.
   */
  DatomTree materialized() {
    return overlay != null ? overlay.materialized() : this;
  }

  private Datom[] sortedArray(List<Datom> list, String name) {
    Datom[] array = Objects.requireNonNull(list, name).toArray(new Datom[0]);
    for (int i = 0; i < array.length; i++) {
      Objects.requireNonNull(array[i], name);
      if (i > 0 && cmp.compare(array[i - 1], array[i]) >= 0) {
        throw new IllegalArgumentException(
            name
                + " must be sorted without duplicates, but "
                + array[i - 1]
                + " is followed by "
                + array[i]);
      }
    }
    return array;
  }

  /**
   * The number of datoms {@code from <= d <= to}, from the subtree counts branches keep: only the
   * nodes on the paths to the two bounds are read, never the leaves between them.
   */
  public long count(Datom from, Datom to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return overlay != null ? overlay.count(from, to) : count(root, from, to);
  }

  private long count(Node node, Datom lo, Datom hi) {
    if (node instanceof Leaf leaf) {
      return Math.max(0, leaf.floor(hi, cmp) - leaf.ceiling(lo, cmp) + 1);
    }
    Branch b = (Branch) node;
    int n = b.childCount();
    int i = b.route(lo, cmp, 0);
    if (i >= n) {
      return 0;
    }
    int j = b.route(hi, cmp, i);
    if (i == j) {
      return count(b.child(i, source), lo, hi);
    }
    long total = count(b.child(i, source), lo, hi);
    for (int k = i + 1; k < Math.min(j, n); k++) {
      total += b.counts[k];
    }
    return j < n ? total + count(b.child(j, source), lo, hi) : total;
  }

  /** The datoms {@code from <= d <= to} in ascending order; a null bound is open. Lazy. */
  public Iterator<Datom> slice(Datom from, Datom to) {
    return overlay != null
        ? overlay.slice(from, to, null)
        : new Cursor(root, cmp, source, from, to, true);
  }

  /**
   * The same as {@link #slice}, moving {@code previous} there when it is an earlier slice of this
   * tree that its caller is done with (a join's lookups, one after another), else a new one.
   */
  public Iterator<Datom> slice(Datom from, Datom to, Iterator<Datom> previous) {
    if (overlay != null) {
      return overlay.slice(from, to, previous);
    }
    if (previous instanceof Cursor c && c.ascendsIn(root)) {
      c.seek(from, to);
      return c;
    }
    return slice(from, to);
  }

  /**
   * The datoms {@code from >= d >= to} in descending order: from {@code from} (null: the last) down
   * to {@code to} (null: open). Lazy.
   */
  public Iterator<Datom> rslice(Datom from, Datom to) {
    return overlay != null
        ? overlay.rslice(from, to)
        : new Cursor(root, cmp, source, from, to, false);
  }

  /** All datoms in ascending order. */
  @Override
  public Iterator<Datom> iterator() {
    return slice(null, null);
  }

  /**
   * Every datom of this tree, in order: for a tree without changes kept apart, copied leaf by leaf
   * rather than through a cursor (an index job takes whole in-memory trees this way).
   */
  Datom[] toArray() {
    Datom[] out = new Datom[Math.toIntExact(size())];
    if (overlay != null) {
      Iterator<Datom> it = iterator();
      for (int i = 0; i < out.length; i++) {
        out[i] = it.next();
      }
    } else {
      copyLeaves(root, out, 0);
    }
    return out;
  }

  private int copyLeaves(Node node, Datom[] out, int at) {
    if (node instanceof Leaf leaf) {
      System.arraycopy(leaf.keys, 0, out, at, leaf.keys.length);
      return at + leaf.keys.length;
    }
    Branch b = (Branch) node;
    for (int i = 0; i < b.childCount(); i++) {
      at = copyLeaves(b.child(i, source), out, at);
    }
    return at;
  }

  /** The least datom, or null when empty. */
  public Datom first() {
    if (overlay != null) {
      Iterator<Datom> it = slice(null, null);
      return it.hasNext() ? it.next() : null;
    }
    Node node = root;
    while (node instanceof Branch b) {
      node = b.child(0, source);
    }
    Leaf leaf = (Leaf) node;
    return leaf.keys.length == 0 ? null : leaf.keys[0];
  }

  /** The greatest datom, or null when empty. Reads only the root of an in-memory tree. */
  public Datom last() {
    if (overlay != null) {
      Iterator<Datom> it = rslice(null, null);
      return it.hasNext() ? it.next() : null;
    }
    return root.maxKey();
  }

  /** The root node; for a stored tree with changes kept apart, the stored tree's. */
  Node root() {
    return root;
  }

  String rootAddress() {
    return rootAddress;
  }

  NodeSource source() {
    return source;
  }

  NodeLimits limits() {
    return limits;
  }
}
