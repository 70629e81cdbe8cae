package io.vertomic.client;

import io.reactivex.rxjava3.core.FlowableSubscriber;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.reactivestreams.Subscription;

/**
 * A subscriber for tests that requests exactly what the test says, records what arrives and lets
 * the test wait for a number of items or for the end, without sleeping or polling.
 */
final class RecordingSubscriber<T> implements FlowableSubscriber<T> {
  private final long initialRequest;
  private final List<T> items = new ArrayList<>();
  private final List<Waiter<T>> waiters = new ArrayList<>();
  private final Promise<Void> completed = Promise.promise();
  private final Promise<Throwable> failed = Promise.promise();
  private volatile Subscription subscription;

  private record Waiter<T>(int count, Promise<List<T>> promise) {}

  RecordingSubscriber(long initialRequest) {
    this.initialRequest = initialRequest;
  }

  @Override
  public void onSubscribe(Subscription s) {
    subscription = s;
    if (initialRequest > 0) {
      s.request(initialRequest);
    }
  }

  @Override
  public synchronized void onNext(T item) {
    items.add(item);
    for (Iterator<Waiter<T>> it = waiters.iterator(); it.hasNext(); ) {
      Waiter<T> w = it.next();
      if (items.size() >= w.count()) {
        w.promise().complete(List.copyOf(items));
        it.remove();
      }
    }
  }

  @Override
  public void onError(Throwable t) {
    failed.complete(t);
  }

  @Override
  public void onComplete() {
    completed.complete();
  }

  /** The items once there are at least {@code count}. */
  synchronized Future<List<T>> items(int count) {
    if (items.size() >= count) {
      return Future.succeededFuture(List.copyOf(items));
    }
    Promise<List<T>> p = Promise.promise();
    waiters.add(new Waiter<>(count, p));
    return p.future();
  }

  /** The items so far. */
  synchronized List<T> items() {
    return List.copyOf(items);
  }

  /** The items once the stream completes. */
  Future<List<T>> completion() {
    return completed.future().map(v -> items());
  }

  /** The failure once the stream fails. */
  Future<Throwable> failure() {
    return failed.future();
  }

  boolean terminated() {
    return completed.future().isComplete() || failed.future().isComplete();
  }

  void request(long n) {
    subscription.request(n);
  }

  void cancel() {
    subscription.cancel();
  }
}
