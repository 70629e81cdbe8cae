package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** What every route handler does the same way: blocking work off the event loop, answering. */
final class Routes {
  private Routes() {}

  /** Runs {@code work} on a worker thread (the peer library's reads and opens block). */
  static <T> Future<T> blocking(RoutingContext ctx, Callable<T> work) {
    return ctx.vertx().executeBlocking(work, false);
  }

  /**
   * Answers with {@code then} once {@code f} succeeds, or with the failure; both on the request's
   * context, whatever thread completes {@code f} (transactions complete on the peer library's).
   */
  static <T> void respond(RoutingContext ctx, Future<T> f, Consumer<T> then) {
    Context context = ctx.vertx().getOrCreateContext();
    Promise<T> here = Promise.promise();
    f.onComplete(ar -> context.runOnContext(v -> here.handle(ar)));
    here.future()
        .onComplete(
            ar -> {
              if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
              }
              try {
                then.accept(ar.result());
              } catch (RuntimeException e) {
                ctx.fail(e);
              }
            });
  }

  /** The whole number in query parameter {@code name}, or null when absent. */
  static Long longParam(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw Anomaly.incorrect(
          "vertomic.error/bad-request",
          "Query parameter " + name + " must be a whole number, not '" + value + "'");
    }
  }
}
