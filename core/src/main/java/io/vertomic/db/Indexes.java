package io.vertomic.db;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.fulltext.FulltextIndex;
import io.vertomic.index.DatomTree;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Bootstrap;
import io.vertomic.schema.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The eight trees of one database value: the current facts in each {@link IndexOrder}, and the past
 * (retracted assertions and their retractions) in each order. AVET holds only attributes that are
 * indexed or unique, VAET only references. With them, the fulltext index of the {@code
 * :db/fulltext} attributes. Immutable; {@link #apply} returns a new value that shares every
 * untouched node.
 */
public final class Indexes {
  private final DatomTree[] current;
  private final DatomTree[] past;
  private final FulltextIndex fulltext;

  private Indexes(DatomTree[] current, DatomTree[] past, FulltextIndex fulltext) {
    this.current = current;
    this.past = past;
    this.fulltext = fulltext;
  }

  private Indexes(DatomTree[] current, DatomTree[] past) {
    this(current, past, fulltextOf(current, past));
  }

  /** Eight empty trees. */
  public static Indexes empty() {
    DatomTree[] c = new DatomTree[4];
    DatomTree[] p = new DatomTree[4];
    for (IndexOrder o : IndexOrder.values()) {
      c[o.ordinal()] = DatomTree.empty(o.comparator());
      p[o.ordinal()] = DatomTree.empty(o.historyComparator());
    }
    return new Indexes(c, p, FulltextIndex.EMPTY);
  }

  /**
   * The indexes made of these trees, one per {@link IndexOrder} ordinal in each array; their
   * fulltext index is built from them at the first search.
   */
  public static Indexes of(DatomTree[] current, DatomTree[] past) {
    checkOrders(current, past);
    return new Indexes(current.clone(), past.clone());
  }

  /** The indexes made of these trees and the fulltext index of their values. */
  public static Indexes of(DatomTree[] current, DatomTree[] past, FulltextIndex fulltext) {
    checkOrders(current, past);
    return new Indexes(current.clone(), past.clone(), fulltext);
  }

  private static void checkOrders(DatomTree[] current, DatomTree[] past) {
    if (current.length != 4 || past.length != 4) {
      throw new IllegalArgumentException("one tree per index order");
    }
  }

  /** The tree of current facts in {@code order}. */
  public DatomTree current(IndexOrder order) {
    return current[order.ordinal()];
  }

  /** The tree of past facts in {@code order}. */
  public DatomTree past(IndexOrder order) {
    return past[order.ordinal()];
  }

  /** The fulltext index of every value of a {@code :db/fulltext} attribute these trees hold. */
  public FulltextIndex fulltext() {
    return fulltext;
  }

  /**
   * The indexes after a transaction: {@code asserted} become current, {@code removed} (the current
   * datoms a transaction retracted) stop being current, and {@code pastAdds} (removed assertions
   * and their retraction datoms, less {@code :db/noHistory} attributes) join the past. Changes new
   * to the trees, as a transaction's are ({@link DatomTree#withNovelty}): none asserted is current
   * already, every one removed is.
   */
  public Indexes apply(
      Schema schema, List<Datom> asserted, List<Datom> removed, List<Datom> pastAdds) {
    DatomTree[] c = current.clone();
    DatomTree[] p = past.clone();
    Datom[] eavtAdds = sortedDistinct(asserted, IndexOrder.EAVT);
    Datom[] eavtRemoves = sortedDistinct(removed, IndexOrder.EAVT);
    for (IndexOrder o : IndexOrder.values()) {
      int i = o.ordinal();
      c[i] =
          switch (o) {
            case EAVT -> c[i].withSortedNovelty(eavtAdds, eavtRemoves);
            case AEVT -> c[i].withSortedNovelty(byAttribute(eavtAdds), byAttribute(eavtRemoves));
            default ->
                c[i].withSortedNovelty(
                    sortedDistinct(select(o, schema, asserted), o),
                    sortedDistinct(select(o, schema, removed), o));
          };
      List<Datom> padds = sortedPast(select(o, schema, pastAdds), o);
      if (!padds.isEmpty()) {
        p[i] = p[i].withNovelty(padds, List.of());
      }
    }
    return new Indexes(c, p, fulltext.with(fulltextDocs(schema, asserted, pastAdds)));
  }

  /**
   * {@code base} (the indexes through transaction {@code tx}, a newer index of this value's
   * database) with this value's datoms of the transactions after {@code tx}, taken from its trees
   * rather than replayed: the same datoms as this value when no transaction after {@code tx}
   * retracted anything, which the caller promises.
   */
  public Indexes rebasedOnto(Indexes base, Schema schema, long tx) {
    DatomTree[] c = new DatomTree[current.length];
    DatomTree[] p = new DatomTree[past.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = current[i].rebasedOnto(base.current[i], tx);
      p[i] = past[i].rebasedOnto(base.past[i], tx);
    }
    List<Datom> docs = List.of();
    if (schema.attrs().stream().anyMatch(Attr::fulltext)) {
      docs = fulltextDocs(schema, current[IndexOrder.EAVT.ordinal()].addedAfter(tx), List.of());
    }
    return new Indexes(c, p, base.fulltext.with(docs));
  }

  /** Whether every tree here holds as many datoms as the same tree of {@code other}. */
  public boolean sizesEqual(Indexes other) {
    for (int i = 0; i < current.length; i++) {
      if (current[i].size() != other.current[i].size() || past[i].size() != other.past[i].size()) {
        return false;
      }
    }
    return true;
  }

  // A transaction's fulltext documents: its assertions and its retraction datoms
  private static List<Datom> fulltextDocs(
      Schema schema, List<Datom> asserted, List<Datom> pastAdds) {
    List<Datom> out = new ArrayList<>();
    for (Datom d : asserted) {
      if (d.v() instanceof String && isFulltext(schema, d.a())) {
        out.add(d);
      }
    }
    for (Datom d : pastAdds) {
      if (!d.added() && d.v() instanceof String && isFulltext(schema, d.a())) {
        out.add(d);
      }
    }
    return out;
  }

  private static boolean isFulltext(Schema schema, long attr) {
    Attr a = schema.attr(attr);
    return a != null && a.fulltext();
  }

  /**
   * The fulltext index of trees read back or rewritten, built at the first search from every datom
   * of a string value of an attribute the trees say is {@code :db/fulltext}.
   */
  private static FulltextIndex fulltextOf(DatomTree[] current, DatomTree[] past) {
    DatomTree aevt = current[IndexOrder.AEVT.ordinal()];
    DatomTree pastAevt = past[IndexOrder.AEVT.ordinal()];
    return FulltextIndex.of(
        () -> {
          List<Datom> out = new ArrayList<>();
          Iterator<Datom> flags =
              aevt.slice(Bounds.min(Bootstrap.FULLTEXT), Bounds.max(Bootstrap.FULLTEXT));
          while (flags.hasNext()) {
            Datom flag = flags.next();
            if (Boolean.TRUE.equals(flag.v())) {
              for (DatomTree t : List.of(aevt, pastAevt)) {
                t.slice(Bounds.min(flag.e()), Bounds.max(flag.e()))
                    .forEachRemaining(
                        d -> {
                          if (d.v() instanceof String) {
                            out.add(d);
                          }
                        });
              }
            }
          }
          return out;
        });
  }

  /**
   * The indexes without {@code current} (current datoms) and {@code past} (past datoms): excision,
   * which forgets datoms as if they had never been.
   */
  public Indexes excise(Schema schema, List<Datom> current, List<Datom> past) {
    DatomTree[] c = this.current.clone();
    DatomTree[] p = this.past.clone();
    for (IndexOrder o : IndexOrder.values()) {
      int i = o.ordinal();
      Datom[] rems = sortedDistinct(select(o, schema, current), o);
      if (rems.length > 0) {
        c[i] = c[i].withChanges(List.of(), Arrays.asList(rems));
      }
      List<Datom> prems = sortedPast(select(o, schema, past), o);
      if (!prems.isEmpty()) {
        p[i] = p[i].withChanges(List.of(), prems);
      }
    }
    return new Indexes(c, p); // the fulltext index forgets them too: it is built anew
  }

  /**
   * The indexes with attribute {@code attr}'s datoms added to AVET (when {@code include}) or taken
   * out of it, after its {@code :db/index} or {@code :db/unique} changed.
   */
  public Indexes withAvet(long attr, boolean include) {
    DatomTree[] c = current.clone();
    DatomTree[] p = past.clone();
    int i = IndexOrder.AVET.ordinal();
    c[i] = rebuildAvet(current(IndexOrder.AEVT), c[i], attr, include, IndexOrder.AVET.comparator());
    p[i] =
        rebuildAvet(
            past(IndexOrder.AEVT), p[i], attr, include, IndexOrder.AVET.historyComparator());
    return new Indexes(c, p, fulltext);
  }

  private static DatomTree rebuildAvet(
      DatomTree aevt, DatomTree avet, long attr, boolean include, java.util.Comparator<Datom> cmp) {
    List<Datom> ds = new ArrayList<>();
    Iterator<Datom> it = aevt.slice(Bounds.min(attr), Bounds.max(attr));
    it.forEachRemaining(ds::add);
    ds.sort(cmp);
    return include ? avet.withChanges(ds, List.of()) : avet.withChanges(List.of(), ds);
  }

  // the datoms of ds that o's index holds: ds itself for EAVT and AEVT, which hold them all
  private static List<Datom> select(IndexOrder o, Schema schema, List<Datom> ds) {
    if (o == IndexOrder.EAVT || o == IndexOrder.AEVT) {
      return ds;
    }
    List<Datom> out = new ArrayList<>();
    for (Datom d : ds) {
      Attr a = schema.attr(d.a());
      if (a != null && (o == IndexOrder.AVET ? a.inAvet() : a.isRef())) {
        out.add(d);
      }
    }
    return out;
  }

  // a sorted copy of ds, past datoms in o
  private static List<Datom> sortedPast(List<Datom> ds, IndexOrder o) {
    Datom[] sorted = ds.toArray(new Datom[0]);
    Arrays.sort(sorted, o.historyComparator());
    return Arrays.asList(sorted);
  }

  // past this many attributes in one transaction, byAttribute sorts
  private static final int MAX_GROUPED_ATTRS = 64;

  // the datoms of eavt (sorted and distinct in EAVT) in AEVT: grouped by attribute in the order of
  // their ids, each group in the order it came, which is AEVT's within an attribute; one pass and a
  // count instead of a sort (most transactions touch a few attributes)
  private static Datom[] byAttribute(Datom[] eavt) {
    long[] attrs = new long[8];
    int[] counts = new int[8];
    int distinct = 0;
    for (Datom d : eavt) {
      int at = Arrays.binarySearch(attrs, 0, distinct, d.a());
      if (at < 0) {
        if (distinct == MAX_GROUPED_ATTRS) {
          Datom[] sorted = eavt.clone();
          Arrays.sort(sorted, IndexOrder.AEVT.comparator()); // stable: EAVT's order kept within
          return sorted;
        }
        at = -at - 1;
        if (distinct == attrs.length) {
          attrs = Arrays.copyOf(attrs, distinct * 2);
          counts = Arrays.copyOf(counts, distinct * 2);
        }
        System.arraycopy(attrs, at, attrs, at + 1, distinct - at);
        System.arraycopy(counts, at, counts, at + 1, distinct - at);
        attrs[at] = d.a();
        counts[at] = 0;
        distinct++;
      }
      counts[at]++;
    }
    int[] next = new int[distinct];
    for (int i = 1; i < distinct; i++) {
      next[i] = next[i - 1] + counts[i - 1];
    }
    Datom[] out = new Datom[eavt.length];
    for (Datom d : eavt) {
      out[next[Arrays.binarySearch(attrs, 0, distinct, d.a())]++] = d;
    }
    return out;
  }

  // sorts a by cmp, stably. A transaction's datoms come entity by entity, each entity's attributes
  // in any order: insertion sorts them in about one comparison each where TimSort takes five or
  // more; input further from sorted goes to Arrays.sort once insertion has moved four datoms per
  // datom (stable so far, so the whole stays stable)
  static void sortNearlySorted(Datom[] a, java.util.Comparator<Datom> cmp) {
    long moves = 4L * a.length;
    for (int i = 1; i < a.length; i++) {
      Datom x = a[i];
      int j = i - 1;
      if (cmp.compare(a[j], x) <= 0) {
        continue;
      }
      do {
        a[j + 1] = a[j];
        j--;
        moves--;
      } while (j >= 0 && cmp.compare(a[j], x) > 0);
      a[j + 1] = x;
      if (moves < 0) {
        Arrays.sort(a, cmp);
        return;
      }
    }
  }

  // a copy of ds sorted by o, the first of datoms equal under it kept
  private static Datom[] sortedDistinct(List<Datom> ds, IndexOrder o) {
    Datom[] sorted = ds.toArray(new Datom[0]);
    if (sorted.length < 2) {
      return sorted;
    }
    java.util.Comparator<Datom> cmp = o.comparator();
    if (o == IndexOrder.EAVT) {
      sortNearlySorted(sorted, cmp);
    } else {
      Arrays.sort(sorted, cmp); // stable: the first of equal ones stays first
    }
    int n = 1;
    for (int i = 1; i < sorted.length; i++) {
      if (cmp.compare(sorted[n - 1], sorted[i]) != 0) {
        sorted[n++] = sorted[i];
      }
    }
    return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
  }
}
