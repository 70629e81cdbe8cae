package io.vertomic.edn;

import java.util.AbstractList;
import java.util.Collection;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable EDN list, written {@code (a b c)}. It is what the reader returns for a list, so code
 * (and the printer) can tell a list from a vector ({@code [a b c]}, read as a plain {@link
 * java.util.List}) by type. Following the {@link java.util.List} contract it is {@code equals} to
 * any list with the same elements, vectors included. Elements may be null. Thread-safe.
 *
 * <pre>{@code EdnList.of(Symbol.of("inc"), 1L) // prints as (inc 1)}</pre>
 */
public final class EdnList extends AbstractList<Object> implements RandomAccess {
  private static final EdnList EMPTY = new EdnList(new Object[0]);

  private final Object[] items;

  /** Takes ownership of {@code items}: callers must not keep or change the array. */
  EdnList(Object[] items) {
    this.items = items;
  }

  /** The list of {@code items}, in order; nulls allowed. */
  public static EdnList of(Object... items) {
    return items.length == 0 ? EMPTY : new EdnList(items.clone());
  }

  /** A list holding the elements of {@code items}, in iteration order; nulls allowed. */
  public static EdnList copyOf(Collection<?> items) {
    Objects.requireNonNull(items, "items");
    if (items instanceof EdnList l) {
      return l;
    }
    return items.isEmpty() ? EMPTY : new EdnList(items.toArray());
  }

  @Override
  public Object get(int index) {
    Objects.checkIndex(index, items.length);
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  /** The canonical EDN text, e.g. {@code (inc 1)}. */
  @Override
  public String toString() {
    return Edn.write(this);
  }
}
