package io.vertomic.peer.impl;

import io.vertomic.db.DbValue;
import io.vertomic.log.StorageLog;
import io.vertomic.peer.LogEntry;
import io.vertomic.tx.LogSink;
import io.vertomic.tx.TxProcessor;
import io.vertomic.tx.TxResult;
import io.vertomic.wire.TxEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes a writer's transactions durable in a {@link StorageLog}, and rebuilds a database from that
 * log: the write and read halves of "the log is the database" until the indexes are durable too.
 */
final class StorageLogSink implements LogSink {
  private final StorageLog log;
  private final Executor processing;
  // datoms replayed by catchUp: the novelty a connection starts with
  private final AtomicLong replayedDatoms = new AtomicLong();

  /** {@code processing} replays entries (off the event loop: replay may read segments). */
  StorageLogSink(StorageLog log, Executor processing) {
    this.log = log;
    this.processing = processing;
  }

  @Override
  public Future<Void> append(List<TxResult> group) {
    List<TxEntry> entries = new ArrayList<>(group.size());
    for (TxResult r : group) {
      entries.add(entry(r));
    }
    return log.append(entries);
  }

  /** The log entry of a transaction. */
  static TxEntry entry(TxResult r) {
    DbValue after = r.after();
    return new TxEntry(after.basisT(), after.nextT(), after.nextDbCounter(), r.txData());
  }

  @Override
  public Future<DbValue> catchUp(DbValue db) {
    return log.read(db.basisT() + 1)
        .compose(
            entries -> {
              if (entries.isEmpty()) {
                return Future.succeededFuture(db);
              }
              Promise<DbValue> replayed = Promise.promise();
              processing.execute(
                  () -> {
                    try {
                      DbValue next = db;
                      for (TxEntry e : entries) {
                        replayedDatoms.addAndGet(e.datoms().size());
                        next =
                            TxProcessor.replay(
                                next, e.t(), e.datoms(), e.nextT(), e.nextDbCounter());
                      }
                      replayed.complete(next);
                    } catch (RuntimeException ex) {
                      replayed.fail(ex);
                    }
                  });
              return replayed.future().compose(this::catchUp);
            });
  }

  /** How many datoms {@link #catchUp} has replayed from the log. */
  long replayedDatoms() {
    return replayedDatoms.get();
  }

  /** The entries with {@code from <= t < to}, read from storage on the calling thread. */
  List<LogEntry> entries(long from, long to) {
    return entries(log, from, to);
  }

  /** The entries of {@code log} with {@code from <= t < to}, read on the calling thread. */
  static List<LogEntry> entries(StorageLog log, long from, long to) {
    List<LogEntry> out = new ArrayList<>();
    long next = from;
    while (next < to) {
      List<TxEntry> page = Blocking.await(log.read(next, to), "read the log from t " + next);
      if (page.isEmpty()) {
        break;
      }
      for (TxEntry e : page) {
        out.add(new LogEntry(e.t(), e.datoms()));
      }
      next = page.get(page.size() - 1).t() + 1;
    }
    return out;
  }
}
