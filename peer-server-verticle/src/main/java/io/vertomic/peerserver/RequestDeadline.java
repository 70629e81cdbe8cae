package io.vertomic.peerserver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slowloris protection: a client has {@link ServerLimits#requestDeadlineMillis()} to send a whole
 * request (headers and body) from when it connected, and {@link ServerLimits#idleTimeoutSeconds()}
 * between its previous answer and its next whole request; past that its connection is closed. The
 * idle timeout alone would not do, since one byte every few seconds keeps a connection busy; Vert.x
 * has no header-read timeout, so each connection carries a timer that runs while the server is
 * waiting on the client and stops while the server is working or answering. Thread-safe: a
 * connection's timer and counts are touched only on its event loop.
 */
final class RequestDeadline {
  private final Vertx vertx;
  private final long requestMillis;
  private final long idleMillis;
  private final Map<HttpConnection, Watch> watches = new ConcurrentHashMap<>();
  private final Counter cut;

  RequestDeadline(Vertx vertx, ServerLimits limits, MeterRegistry metrics) {
    this.vertx = vertx;
    this.requestMillis = limits.requestDeadlineMillis();
    this.idleMillis = Math.max(requestMillis, limits.idleTimeoutSeconds() * 1000L);
    this.cut = Counter.builder("vertomic_slow_requests_cut").register(metrics);
  }

  /** For the server's connection handler: the first request is due within the deadline. */
  void opened(HttpConnection c) {
    Watch w = new Watch(c);
    watches.put(c, w);
    c.closeHandler(
        v -> {
          watches.remove(c);
          w.stop();
        });
    w.update(requestMillis);
  }

  /** The router's first handler: watches the request until its body is in and its answer ended. */
  void received(RoutingContext ctx) {
    Watch w = watches.get(ctx.request().connection());
    if (w != null) {
      w.open++;
      w.receiving++;
      ctx.request()
          .end()
          .onComplete(
              ar -> {
                w.receiving--;
                w.update(idleMillis);
              });
      ctx.addEndHandler(
          ar -> {
            w.open--;
            w.update(idleMillis);
          });
    }
    ctx.next();
  }

  private final class Watch {
    final HttpConnection connection;
    int open;
    int receiving;
    long timer = -1;

    Watch(HttpConnection connection) {
      this.connection = connection;
    }

    // the clock runs while a body is coming in or nothing is in hand (the next request is due)
    void update(long millis) {
      boolean waiting = receiving > 0 || open == 0;
      if (waiting && timer < 0) {
        timer =
            vertx.setTimer(
                millis,
                id -> {
                  timer = -1;
                  cut.increment();
                  connection.close();
                });
      } else if (!waiting) {
        stop();
      }
    }

    void stop() {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }
  }
}
