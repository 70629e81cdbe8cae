package io.vertomic.db;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Iterators that turn the current and past trees into the datoms of a view: as-of (each fact's last
 * state at or before a tx), since (only facts added after a tx) and history (every assertion and
 * retraction), filtered views (a filter's pick of the history, then resolved), plus the bounded
 * walk of an index range. All lazy and in index order.
 */
final class Scan {
  private Scan() {}

  /** Current facts asserted after {@code sinceTx}. */
  static Iterator<Datom> since(Iterator<Datom> current, long sinceTx) {
    return filter(current, d -> d.tx() > sinceTx);
  }

  /** Every assertion and retraction with {@code sinceTx < tx <= asOfTx}. */
  static Iterator<Datom> history(
      IndexOrder o, Iterator<Datom> current, Iterator<Datom> past, long asOfTx, long sinceTx) {
    Iterator<Datom> all = merge(current, past, o.historyComparator());
    return filter(all, d -> d.tx() <= asOfTx && d.tx() > sinceTx);
  }

  /** The facts true at {@code asOfTx}, and asserted after {@code sinceTx}. */
  static Iterator<Datom> asOf(
      IndexOrder o, Iterator<Datom> current, Iterator<Datom> past, long asOfTx, long sinceTx) {
    return new AsOf(
        merge(current, past, o.historyComparator()), o.comparator(), asOfTx, sinceTx, false);
  }

  /** {@link #history} walking both trees downwards ({@code rslice}s). */
  static Iterator<Datom> rhistory(
      IndexOrder o, Iterator<Datom> current, Iterator<Datom> past, long asOfTx, long sinceTx) {
    Iterator<Datom> all = merge(current, past, o.historyComparator().reversed());
    return filter(all, d -> d.tx() <= asOfTx && d.tx() > sinceTx);
  }

  /**
   * {@link #asOf} walking both trees downwards: within one fact the datoms come latest first, so
   * the fact's state at the as-of tx is the first one at or before it.
   */
  static Iterator<Datom> rasOf(
      IndexOrder o, Iterator<Datom> current, Iterator<Datom> past, long asOfTx, long sinceTx) {
    return new AsOf(
        merge(current, past, o.historyComparator().reversed()),
        o.comparator(),
        asOfTx,
        sinceTx,
        true);
  }

  /**
   * The view of the history datoms that {@code inRange} (the view's time range) and then {@code
   * keep} (a filter) accept: those datoms themselves for a history view, else the kept assertions
   * that no kept retraction cancels ({@link Paired}). Both trees walk downwards when {@code
   * descending}.
   */
  static Iterator<Datom> filtered(
      IndexOrder o,
      Iterator<Datom> current,
      Iterator<Datom> past,
      Predicate<Datom> inRange,
      Predicate<Datom> keep,
      boolean history,
      boolean descending) {
    Comparator<Datom> order = descending ? o.historyComparator().reversed() : o.historyComparator();
    Iterator<Datom> kept =
        filter(merge(current, past, order), d -> inRange.test(d) && keep.test(d));
    return history ? kept : new Paired(kept, o.comparator(), descending);
  }

  /** The leading datoms of {@code in} that {@code keep} accepts; stops at the first it refuses. */
  static Iterator<Datom> takeWhile(Iterator<Datom> in, Predicate<Datom> keep) {
    return new Lookahead() {
      @Override
      Datom compute() {
        if (in.hasNext()) {
          Datom d = in.next();
          return keep.test(d) ? d : null;
        }
        return null;
      }
    };
  }

  private static Iterator<Datom> filter(Iterator<Datom> in, Predicate<Datom> keep) {
    return new Lookahead() {
      @Override
      Datom compute() {
        while (in.hasNext()) {
          Datom d = in.next();
          if (keep.test(d)) {
            return d;
          }
        }
        return null;
      }
    };
  }

  private static Iterator<Datom> merge(
      Iterator<Datom> a, Iterator<Datom> b, Comparator<Datom> cmp) {
    PeekingIterator pa = new PeekingIterator(a);
    PeekingIterator pb = new PeekingIterator(b);
    return new Lookahead() {
      @Override
      Datom compute() {
        if (pb.peek() == null || (pa.peek() != null && cmp.compare(pa.peek(), pb.peek()) <= 0)) {
          return pa.take();
        }
        return pb.take();
      }
    };
  }

  /**
   * An iterator that computes its next datom one step ahead; {@link #compute} returns null at the
   * end. The one shape every view iterator shares.
   */
  private abstract static class Lookahead implements Iterator<Datom> {
    private Datom next;
    private boolean ready;

    abstract Datom compute();

    @Override
    public boolean hasNext() {
      if (!ready) {
        next = compute();
        ready = true;
      }
      return next != null;
    }

    @Override
    public Datom next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ready = false;
      return next;
    }
  }

  /** An iterator whose next datom can be looked at before it is taken. */
  private static final class PeekingIterator {
    private final Iterator<Datom> in;
    private Datom head;

    PeekingIterator(Iterator<Datom> in) {
      this.in = in;
      this.head = in.hasNext() ? in.next() : null;
    }

    Datom peek() {
      return head;
    }

    Datom take() {
      Datom out = head;
      head = in.hasNext() ? in.next() : null;
      return out;
    }
  }

  /**
   * Groups a merged history by fact (e, a, v), and yields the fact when its latest datom at or
   * before the as-of tx is an assertion (the last of the group walking up, the first walking down).
   */
  private static final class AsOf extends Lookahead {
    private final PeekingIterator in;
    private final Comparator<Datom> fact;
    private final long asOfTx;
    private final long sinceTx;
    private final boolean descending;

    AsOf(
        Iterator<Datom> in, Comparator<Datom> fact, long asOfTx, long sinceTx, boolean descending) {
      this.in = new PeekingIterator(in);
      this.fact = fact;
      this.asOfTx = asOfTx;
      this.sinceTx = sinceTx;
      this.descending = descending;
    }

    @Override
    Datom compute() {
      while (in.peek() != null) {
        Datom first = in.peek();
        Datom last = null;
        while (in.peek() != null && fact.compare(first, in.peek()) == 0) {
          Datom d = in.take();
          if (d.tx() <= asOfTx && (last == null || !descending)) {
            last = d;
          }
        }
        if (last != null && last.added() && last.tx() > sinceTx) {
          return last;
        }
      }
      return null;
    }
  }

  /**
   * Groups a filter's pick of the history by fact (e, a, v) and yields the assertions no kept
   * retraction cancels. In tx order a retraction cancels the latest assertion before it that is not
   * yet cancelled, as Datomic resolves its memory index: a filter that drops a retraction brings
   * back the assertion it retracted, next to any later assertion of the same fact (both show, with
   * their own tx). Unfiltered, a fact's datoms alternate, so this is its latest state.
   */
  private static final class Paired extends Lookahead {
    private final PeekingIterator in;
    private final Comparator<Datom> fact;
    private final boolean descending;
    private final java.util.ArrayDeque<Datom> ready = new java.util.ArrayDeque<>();

    Paired(Iterator<Datom> in, Comparator<Datom> fact, boolean descending) {
      this.in = new PeekingIterator(in);
      this.fact = fact;
      this.descending = descending;
    }

    @Override
    Datom compute() {
      while (ready.isEmpty() && in.peek() != null) {
        Datom first = in.peek();
        java.util.ArrayList<Datom> group = new java.util.ArrayList<>(2);
        while (in.peek() != null && fact.compare(first, in.peek()) == 0) {
          group.add(in.take());
        }
        if (descending) {
          java.util.Collections.reverse(group);
        }
        java.util.ArrayList<Datom> open = new java.util.ArrayList<>(group.size());
        for (Datom d : group) {
          if (d.added()) {
            open.add(d);
          } else if (!open.isEmpty()) {
            open.remove(open.size() - 1);
          }
        }
        if (descending) {
          java.util.Collections.reverse(open);
        }
        ready.addAll(open);
      }
      return ready.poll();
    }
  }
}
