package io.vertomic.peer.impl;

import io.vertomic.db.DbValue;
import java.util.function.Supplier;

/**
 * A database value computed once, at its first use, on the thread that first asks: the db-after of
 * a transaction applied in a group, derived from the one before it only if someone reads it.
 * Thread-safe.
 */
final class LazyValue implements Supplier<DbValue> {
  private Supplier<DbValue> compute;
  private volatile DbValue value;

  private LazyValue(Supplier<DbValue> compute, DbValue value) {
    this.compute = compute;
    this.value = value;
  }

  /** The value {@code compute} gives, computed at the first {@link #get}. */
  static LazyValue of(Supplier<DbValue> compute) {
    return new LazyValue(compute, null);
  }

  /** A value already known. */
  static LazyValue known(DbValue value) {
    return new LazyValue(null, value);
  }

  @Override
  public DbValue get() {
    DbValue v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = compute.get();
          value = v;
          compute = null; // let what it reached go
        }
      }
    }
    return v;
  }
}
