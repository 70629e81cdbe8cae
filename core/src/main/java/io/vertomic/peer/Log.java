package io.vertomic.peer;

/** The transaction log of a database: every transaction in {@code t} order. */
public interface Log {

  /**
   * The transactions with {@code start <= t < end}; a null bound is open. Bounds are a {@code t}, a
   * tx id, or a {@code java.util.Date}.
   */
  Iterable<LogEntry> txRange(Object start, Object end);
}
