package io.vertomic.datom;

import io.vertomic.edn.Keyword;
import java.util.Comparator;

/**
 * The four sort orders of the indexes. EAVT holds every datom; AEVT every datom, by attribute; AVET
 * the datoms of attributes that are indexed or unique; VAET the datoms of reference attributes, by
 * the entity referred to.
 *
 * <p>Each order has two comparators: {@link #comparator()} sorts by its three components only and
 * identifies a current fact (one value of e, a, v at a time), {@link #historyComparator()} also
 * sorts by tx and then assertion before retraction, for trees that hold a fact's whole past.
 */
public enum IndexOrder {
  EAVT,
  AEVT,
  AVET,
  VAET;

  private final Comparator<Datom> current = comparatorFor(ordinal());
  private final Comparator<Datom> history = current.thenComparing((x, y) -> compareTxAdded(x, y));

  /** Compares by this order's three components (e, a, v in its order). */
  public Comparator<Datom> comparator() {
    return current;
  }

  /** Compares by the three components, then tx, then assertion before retraction. */
  public Comparator<Datom> historyComparator() {
    return history;
  }

  /** The keyword naming this index, e.g. {@code :eavt}. */
  public Keyword keyword() {
    return Keyword.of(name().toLowerCase(java.util.Locale.ROOT));
  }

  /** The order named by a keyword or string such as {@code :aevt} or {@code "aevt"}. */
  public static IndexOrder named(Object name) {
    String text = name instanceof Keyword k ? k.text() : String.valueOf(name);
    if (text.startsWith(":")) {
      text = text.substring(1);
    }
    for (IndexOrder o : values()) {
      if (o.name().equalsIgnoreCase(text)) {
        return o;
      }
    }
    throw io.vertomic.anomaly.Anomaly.incorrect(
        "db.error/invalid-index",
        "Unknown index " + name + ": expected :eavt, :aevt, :avet or :vaet");
  }

  private static int compareTxAdded(Datom x, Datom y) {
    int c = Long.compare(x.tx(), y.tx());
    return c != 0 ? c : Boolean.compare(y.added(), x.added());
  }

  private static Comparator<Datom> comparatorFor(int ordinal) {
    return switch (ordinal) {
      case 0 ->
          (x, y) -> {
            int c = Long.compare(x.e(), y.e());
            if (c != 0) {
              return c;
            }
            c = Long.compare(x.a(), y.a());
            return c != 0 ? c : Values.compare(x.v(), y.v());
          };
      case 1 ->
          (x, y) -> {
            int c = Long.compare(x.a(), y.a());
            if (c != 0) {
              return c;
            }
            c = Long.compare(x.e(), y.e());
            return c != 0 ? c : Values.compare(x.v(), y.v());
          };
      case 2 ->
          (x, y) -> {
            int c = Long.compare(x.a(), y.a());
            if (c != 0) {
              return c;
            }
            c = Values.compare(x.v(), y.v());
            return c != 0 ? c : Long.compare(x.e(), y.e());
          };
      default ->
          (x, y) -> {
            int c = Values.compare(x.v(), y.v());
            if (c != 0) {
              return c;
            }
            c = Long.compare(x.a(), y.a());
            return c != 0 ? c : Long.compare(x.e(), y.e());
          };
    };
  }
}
