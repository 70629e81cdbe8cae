package io.vertomic.peer.impl;

import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.db.DbValue;
import io.vertomic.db.Indexes;
import io.vertomic.log.TxLog;
import io.vertomic.peer.LogEntry;
import io.vertomic.tx.TxProcessor;
import java.util.ArrayList;
import java.util.List;

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
   * counter. Consecutive entries that replay together ({@link TxProcessor#replaysTogether}) are
   * replayed as one, which copies each changed index path once for the run rather than once per
   * transaction. Reads the log only, so it may run while the log grows.
   */
  static DbValue replayed(DbValue db, TxLog log, DbValue current) {
    db = rebased(db, log, current);
    List<Datom> run = new ArrayList<>();
    long runT = 0;
    for (LogEntry e : log.range(db.basisT() + 1, Long.MAX_VALUE)) {
      if (TxProcessor.replaysTogether(db, e.data())) {
        run.addAll(e.data());
        runT = e.t();
        continue;
      }
      db = replayed(db, runT, run, current);
      db = TxProcessor.replay(db, e.t(), e.data(), current.nextT(), current.nextDbCounter());
    }
    return replayed(db, runT, run, current);
  }

  /**
   * {@code indexed} moved on to {@code current}'s basis without replaying the log: when every
   * transaction between them only asserted ({@link TxProcessor#replaysTogether}), what {@code
   * current} added since {@code indexed}'s basis is taken from its trees, already sorted, as the
   * bulk of a load is. Else {@code indexed} as it is, for the replay.
   */
  private static DbValue rebased(DbValue indexed, TxLog log, DbValue current) {
    if (current.basisT() <= indexed.basisT()) {
      return indexed;
    }
    long last = -1;
    for (LogEntry e : log.range(indexed.basisT() + 1, current.basisT() + 1)) {
      if (!TxProcessor.replaysTogether(indexed, e.data())) {
        return indexed;
      }
      last = e.t();
    }
    if (last != current.basisT()) {
      return indexed; // the log does not hold current's transactions after the index
    }
    Indexes idx =
        current
            .indexes()
            .rebasedOnto(indexed.indexes(), current.schema(), EntityId.tToTx(indexed.basisT()));
    if (!idx.sizesEqual(current.indexes())) {
      return indexed; // current's trees are not over an older index than this one
    }
    return indexed.next(
        idx, current.schema(), current.basisT(), current.nextT(), current.nextDbCounter());
  }

  // db with the datoms of a run of entries through t replayed, when there are any; clears run
  private static DbValue replayed(DbValue db, long t, List<Datom> run, DbValue current) {
    if (run.isEmpty()) {
      return db;
    }
    DbValue out = TxProcessor.replay(db, t, run, current.nextT(), current.nextDbCounter());
    run.clear();
    return out;
  }
}
