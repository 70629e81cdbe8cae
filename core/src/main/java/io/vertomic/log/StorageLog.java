package io.vertomic.log;

import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Storage;
import io.vertomic.wire.TxEntry;
import io.vertomic.wire.TxEntryCodec;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable transaction log of one database in a {@link Storage}: entries keyed by {@code t},
 * appended by the single writer (an append for a {@code t} that exists fails {@code conflict},
 * which fences a stale writer), read back in {@code t} order to rebuild or catch up a database.
 * Thread-safe; holds no state but its storage and database id.
 */
public final class StorageLog {
  /** How many entries one storage read brings. */
  public static final int PAGE = 512;

  private final Storage storage;
  private final String dbId;

  public StorageLog(Storage storage, String dbId) {
    this.storage = storage;
    this.dbId = dbId;
  }

  /**
   * Appends consecutive entries in one storage write where the storage can (group commit); the
   * future gives the records written, each entry encoded as storage holds it.
   */
  public Future<List<LogRecord>> append(List<TxEntry> entries) {
    List<LogRecord> records = new ArrayList<>(entries.size());
    for (TxEntry e : entries) {
      records.add(new LogRecord(e.t(), TxEntryCodec.encode(e)));
    }
    Future<Void> written =
        records.size() == 1
            ? storage.appendLog(dbId, records.get(0).t(), records.get(0).entry())
            : storage.appendLog(dbId, records);
    return written.map(v -> records);
  }

  /**
   * Up to {@link #PAGE} entries with {@code t >= fromT}, in order; decoding failures are faults.
   */
  public Future<List<TxEntry>> read(long fromT) {
    return read(fromT, Long.MAX_VALUE);
  }

  /** Up to {@link #PAGE} entries with {@code fromT <= t < untilT}, in order. */
  public Future<List<TxEntry>> read(long fromT, long untilT) {
    return storage
        .readLog(dbId, fromT, untilT, PAGE)
        .map(
            records -> {
              List<TxEntry> out = new ArrayList<>(records.size());
              for (LogRecord r : records) {
                out.add(TxEntryCodec.decode(r.entry(), "log entry t=" + r.t() + " of " + dbId));
              }
              return out;
            });
  }

  /** Deletes the whole log (when the database is deleted). */
  public Future<Void> delete() {
    return storage.deleteLog(dbId);
  }
}
