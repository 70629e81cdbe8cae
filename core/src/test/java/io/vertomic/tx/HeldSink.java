package io.vertomic.tx;

import io.vertomic.db.DbValue;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A log whose appends complete only when the test says so (completing what {@link #held} has). */
final class HeldSink implements LogSink {
  final ConcurrentLinkedQueue<Promise<Void>> held = new ConcurrentLinkedQueue<>();

  @Override
  public Future<Void> append(List<TxResult> group) {
    Promise<Void> p = Promise.promise();
    held.add(p);
    return p.future();
  }

  @Override
  public Future<DbValue> catchUp(DbValue db) {
    return Future.succeededFuture(db);
  }
}
