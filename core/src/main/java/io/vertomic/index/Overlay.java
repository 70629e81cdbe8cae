package io.vertomic.index;

import io.vertomic.datom.Datom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;

/**
 * A stored tree seen through the changes made since it was stored, which are kept apart in two
 * small in-memory trees, as Datomic keeps its memory index apart from the stored one: {@code added}
 * (datoms now present) and {@code hidden} (keys of stored datoms no longer present). The datoms are
 * {@code (base - hidden) + added}, where {@code added} never holds a key the base shows.
 *
 * <p>Why: changing a stored tree in place copies the path to every touched leaf, and those copies
 * stay in memory until the next index job; scattered inserts into a large index touch a different
 * leaf each, so memory grew with the database instead of with the novelty. Here memory holds only
 * the changed datoms; the base's nodes stay behind the segment cache. An index job writes {@link
 * #materialized}.
 */
final class Overlay {
  private static final Datom[] EMPTY = new Datom[0];
  final DatomTree base;
  final DatomTree added;
  final DatomTree hidden;

  Overlay(DatomTree base, DatomTree added, DatomTree hidden) {
    this.base = base;
    this.added = added;
    this.hidden = hidden;
  }

  long size() {
    return base.size() - hidden.size() + added.size();
  }

  Datom get(Datom key) {
    Datom d = added.get(key);
    if (d != null) {
      return d;
    }
    return hidden.contains(key) ? null : base.get(key);
  }

  long count(Datom from, Datom to) {
    return base.count(from, to) - hidden.count(from, to) + added.count(from, to);
  }

  /**
   * This overlay after {@code removes} then {@code adds} (sorted, distinct): a removed key leaves
   * {@code added} or, when the base shows it, joins {@code hidden}; an add whose key the base shows
   * hides the base's datom first, so that {@code added} and the visible base never share a key.
   */
  Overlay withChanges(Datom[] adds, Datom[] removes) {
    List<Datom> unadd = new ArrayList<>();
    TreeSet<Datom> hide = new TreeSet<>(base.comparator());
    for (Datom r : removes) {
      if (added.contains(r)) {
        unadd.add(r);
      } else if (shownByBase(r)) {
        hide.add(r);
      }
    }
    for (Datom a : adds) {
      if (!added.contains(a) && shownByBase(a)) {
        hide.add(a);
      }
    }
    // sorted and distinct already (DatomTree.withChanges checked them): path-copied into the added
    // tree (all in memory) without being copied to another array and checked again
    DatomTree nextAdded = added.pathCopied(adds, unadd.toArray(EMPTY));
    DatomTree nextHidden =
        hide.isEmpty() ? hidden : hidden.withChanges(new ArrayList<>(hide), List.of());
    return new Overlay(base, nextAdded, nextHidden);
  }

  /**
   * The same as {@link #withChanges} for changes known to be new to the tree (no add's key shown,
   * every remove's key shown, as a transaction's are): no lookup into the base.
   */
  Overlay withNovelty(Datom[] adds, Datom[] removes) {
    List<Datom> unadd = new ArrayList<>();
    List<Datom> hide = new ArrayList<>();
    for (Datom r : removes) {
      (added.contains(r) ? unadd : hide).add(r);
    }
    // sorted and distinct already, as the caller promised: path-copied into the added tree (all
    // in memory) without being copied to another array and checked again
    DatomTree nextAdded = added.pathCopied(adds, unadd.toArray(EMPTY));
    DatomTree nextHidden = hide.isEmpty() ? hidden : hidden.withChanges(hide, List.of());
    return new Overlay(base, nextAdded, nextHidden);
  }

  /** This overlay with {@code adds} (sorted, distinct, none shown yet) added, unchecked. */
  Overlay withAdded(Datom[] adds, TreeUpdate.TxRange addsTx) {
    return new Overlay(base, added.pathCopied(adds, EMPTY, addsTx), hidden);
  }

  private boolean shownByBase(Datom key) {
    return !hidden.contains(key) && base.contains(key);
  }

  /** Whether nothing changed since the base was stored. */
  boolean isEmpty() {
    return added.isEmpty() && hidden.isEmpty();
  }

  /** The same datoms as one tree over the base's nodes, for writing: copies the changed paths. */
  DatomTree materialized() {
    // both trees are sorted and distinct already: no check of their order on the way
    return base.pathCopied(added.toArray(), hidden.toArray());
  }

  /**
   * The datoms {@code from <= d <= to}; where nothing changed in that range, the base's own slice,
   * moving {@code previous} as {@link DatomTree#slice(Datom, Datom, Iterator)} does.
   */
  Iterator<Datom> slice(Datom from, Datom to, Iterator<Datom> previous) {
    Iterator<Datom> h = hidden.slice(from, to);
    Iterator<Datom> a = added.slice(from, to);
    if (!h.hasNext() && !a.hasNext()) {
      return base.slice(from, to, previous);
    }
    return new Merged(base.slice(from, to), h, a, base.comparator());
  }

  Iterator<Datom> rslice(Datom from, Datom to) {
    return new Merged(
        base.rslice(from, to),
        hidden.rslice(from, to),
        added.rslice(from, to),
        base.comparator().reversed());
  }

  /**
   * The base's datoms that are not hidden, merged with the added ones, all three read in one order
   * ({@code cmp}, reversed for a descending walk).
   */
  private static final class Merged implements Iterator<Datom> {
    private final Iterator<Datom> base;
    private final Iterator<Datom> hidden;
    private final Iterator<Datom> added;
    private final Comparator<Datom> cmp;
    private Datom nextBase;
    private Datom nextHidden;
    private Datom nextAdded;

    Merged(
        Iterator<Datom> base,
        Iterator<Datom> hidden,
        Iterator<Datom> added,
        Comparator<Datom> cmp) {
      this.base = base;
      this.hidden = hidden;
      this.added = added;
      this.cmp = cmp;
      this.nextHidden = hidden.hasNext() ? hidden.next() : null;
      this.nextAdded = added.hasNext() ? added.next() : null;
      advanceBase();
    }

    private void advanceBase() {
      while (base.hasNext()) {
        Datom d = base.next();
        while (nextHidden != null && cmp.compare(nextHidden, d) < 0) {
          nextHidden = hidden.hasNext() ? hidden.next() : null;
        }
        if (nextHidden == null || cmp.compare(nextHidden, d) != 0) {
          nextBase = d;
          return;
        }
      }
      nextBase = null;
    }

    @Override
    public boolean hasNext() {
      return nextBase != null || nextAdded != null;
    }

    @Override
    public Datom next() {
      if (nextBase == null && nextAdded == null) {
        throw new NoSuchElementException();
      }
      int c = nextAdded == null ? -1 : nextBase == null ? 1 : cmp.compare(nextBase, nextAdded);
      if (c < 0) {
        Datom d = nextBase;
        advanceBase();
        return d;
      }
      if (c == 0) {
        advanceBase(); // an added datom replaces an equal one of the base
      }
      Datom d = nextAdded;
      nextAdded = added.hasNext() ? added.next() : null;
      return d;
    }
  }
}
