package io.vertomic.bench;

import java.util.function.Supplier;

/**
 * What a {@link RealWorkload} prepares for a run: its one query against the shared database,
 * returning the answer's size. Closing keeps the shared database.
 */
record RealSession(Supplier<Long> op) implements Workload.Prepared {
  @Override
  public void close() {}
}
