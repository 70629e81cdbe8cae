package io.vertomic.peer.impl;

import io.vertomic.db.DbValue;
import io.vertomic.log.StorageLog;
import io.vertomic.tx.LogSink;
import io.vertomic.tx.TxProcessor;
import io.vertomic.tx.TxResult;
import io.vertomic.wire.TxEntry;
import io.vertx.core.Future;

/**
 * Makes a writer's transactions durable in a {@link StorageLog}, and rebuilds a database from that
 * log: the write and read halves of "the log is the database" until the indexes are durable too.
 */
final class StorageLogSink implements LogSink {
  private final StorageLog log;

  StorageLogSink(StorageLog log) {
    this.log = log;
  }

  @Override
  public Future<Void> append(TxResult r) {
    DbValue after = r.after();
    return log.append(
        new TxEntry(after.basisT(), after.nextT(), after.nextDbCounter(), r.txData()));
  }

  @Override
  public Future<DbValue> catchUp(DbValue db) {
    return log.read(db.basisT() + 1)
        .compose(
            entries -> {
              if (entries.isEmpty()) {
                return Future.succeededFuture(db);
              }
              DbValue next = db;
              for (TxEntry e : entries) {
                next = TxProcessor.replay(next, e.t(), e.datoms(), e.nextT(), e.nextDbCounter());
              }
              return catchUp(next);
            });
  }
}
