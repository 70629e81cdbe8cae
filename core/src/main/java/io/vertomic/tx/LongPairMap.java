package io.vertomic.tx;

import java.util.Objects;

/**
 * A map from pairs of longs, such as (entity, attribute), to values that are never null, in open
 * addressing over three arrays: no key object and no entry per pair, which a transaction of
 * thousands of cardinality-one assertions made by the thousand. The arrays come with the first
 * pair: a replayed transaction never puts one. Not thread-safe.
 */
final class LongPairMap<V> {
  private final int initialCapacity;
  private long[] firsts;
  private long[] seconds;
  private Object[] values; // null until the first put
  private int size;

  /** An empty map sized for {@code expected} pairs. */
  LongPairMap(int expected) {
    initialCapacity = Integer.highestOneBit(Math.max(8, expected + expected / 2) - 1) << 1;
  }

  private void allocate(int capacity) {
    firsts = new long[capacity];
    seconds = new long[capacity];
    values = new Object[capacity];
  }

  int size() {
    return size;
  }

  /** The value of ({@code first}, {@code second}), or null. */
  @SuppressWarnings("unchecked")
  V get(long first, long second) {
    return values == null ? null : (V) values[find(first, second)];
  }

  /** Puts {@code value} for the pair unless it has one; returns the one it had, or null. */
  @SuppressWarnings("unchecked")
  V putIfAbsent(long first, long second, V value) {
    Objects.requireNonNull(value, "value");
    if (values == null) {
      allocate(initialCapacity);
    }
    int i = find(first, second);
    if (values[i] != null) {
      return (V) values[i];
    }
    firsts[i] = first;
    seconds[i] = second;
    values[i] = value;
    if (++size * 3 > values.length * 2) { // past two thirds full
      grow();
    }
    return null;
  }

  private void grow() {
    long[] f = firsts;
    long[] s = seconds;
    Object[] v = values;
    allocate(v.length * 2);
    for (int j = 0; j < v.length; j++) {
      if (v[j] != null) {
        int i = find(f[j], s[j]); // an empty slot: the pairs are distinct
        firsts[i] = f[j];
        seconds[i] = s[j];
        values[i] = v[j];
      }
    }
  }

  // the slot holding the pair, else the empty slot where its probe ends
  private int find(long first, long second) {
    int mask = values.length - 1;
    int i = slot(first, second, mask);
    while (values[i] != null && (firsts[i] != first || seconds[i] != second)) {
      i = (i + 1) & mask;
    }
    return i;
  }

  // entity ids differ in their low bits and attributes are few: both mixed into every bit
  private static int slot(long first, long second, int mask) {
    long h = first * 0x9E3779B97F4A7C15L + second * 0xC2B2AE3D27D4EB4FL;
    return (int) (h ^ (h >>> 32) ^ (h >>> 17)) & mask;
  }
}
