package io.vertomic.wire;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable map of a few entries in the order given, held in two arrays: what {@link
 * TxDataCodec#decode} gives for an entity map, in place of a linked hash map (a table, a node per
 * entry and a wrapper for each of the thousands of maps in a batch). Lookups scan, so it is for
 * maps of at most {@link #MAX} keys.
 */
final class SmallMap extends AbstractMap<Object, Object> {
  /** The most keys a small map holds. */
  static final int MAX = 16;

  private final Object[] keys;
  private final Object[] values;

  /** The map of {@code keys[i]} to {@code values[i]}: distinct keys, arrays not shared. */
  SmallMap(Object[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** Where {@code k} is among the first {@code n} of {@code keys} (none null), or -1. */
  static int indexOf(Object[] keys, int n, Object k) {
    for (int i = 0; k != null && i < n; i++) {
      if (keys[i].equals(k)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(keys, keys.length, key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(keys, keys.length, key);
    return i < 0 ? null : values[i];
  }

  @Override
  public Set<Map.Entry<Object, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Map.Entry<Object, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Map.Entry<Object, Object> next() {
            if (next == keys.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }
    };
  }
}
