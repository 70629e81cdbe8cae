package io.vertomic.peer.impl;

import io.vertomic.db.DbValue;
import io.vertomic.log.TxLog;
import io.vertomic.peer.LogEntry;
import io.vertomic.tx.TxProcessor;

/**
 * Moving a database onto a newer durable index: the indexed value plus the transactions after its
 * index-basis-t, which the caller keeps in memory ({@code log}). The log then forgets what the
 * index covers. Used by the writer's process and by every peer.
 *
 * <p>In two steps, so that the owner of the database (the writer, a peer's applier) does not stop
 * taking transactions while thousands of them are replayed: {@link #prepare} replays what the log
 * holds, on any thread; {@link #finish}, on the owner's, replays only what came since.
 */
final class Novelty {
  private Novelty() {}

  /** The indexed value with the log's entries through {@code throughT} replayed onto it. */
  record Prepared(DbValue db, long throughT, long indexBasisT) {}

  /** Replays onto {@code indexed} the entries the log holds past its basis; any thread. */
  static Prepared prepare(DbValue indexed, TxLog log) {
    DbValue db = indexed;
    long through = indexed.basisT();
    for (LogEntry e : log.range(indexed.basisT() + 1, Long.MAX_VALUE)) {
      // the counters are the owner's to give, at finish
      db = TxProcessor.replay(db, e.t(), e.data(), db.nextT(), db.nextDbCounter());
      through = e.t();
    }
    return new Prepared(db, through, indexed.basisT());
  }

  /**
   * On the owner's thread: {@code p} plus the entries the log took since it was prepared, with the
   * id counters of {@code current} (the owner's value, which the log is complete for).
   */
  static DbValue finish(Prepared p, TxLog log, DbValue current) {
    DbValue db = p.db();
    for (LogEntry e : log.range(p.throughT() + 1, Long.MAX_VALUE)) {
      db = TxProcessor.replay(db, e.t(), e.data(), current.nextT(), current.nextDbCounter());
    }
    log.dropThrough(p.indexBasisT());
    return db.next(
        db.indexes(), db.schema(), db.basisT(), current.nextT(), current.nextDbCounter());
  }
}
