package io.vertomic.bench;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The {@link Engine.Session} a {@link RealWorkload} hands the runner: it only runs its one query
 * (returning the answer's size); the people-specific operations do not apply. Closing keeps the
 * shared database.
 */
record RealSession(Supplier<Long> op) implements Engine.Session {
  @Override
  public long[] transactPersons(List<People.Person> persons, IntFunction<Long> idOf) {
    throw new UnsupportedOperationException("a real-data session runs its query only");
  }

  @Override
  public long countPersons() {
    throw new UnsupportedOperationException("a real-data session runs its query only");
  }

  @Override
  public long q(String query, Object... inputs) {
    throw new UnsupportedOperationException("a real-data session runs its query only");
  }

  @Override
  public long pull(String selector, long[] ids) {
    throw new UnsupportedOperationException("a real-data session runs its query only");
  }

  @Override
  public long walkAevt(String attr) {
    throw new UnsupportedOperationException("a real-data session runs its query only");
  }

  @Override
  public long indexPull(String selector, String attr, int n) {
    throw new UnsupportedOperationException("a real-data session runs its query only");
  }

  @Override
  public long qseq(String query) {
    throw new UnsupportedOperationException("a real-data session runs its query only");
  }

  @Override
  public void close() {}
}
