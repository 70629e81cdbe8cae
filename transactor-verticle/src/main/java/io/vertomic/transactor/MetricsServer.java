package io.vertomic.transactor;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.BindException;
import java.util.function.Supplier;

/**
 * The transactor's HTTP port for operators, on 127.0.0.1 (API.md section 9): {@code GET /metrics}
 * is every meter of the process in Prometheus's text format, {@code GET /health} is 200 with {@code
 * {"role": "active"|"standby", "epoch": N}} (the epoch of the lease it holds, or null). A port that
 * is taken makes it try the next one (a standby started beside the active transactor), so the
 * caller reads the port it got from the server.
 */
final class MetricsServer {
  // ports tried past the one asked for before giving up
  private static final int MORE_PORTS = 100;

  private MetricsServer() {}

  /** Listens on {@code port} or the next free one (any free one for 0). */
  static Future<HttpServer> start(
      Vertx vertx, int port, PrometheusMeterRegistry registry, Supplier<JsonObject> health) {
    return listen(
        vertx, port, port + MORE_PORTS, request -> answer(vertx, request, registry, health));
  }

  private static Future<HttpServer> listen(
      Vertx vertx, int port, int lastPort, Handler<HttpServerRequest> handler) {
    // plain HTTP/1.1, as Prometheus scrapes: a JDK client's h2c upgrade met a protocol error on a
    // large scrape
    return vertx
        .createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
        .requestHandler(handler)
        .listen(port, "127.0.0.1")
        .recover(
            e ->
                port != 0 && port < lastPort && taken(e)
                    ? listen(vertx, port + 1, lastPort, handler)
                    : Future.failedFuture(e));
  }

  // the JDK's and Netty's native transport say it differently
  private static boolean taken(Throwable e) {
    return e instanceof BindException
        || String.valueOf(e.getMessage()).contains("Address already in use");
  }

  private static void answer(
      Vertx vertx,
      HttpServerRequest request,
      PrometheusMeterRegistry registry,
      Supplier<JsonObject> health) {
    boolean get = request.method().name().equals("GET");
    switch (get ? request.path() : "") {
      case "/metrics" ->
          // a scrape reads every meter (a cache's size among them): off the event loop
          vertx
              .executeBlocking(registry::scrape, false)
              .onSuccess(
                  text ->
                      request
                          .response()
                          .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                          .end(text))
              .onFailure(e -> request.response().setStatusCode(500).end(String.valueOf(e)));
      case "/health" ->
          request
              .response()
              .putHeader("content-type", "application/json")
              .end(health.get().encode());
      default -> request.response().setStatusCode(404).end();
    }
  }
}
