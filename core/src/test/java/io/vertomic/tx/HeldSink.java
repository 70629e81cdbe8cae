package io.vertomic.tx;

import io.vertomic.db.DbValue;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A log whose appends complete only when the test says so (completing what {@link #held} has),
 * recording each group's size in {@link #groups}.
 */
final class HeldSink implements LogSink {
  final ConcurrentLinkedQueue<Promise<Void>> held = new ConcurrentLinkedQueue<>();
  final List<Integer> groups = new CopyOnWriteArrayList<>();

  @Override
  public Future<Void> append(List<TxResult> group) {
    groups.add(group.size());
    Promise<Void> p = Promise.promise();
    held.add(p);
    return p.future();
  }

  @Override
  public Future<DbValue> catchUp(DbValue db) {
    return Future.succeededFuture(db);
  }
}
