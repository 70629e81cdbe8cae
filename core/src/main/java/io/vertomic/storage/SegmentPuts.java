package io.vertomic.storage;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The default {@link Storage#putAll}: one {@link Storage#put} per segment, a few in flight. */
final class SegmentPuts {
  /** How many segment writes are in flight at once. */
  static final int PARALLEL = 16;

  private SegmentPuts() {}

  static Future<Void> inLanes(Storage storage, List<Map.Entry<String, byte[]>> segments) {
    Iterator<Map.Entry<String, byte[]>> it = segments.iterator();
    List<Future<Void>> lanes = new ArrayList<>();
    for (int i = 0; i < PARALLEL; i++) {
      Promise<Void> done = Promise.promise();
      step(storage, it, done);
      lanes.add(done.future());
    }
    return Future.all(lanes).mapEmpty();
  }

  // a lane takes the next segment when its previous put is done; a loop, not recursion, while puts
  // complete at once (in-memory storage), so the stack stays flat
  private static void step(
      Storage storage, Iterator<Map.Entry<String, byte[]>> it, Promise<Void> done) {
    while (true) {
      Map.Entry<String, byte[]> next;
      synchronized (it) {
        if (!it.hasNext()) {
          done.tryComplete();
          return;
        }
        next = it.next();
      }
      Future<Void> put = storage.put(next.getKey(), next.getValue());
      if (!put.isComplete()) {
        put.onComplete(
            ar -> {
              if (ar.failed()) {
                done.tryFail(ar.cause());
              } else {
                step(storage, it, done);
              }
            });
        return;
      }
      if (put.failed()) {
        done.tryFail(put.cause());
        return;
      }
    }
  }
}
