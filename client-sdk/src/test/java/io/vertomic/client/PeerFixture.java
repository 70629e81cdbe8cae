package io.vertomic.client;

import io.vertomic.edn.Keyword;
import io.vertomic.msgpack.MsgpackValues;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in peer server for the SDK's tests: a Vert.x {@link HttpServer} on a free loopback port
 * that speaks the protocol of docs/http-api.md (MessagePack answers, anomaly maps, msgpack-seq
 * chunk streams) for just the routes a test gives it, and records every request. Not the real peer
 * server: the end-to-end tests against it live in {@code peer-server-verticle}.
 */
final class PeerFixture {
  static final String MSGPACK = "application/msgpack";
  static final String MSGPACK_SEQ = "application/vnd.vertomic.msgpack-seq";

  /** One request as the fixture received it; {@code body} is the decoded MessagePack body. */
  record Received(String method, String path, String query, MultiMap headers, Object body) {
    /** The body field {@code name}. */
    Object field(String name) {
      return ((Map<?, ?>) body).get(name);
    }
  }

  /** Answers one request; {@code attempt} counts this route's requests from 1. */
  @FunctionalInterface
  interface Route {
    void handle(Received request, HttpServerResponse response, int attempt);
  }

  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer server;

  private PeerFixture() {}

  /** A fixture listening on a free port of 127.0.0.1, once it listens. */
  static PeerFixture start(Vertx vertx) {
    PeerFixture f = new PeerFixture();
    f.server =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            bytes -> {
                              Object body =
                                  bytes.length() == 0
                                      ? null
                                      : MsgpackValues.decode(bytes.getBytes());
                              String key = req.method() + " " + req.path();
                              Received r =
                                  new Received(
                                      req.method().name(),
                                      req.path(),
                                      req.query(),
                                      req.headers(),
                                      body);
                              f.received.add(r);
                              int attempt =
                                  f.attempts
                                      .computeIfAbsent(key, k -> new AtomicInteger())
                                      .incrementAndGet();
                              Route route = f.routes.get(key);
                              if (route == null) {
                                anomaly(
                                    req.response(),
                                    404,
                                    "not-found",
                                    "No route " + key,
                                    "vertomic.error/no-route");
                              } else {
                                try {
                                  route.handle(r, req.response(), attempt);
                                } catch (RuntimeException e) {
                                  anomaly(
                                      req.response(),
                                      500,
                                      "fault",
                                      "The fixture's route failed: " + e,
                                      "vertomic.error/fault");
                                }
                              }
                            }))
            .listen(0, "127.0.0.1")
            .await();
    return f;
  }

  /** Answers {@code METHOD path} (path without query string) with {@code route}. */
  PeerFixture on(String method, String path, Route route) {
    routes.put(method + " " + path, route);
    return this;
  }

  /** Options of a client of this fixture, with the default credentials {@code dev}/{@code dev}. */
  ClientOptions options() {
    return new ClientOptions().setEndpoint("http://127.0.0.1:" + server.actualPort());
  }

  int port() {
    return server.actualPort();
  }

  /** Every request received, in order. */
  List<Received> received() {
    return List.copyOf(received);
  }

  /** How many requests {@code METHOD path} has received. */
  int attempts(String method, String path) {
    AtomicInteger n = attempts.get(method + " " + path);
    return n == null ? 0 : n.get();
  }

  void close() {
    server.close().await();
  }

  /** Answers {@code body} as MessagePack with {@code status}. */
  static void answer(HttpServerResponse response, int status, Object body) {
    response
        .setStatusCode(status)
        .putHeader("Content-Type", MSGPACK)
        .end(Buffer.buffer(MsgpackValues.encode(body)));
  }

  /** Answers the anomaly map {@code {"anomaly" "message" "code"}} as the peer server does. */
  static void anomaly(
      HttpServerResponse response, int status, String category, String message, String code) {
    answer(response, status, anomalyMap(category, message, code));
  }

  static Map<String, Object> anomalyMap(String category, String message, String code) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("anomaly", category);
    m.put("message", message);
    if (code != null) {
      m.put("code", Keyword.of(code));
    }
    return m;
  }

  /** Starts a chunk stream answer. */
  static void startStream(HttpServerResponse response) {
    response.setChunked(true).putHeader("Content-Type", MSGPACK_SEQ);
  }

  /** Writes one map of a chunk stream. */
  static void writeItem(HttpServerResponse response, Object item) {
    response.write(Buffer.buffer(MsgpackValues.encode(item)));
  }

  /** The map of one chunk of {@code rows}. */
  static Map<String, Object> chunk(List<?> rows) {
    return Map.of("chunk", rows);
  }
}
