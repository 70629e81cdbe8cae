package io.vertomic.peer.impl;

import io.vertomic.db.DbValue;
import io.vertomic.log.StorageLog;
import io.vertomic.peer.LogEntry;
import io.vertomic.storage.LogRecord;
import io.vertomic.tx.LogSink;
import io.vertomic.tx.TxProcessor;
import io.vertomic.tx.TxResult;
import io.vertomic.wire.TxEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Makes a writer's transactions durable in a {@link StorageLog}, and rebuilds a database from that
 * log: the write and read halves of "the log is the database" until the indexes are durable too.
 */
final class StorageLogSink implements LogSink {
  private final StorageLog log;
  private final Executor processing;
  // datoms replayed by catchUp: the novelty a connection starts with
  private final AtomicLong replayedDatoms = new AtomicLong();
  private volatile Consumer<List<LogRecord>> onAppended = records -> {};

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
    return log.append(entries)
        .map(
            records -> {
              onAppended.accept(records);
              return null;
            });
  }

  /**
   * Gives {@code listener} every group of entries once storage has it, as storage holds it, before
   * the writer acknowledges the group's transactions: the tx reports go out without encoding the
   * entries again.
   */
  void onAppended(Consumer<List<LogRecord>> listener) {
    onAppended = listener;
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

  /**
   * The entries with {@code from <= t < to}, read from storage on the calling thread a page at a
   * time as they are consumed.
   */
  Iterable<LogEntry> entries(long from, long to) {
    return entries(log, from, to);
  }

  /**
   * The entries of {@code log} with {@code from <= t < to}, lazily: each pass reads {@link
   * StorageLog#PAGE} entries from storage (on the calling thread) whenever the previous page is
   * consumed, so a pass over the whole log holds one page in memory, not the log.
   */
  static Iterable<LogEntry> entries(StorageLog log, long from, long to) {
    return () ->
        new Iterator<>() {
          private Iterator<TxEntry> page = Collections.emptyIterator();
          private long next = from;
          private boolean done = from >= to;

          @Override
          public boolean hasNext() {
            while (!page.hasNext() && !done) {
              List<TxEntry> read =
                  Blocking.await(log.read(next, to), "read the log from t " + next);
              if (read.isEmpty()) {
                done = true;
              } else {
                next = read.get(read.size() - 1).t() + 1;
                done = next >= to;
                page = read.iterator();
              }
            }
            return page.hasNext();
          }

          @Override
          public LogEntry next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            TxEntry e = page.next();
            return new LogEntry(e.t(), e.datoms());
          }
        };
  }

  /** The first entry of {@code entries}, or null. */
  static LogEntry first(Iterable<LogEntry> entries) {
    Iterator<LogEntry> it = entries.iterator();
    return it.hasNext() ? it.next() : null;
  }
}
