package io.vertomic.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A list cut into consecutive runs bounded in count and in bytes: the statements of an index job's
 * segments, the LMDB transactions of its chunks, the messages a peer sends its transactions in.
 */
public final class Chunks {
  private Chunks() {}

  /**
   * {@code items} in order, in runs of at most {@code maxItems} and at most {@code maxBytes} as
   * {@code bytes} counts them: an item that would take a run past {@code maxBytes} starts the next
   * one, and an item larger than that goes alone. The runs are views of {@code items}: copy one
   * before changing the list.
   */
  public static <T> List<List<T>> of(
      List<T> items, int maxItems, long maxBytes, ToLongFunction<T> bytes) {
    List<List<T>> out = new ArrayList<>();
    int from = 0;
    long size = 0;
    for (int i = 0; i < items.size(); i++) {
      long next = bytes.applyAsLong(items.get(i));
      if (i > from && (i - from == maxItems || size + next > maxBytes)) {
        out.add(items.subList(from, i));
        from = i;
        size = 0;
      }
      size += next;
    }
    if (from < items.size()) {
      out.add(items.subList(from, items.size()));
    }
    return out;
  }
}
