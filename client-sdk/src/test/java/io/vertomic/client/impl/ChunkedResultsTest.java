package io.vertomic.client.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivex.rxjava3.core.FlowableSubscriber;
import io.vertomic.msgpack.MsgpackValues;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Subscription;

/**
 * How demand drives the HTTP response, checked step by step against a fake response that records
 * {@code fetch} and {@code reset}: no bytes are asked for without demand, and at most one decoded
 * chunk waits beyond demand even when one network buffer holds many.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChunkedResultsTest {
  private Context context;
  private final FakeResponse response = new FakeResponse();
  private final AtomicInteger decoded = new AtomicInteger();
  private final List<Object> received = new ArrayList<>();
  private final List<String> terminal = new ArrayList<>();
  private Subscription subscription;

  @BeforeEach
  void subscribe(Vertx vertx) {
    context = vertx.getOrCreateContext();
    ChunkedResults<List<?>> results =
        new ChunkedResults<>(
            () -> context,
            () -> Future.succeededFuture(response.proxy()),
            rows -> {
              decoded.incrementAndGet();
              return rows;
            },
            "POST /test");
    on(
        () -> {
          results.subscribe(
              new FlowableSubscriber<List<?>>() {
                @Override
                public void onSubscribe(Subscription s) {
                  subscription = s;
                }

                @Override
                public void onNext(List<?> chunk) {
                  received.add(chunk.get(0));
                }

                @Override
                public void onError(Throwable t) {
                  terminal.add("error " + t.getMessage());
                }

                @Override
                public void onComplete() {
                  terminal.add("complete");
                }
              });
          return null;
        });
  }

  /** Runs {@code action} on the subscription's context after everything queued there before. */
  private <T> T on(Callable<T> action) {
    Promise<T> p = Promise.promise();
    context.runOnContext(
        v -> {
          try {
            p.complete(action.call());
          } catch (Exception e) {
            p.fail(e);
          }
        });
    return p.future().await();
  }

  private static Buffer chunks(long... firstValues) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long v : firstValues) {
      out.writeBytes(MsgpackValues.encode(Map.of("chunk", List.of(v))));
    }
    return Buffer.buffer(out.toByteArray());
  }

  @Test
  void noBytesAreFetchedWithoutDemand() {
    assertEquals(0L, on(() -> response.fetched));

    on(() -> run(() -> subscription.request(1)));

    assertEquals(1L, on(() -> response.fetched));
  }

  @Test
  void atMostOneDecodedChunkWaitsBeyondDemand() {
    on(() -> run(() -> subscription.request(1)));
    on(() -> run(() -> response.handler.handle(chunks(10, 20, 30, 40))));

    assertEquals(List.of(10L), on(() -> List.copyOf(received)));
    assertEquals(2, decoded.get(), "one chunk delivered, one held, two still bytes");
    assertEquals(1L, on(() -> response.fetched), "nothing more fetched while chunks are buffered");

    on(() -> run(() -> subscription.request(2)));
    assertEquals(List.of(10L, 20L, 30L), on(() -> List.copyOf(received)));
    assertEquals(4, decoded.get());
    assertEquals(1L, on(() -> response.fetched));

    on(() -> run(() -> subscription.request(5)));
    assertEquals(List.of(10L, 20L, 30L, 40L), on(() -> List.copyOf(received)));
    assertEquals(2L, on(() -> response.fetched), "demand left and no bytes: one more buffer");

    on(() -> run(() -> response.endHandler.handle(null)));
    assertEquals(List.of("complete"), on(() -> List.copyOf(terminal)));
  }

  @Test
  void aChunkSplitAcrossBuffersIsDeliveredWhenItsLastByteArrives() {
    Buffer two = chunks(1, 2);
    on(() -> run(() -> subscription.request(10)));
    on(() -> run(() -> response.handler.handle(two.slice(0, 3))));
    assertEquals(List.of(), on(() -> List.copyOf(received)));
    assertEquals(2L, on(() -> response.fetched), "the partial value needs the next buffer");

    on(() -> run(() -> response.handler.handle(two.slice(3, two.length()))));
    assertEquals(List.of(1L, 2L), on(() -> List.copyOf(received)));
  }

  @Test
  void cancelResetsTheRequestAndStopsDelivery() {
    on(() -> run(() -> subscription.request(1)));
    on(() -> run(() -> subscription.cancel()));
    on(() -> run(() -> response.handler.handle(chunks(1))));

    assertTrue(on(() -> response.reset));
    assertEquals(List.of(), on(() -> List.copyOf(received)));
    assertEquals(List.of(), on(() -> List.copyOf(terminal)));
  }

  @Test
  void aBrokenConnectionFailsUnavailable() {
    on(() -> run(() -> subscription.request(1)));
    on(() -> run(() -> response.exceptionHandler.handle(new RuntimeException("Connection reset"))));

    List<String> t = on(() -> List.copyOf(terminal));
    assertEquals(1, t.size());
    assertTrue(t.get(0).contains("The chunk stream of POST /test broke"), t.get(0));
  }

  private static Void run(Runnable r) {
    r.run();
    return null;
  }

  /** A paused {@link HttpClientResponse} that records demand and reset; only what is used. */
  static final class FakeResponse {
    Handler<Buffer> handler;
    Handler<Void> endHandler;
    Handler<Throwable> exceptionHandler;
    long fetched;
    boolean reset;

    @SuppressWarnings("unchecked")
    HttpClientResponse proxy() {
      HttpClientRequest request =
          (HttpClientRequest)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {HttpClientRequest.class},
                  (p, m, args) -> {
                    if (m.getName().equals("reset")) {
                      reset = true;
                      return Future.succeededFuture();
                    }
                    throw new AssertionError(
                        "the stream called " + m.getName() + ", which this fake does not model");
                  });
      return (HttpClientResponse)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpClientResponse.class},
              (p, m, args) -> {
                switch (m.getName()) {
                  case "handler" -> handler = (Handler<Buffer>) args[0];
                  case "endHandler" -> endHandler = (Handler<Void>) args[0];
                  case "exceptionHandler" -> exceptionHandler = (Handler<Throwable>) args[0];
                  case "fetch" -> fetched += (Long) args[0];
                  case "pause" -> {}
                  case "request" -> {
                    return request;
                  }
                  default ->
                      throw new AssertionError(
                          "the stream called " + m.getName() + ", which this fake does not model");
                }
                return p;
              });
    }
  }
}
