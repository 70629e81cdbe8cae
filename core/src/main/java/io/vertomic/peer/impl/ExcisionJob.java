package io.vertomic.peer.impl;

import io.vertomic.datom.Datom;
import io.vertomic.db.DbValue;
import io.vertomic.log.StorageLog;
import io.vertomic.storage.Storage;
import io.vertomic.tx.Excision;
import io.vertomic.wire.DbRoot;
import io.vertomic.wire.TxEntry;
import io.vertomic.wire.TxEntryCodec;
import java.util.Date;
import java.util.List;

/**
 * The storage side of excision, run after an index job whose value made new excisions: the stored
 * log entries that held excised datoms are rewritten without them, and every segment the new index
 * no longer reaches is deleted at once (not after {@code gcStorage}'s grace period), from storage
 * and, through a {@code TieredStorage}, from the segment cache. Afterwards no stored byte holds an
 * excised value. A peer still reading a value older than the new index may then miss a segment; it
 * reads the current value again. Blocks the calling thread (not an event loop).
 */
final class ExcisionJob {
  private ExcisionJob() {}

  /** Whether {@code db} made an excision after {@code sinceT}. */
  static boolean needed(DbValue db, long sinceT) {
    for (Excision.Rule r : Excision.recorded(db)) {
      if (r.t() > sinceT) {
        return true;
      }
    }
    return false;
  }

  /**
   * Cleans the log of database {@code root.id()} up to {@code db}'s basis and deletes the segments
   * {@code root} (the new index, of {@code db}) does not reach.
   */
  static void run(Storage storage, DbRoot root, DbValue db) {
    List<Excision.Rule> rules = Excision.recorded(db);
    StorageLog log = new StorageLog(storage, root.id());
    long from = 0;
    while (true) {
      List<TxEntry> page = Blocking.await(log.read(from, db.basisT() + 1), "read log");
      for (TxEntry e : page) {
        List<Datom> kept = Excision.clean(e.datoms(), rules, db);
        if (kept != e.datoms()) {
          TxEntry clean = new TxEntry(e.t(), e.nextT(), e.nextDbCounter(), kept);
          Blocking.await(
              storage.replaceLog(root.id(), e.t(), TxEntryCodec.encode(clean)),
              "rewrite log entry t=" + e.t());
        }
      }
      if (page.size() < StorageLog.PAGE) {
        break;
      }
      from = page.get(page.size() - 1).t() + 1;
    }
    StorageGc.collect(storage, root, new Date(Long.MAX_VALUE));
  }
}
