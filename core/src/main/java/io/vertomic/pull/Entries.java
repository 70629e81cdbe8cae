package io.vertomic.pull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one pulled entity, filled as Datomic fills them where two specs share a key (through
 * {@code :as}). Without a wildcard the specs count in the order written, and a value stands unless
 * it is nil or false; with one, the values count in the order of their attributes' ids, and a later
 * one takes the key unless it is nil or false. Defaults count where they were written, or after the
 * values with a wildcard.
 */
final class Entries {
  private record Entry(long order, Object key, Object value) {}

  private final boolean star;
  private final List<Entry> values = new ArrayList<>();
  private final List<Entry> defaults = new ArrayList<>();

  Entries(boolean star) {
    this.star = star;
  }

  /** A value found for the attribute of id {@code order} (the entity id: any negative). */
  void value(long order, Object key, Object v) {
    values.add(new Entry(order, key, v));
  }

  void dflt(Object key, Object v) {
    (star ? defaults : values).add(new Entry(0, key, v));
  }

  Map<Object, Object> toMap() {
    Map<Object, Object> out = new LinkedHashMap<>();
    if (star) {
      values.sort(Comparator.comparingLong(Entry::order));
      for (Entry e : values) {
        if (!out.containsKey(e.key()) || !falsy(e.value())) {
          out.put(e.key(), e.value());
        }
      }
    } else {
      values.forEach(e -> putUnlessSet(out, e));
    }
    defaults.forEach(e -> putUnlessSet(out, e));
    return out;
  }

  private static void putUnlessSet(Map<Object, Object> out, Entry e) {
    if (falsy(out.get(e.key()))) {
      out.put(e.key(), e.value());
    }
  }

  private static boolean falsy(Object v) {
    return v == null || Boolean.FALSE.equals(v);
  }
}
