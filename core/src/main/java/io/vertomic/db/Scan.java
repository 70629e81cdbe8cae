package io.vertomic.db;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Iterators that turn the current and past trees into the datoms of a view: as-of (each fact's last
 * state at or before a tx), since (only facts added after a tx) and history (every assertion and
 * retraction). All lazy and in index order.
 */
final class Scan {
  private Scan() {}

  /** Current facts asserted after {@code sinceTx}. */
  static Iterator<Datom> since(Iterator<Datom> current, long sinceTx) {
    return new Filtered(current, d -> d.tx() > sinceTx);
  }

  /** Every assertion and retraction with {@code sinceTx < tx <= asOfTx}. */
  static Iterator<Datom> history(
      IndexOrder o, Iterator<Datom> current, Iterator<Datom> past, long asOfTx, long sinceTx) {
    Iterator<Datom> all = new Merged(current, past, o.historyComparator());
    return new Filtered(all, d -> d.tx() <= asOfTx && d.tx() > sinceTx);
  }

  /** The facts true at {@code asOfTx}, and asserted after {@code sinceTx}. */
  static Iterator<Datom> asOf(
      IndexOrder o, Iterator<Datom> current, Iterator<Datom> past, long asOfTx, long sinceTx) {
    return new AsOf(
        new Merged(current, past, o.historyComparator()), o.comparator(), asOfTx, sinceTx);
  }

  /** Two sorted iterators merged into one. */
  private static final class Merged implements Iterator<Datom> {
    private final Iterator<Datom> a;
    private final Iterator<Datom> b;
    private final Comparator<Datom> cmp;
    private Datom na;
    private Datom nb;

    Merged(Iterator<Datom> a, Iterator<Datom> b, Comparator<Datom> cmp) {
      this.a = a;
      this.b = b;
      this.cmp = cmp;
      na = a.hasNext() ? a.next() : null;
      nb = b.hasNext() ? b.next() : null;
    }

    @Override
    public boolean hasNext() {
      return na != null || nb != null;
    }

    @Override
    public Datom next() {
      Datom out;
      if (nb == null || (na != null && cmp.compare(na, nb) <= 0)) {
        if (na == null) {
          throw new NoSuchElementException();
        }
        out = na;
        na = a.hasNext() ? a.next() : null;
      } else {
        out = nb;
        nb = b.hasNext() ? b.next() : null;
      }
      return out;
    }
  }

  /** Keeps the datoms a predicate accepts. */
  private static final class Filtered implements Iterator<Datom> {
    private final Iterator<Datom> in;
    private final java.util.function.Predicate<Datom> keep;
    private Datom next;

    Filtered(Iterator<Datom> in, java.util.function.Predicate<Datom> keep) {
      this.in = in;
      this.keep = keep;
      advance();
    }

    private void advance() {
      next = null;
      while (in.hasNext()) {
        Datom d = in.next();
        if (keep.test(d)) {
          next = d;
          return;
        }
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Datom next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Datom out = next;
      advance();
      return out;
    }
  }

  /**
   * Groups a merged history by fact (e, a, v), and yields the fact when its last datom at or before
   * the as-of tx is an assertion.
   */
  private static final class AsOf implements Iterator<Datom> {
    private final Iterator<Datom> in;
    private final Comparator<Datom> fact;
    private final long asOfTx;
    private final long sinceTx;
    private Datom pending;
    private Datom next;

    AsOf(Iterator<Datom> in, Comparator<Datom> fact, long asOfTx, long sinceTx) {
      this.in = in;
      this.fact = fact;
      this.asOfTx = asOfTx;
      this.sinceTx = sinceTx;
      pending = in.hasNext() ? in.next() : null;
      advance();
    }

    private void advance() {
      next = null;
      while (pending != null && next == null) {
        Datom last = null;
        Datom first = pending;
        while (pending != null && fact.compare(first, pending) == 0) {
          if (pending.tx() <= asOfTx) {
            last = pending;
          }
          pending = in.hasNext() ? in.next() : null;
        }
        if (last != null && last.added() && last.tx() > sinceTx) {
          next = last;
        }
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Datom next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Datom out = next;
      advance();
      return out;
    }
  }
}
