package io.vertomic.client.impl;

import io.reactivex.rxjava3.core.Flowable;
import io.vertomic.anomaly.Anomalies;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertomic.msgpack.MsgpackValues;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A chunk stream of the peer server ({@code Accept: application/vnd.vertomic.msgpack-seq}) as a
 * {@link Flowable} of decoded chunks whose demand drives the HTTP response.
 *
 * <p>The answer body is a sequence of MessagePack maps {@code {"chunk": [...]}}, possibly ending
 * with {@code {"anomaly": ..., "message": ...}}, which becomes {@code onError}. Each subscription
 * sends the request anew ({@code open}, which retries {@code busy} answers before the stream
 * starts). The response stays paused while downstream demand is 0: bytes are fetched one network
 * buffer at a time only while there is demand, and a chunk is decoded only when none is held, so at
 * most one decoded chunk waits beyond demand and the server, blocked by TCP backpressure, writes no
 * further. Cancelling resets the request. A connection that breaks mid-stream, or a body that ends
 * inside a value, fails {@code unavailable}.
 *
 * <p>All state of a subscription lives on one Vert.x context: {@code request} and {@code cancel}
 * from other threads hop onto it, and signals reach the subscriber on it.
 */
public final class ChunkedResults<T> extends Flowable<T> {
  private static final Keyword BAD_STREAM = Keyword.of("vertomic.error/bad-stream");

  private final Supplier<Context> context;
  private final Supplier<Future<HttpClientResponse>> open;
  private final Function<List<?>, T> decodeChunk;
  private final String what;

  /**
   * Chunks of the responses {@code open} gives, each chunk's rows turned into a {@code T} by {@code
   * decodeChunk}; {@code what} names the request in messages. Empty chunks are skipped.
   */
  public ChunkedResults(
      Supplier<Context> context,
      Supplier<Future<HttpClientResponse>> open,
      Function<List<?>, T> decodeChunk,
      String what) {
    this.context = context;
    this.open = open;
    this.decodeChunk = decodeChunk;
    this.what = what;
  }

  @Override
  protected void subscribeActual(Subscriber<? super T> subscriber) {
    Stream stream = new Stream(subscriber, context.get());
    subscriber.onSubscribe(stream);
    stream.onContext(stream::open);
  }

  private final class Stream implements Subscription {
    private final Subscriber<? super T> downstream;
    private final Context context;
    private final MsgpackFrames frames = new MsgpackFrames();
    private HttpClientResponse response;
    private long requested;
    private T held;
    private boolean fetching;
    private boolean ended;
    private boolean done;
    private boolean draining;
    private boolean missed;

    Stream(Subscriber<? super T> downstream, Context context) {
      this.downstream = downstream;
      this.context = context;
    }

    void onContext(Runnable action) {
      if (Vertx.currentContext() == context) {
        action.run();
      } else {
        context.runOnContext(v -> action.run());
      }
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        onContext(() -> fail(new IllegalArgumentException("request(n) needs n > 0, not " + n)));
        return;
      }
      onContext(
          () -> {
            requested = Long.MAX_VALUE - requested < n ? Long.MAX_VALUE : requested + n;
            drain();
          });
    }

    @Override
    public void cancel() {
      onContext(
          () -> {
            if (!done) {
              done = true;
              held = null;
              reset();
            }
          });
    }

    void open() {
      if (done) {
        return;
      }
      open.get()
          .onComplete(
              ar -> {
                if (ar.failed()) {
                  fail(Anomalies.from(ar.cause()));
                  return;
                }
                response = ar.result();
                if (done) {
                  reset();
                  return;
                }
                response.handler(this::onBytes);
                response.endHandler(v -> onEnd());
                response.exceptionHandler(e -> fail(broken(String.valueOf(e), e)));
                drain();
              });
    }

    private void onBytes(Buffer bytes) {
      fetching = false;
      frames.append(bytes.getBytes());
      drain();
    }

    private void onEnd() {
      ended = true;
      drain();
    }

    private void drain() {
      if (draining) {
        missed = true;
        return;
      }
      draining = true;
      try {
        do {
          missed = false;
          step();
        } while (missed);
      } finally {
        draining = false;
      }
    }

    private void step() {
      while (!done) {
        if (held != null) {
          if (requested == 0) {
            return;
          }
          T item = held;
          held = null;
          if (requested != Long.MAX_VALUE) {
            requested--;
          }
          downstream.onNext(item);
          continue;
        }
        byte[] frame;
        try {
          frame = frames.next();
        } catch (Anomaly a) {
          fail(a);
          return;
        }
        if (frame != null) {
          accept(frame);
          continue;
        }
        if (ended) {
          if (frames.hasPartial()) {
            fail(broken("the body ended inside a MessagePack value", null));
          } else {
            done = true;
            downstream.onComplete();
          }
          return;
        }
        if (requested > 0 && response != null && !fetching) {
          fetching = true;
          response.fetch(1);
        }
        return;
      }
    }

    private void accept(byte[] frame) {
      try {
        Object item = MsgpackValues.decode(frame);
        if (AnomalyAnswer.isAnomaly(item)) {
          fail(AnomalyAnswer.fromMap((Map<?, ?>) item));
        } else if (item instanceof Map<?, ?> m && m.get("chunk") instanceof List<?> rows) {
          if (!rows.isEmpty()) {
            held = decodeChunk.apply(rows);
          }
        } else {
          fail(
              new Anomaly(
                  Category.FAULT,
                  BAD_STREAM,
                  "Neither a chunk nor an anomaly in the stream of " + what + ": " + item,
                  null));
        }
      } catch (RuntimeException e) {
        fail(Anomalies.from(e));
      }
    }

    private Anomaly broken(String why, Throwable cause) {
      return Anomaly.unavailable("The chunk stream of " + what + " broke: " + why, cause);
    }

    private void fail(Throwable failure) {
      if (done) {
        return;
      }
      done = true;
      held = null;
      reset();
      downstream.onError(failure);
    }

    private void reset() {
      if (response != null && !ended) {
        response.request().reset();
      }
    }
  }
}
