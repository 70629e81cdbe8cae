package io.vertomic.peer.impl;

import io.vertomic.db.DbValue;
import io.vertomic.log.TxLog;
import io.vertomic.peer.LogEntry;
import io.vertomic.tx.TxProcessor;

/**
 * Moving a database onto a newer durable index: the indexed value plus the transactions after its
 * index-basis-t, which the caller keeps in memory ({@code log}). The log then forgets what the
 * index covers. Used by the writer's process and by every peer, in two steps when the replay is
 * long: {@link #replayed} on another thread, then {@link #onto} where the database changes, which
 * replays only what came meanwhile.
 */
final class Novelty {
  private Novelty() {}

  /** {@code indexed} plus the log past it, replacing {@code current}; the log forgets the rest. */
  static DbValue onto(DbValue indexed, TxLog log, DbValue current) {
    return onto(indexed, indexed.basisT(), log, current);
  }

  /**
   * {@code prepared} (the index of basis {@code indexBasisT} with a prefix of the log replayed, by
   * {@link #replayed}) plus the log past it, replacing {@code current}; the log forgets what the
   * index covers.
   */
  static DbValue onto(DbValue prepared, long indexBasisT, TxLog log, DbValue current) {
    DbValue db = replayed(prepared, log, current);
    log.dropThrough(indexBasisT);
    if (db.nextT() != current.nextT() || db.nextDbCounter() != current.nextDbCounter()) {
      // nothing came since the prefix was replayed, with counters read apart from the log's end
      db =
          db.next(db.indexes(), db.schema(), db.basisT(), current.nextT(), current.nextDbCounter());
    }
    return db;
  }

  /**
   * {@code db} with the log's entries past its basis replayed, with {@code current}'s next t and
   * counter. Reads the log only, so it may run while the log grows.
   */
  static DbValue replayed(DbValue db, TxLog log, DbValue current) {
    for (LogEntry e : log.range(db.basisT() + 1, Long.MAX_VALUE)) {
      db = TxProcessor.replay(db, e.t(), e.data(), current.nextT(), current.nextDbCounter());
    }
    return db;
  }
}
