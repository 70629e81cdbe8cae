package io.vertomic.peer.impl;

import io.vertomic.db.DbValue;
import io.vertomic.log.TxLog;
import io.vertomic.peer.LogEntry;
import io.vertomic.tx.TxProcessor;

/**
 * Moving a database onto a newer durable index: the indexed value plus the transactions after its
 * index-basis-t, which the caller keeps in memory ({@code log}). The log then forgets what the
 * index covers. Used by the writer's process and by every peer.
 */
final class Novelty {
  private Novelty() {}

  static DbValue onto(DbValue indexed, TxLog log, DbValue current) {
    DbValue db = indexed;
    for (LogEntry e : log.range(indexed.basisT() + 1, Long.MAX_VALUE)) {
      db = TxProcessor.replay(db, e.t(), e.data(), current.nextT(), current.nextDbCounter());
    }
    log.dropThrough(indexed.basisT());
    return db;
  }
}
