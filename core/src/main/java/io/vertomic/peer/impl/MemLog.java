package io.vertomic.peer.impl;

import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.peer.Log;
import io.vertomic.peer.LogEntry;
import io.vertomic.tx.Excision;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@link Log} of a database: entries come from {@code entries} (the writer's memory for mem,
 * the storage log for durable databases). A bound is a t or tx id, or a date: the first transaction
 * whose {@code :db/txInstant} is at or after it, so that {@code [start, end)} selects by instant
 * too.
 */
record MemLog(Supplier<DbValue> db, Range entries) implements Log {
  /** The entries with {@code from <= t < to}, in order (read lazily where the log is durable). */
  @FunctionalInterface
  interface Range {
    Iterable<LogEntry> read(long from, long to);
  }

  @Override
  public Iterable<LogEntry> txRange(Object start, Object end) {
    DbValue db = this.db.get();
    long from = start == null ? 0 : bound(db, start);
    long to = end == null ? Long.MAX_VALUE : bound(db, end);
    Iterable<LogEntry> raw = entries.read(from, to);
    // the writer's memory and a peer's novelty still hold excised datoms: the log never shows them
    List<Excision.Rule> rules = Excision.recorded(db);
    if (rules.isEmpty()) {
      return raw;
    }
    return () -> {
      Iterator<LogEntry> it = raw.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public LogEntry next() {
          LogEntry e = it.next();
          return new LogEntry(e.t(), Excision.clean(e.data(), rules, db));
        }
      };
    };
  }

  private static long bound(DbValue db, Object x) {
    return x instanceof Date date ? Resolver.firstTAtOrAfter(db, date) : Resolver.t(db, x);
  }
}
