package io.vertomic.client;

import java.util.List;

/**
 * One transaction of the log, as {@link Connection#txRange} streams it: its {@code t} and the
 * datoms it asserted and retracted. Immutable; {@code data} is an unmodifiable copy.
 */
public record Tx(long t, List<Datom> data) {
  public Tx {
    data = List.copyOf(data);
  }
}
