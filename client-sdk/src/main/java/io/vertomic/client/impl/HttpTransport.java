package io.vertomic.client.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.client.ClientOptions;
import io.vertomic.edn.Keyword;
import io.vertomic.msgpack.MsgpackValues;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The HTTP exchange with the peer server: one pooled Vert.x {@code HttpClient} for the endpoint
 * (TLS for {@code https://}), HTTP Basic credentials on every request, request bodies as
 * MessagePack maps ({@code Content-Type: application/msgpack}), answers asked for as MessagePack.
 * Thread-safe.
 *
 * <p>Failures, always {@link Anomaly anomalies}: a non-2xx answer becomes the anomaly it describes
 * ({@link AnomalyAnswer}); a connection that cannot be made or breaks is {@code unavailable} naming
 * the endpoint and the request; a request not answered within {@link
 * ClientOptions#getRequestTimeoutMillis()} is reset and fails {@code interrupted}. Nothing is
 * retried here ({@link Retry} does that).
 */
public final class HttpTransport {
  static final String MSGPACK = "application/msgpack";
  static final String MSGPACK_SEQ = "application/vnd.vertomic.msgpack-seq";
  private static final Keyword TIMEOUT = Keyword.of("vertomic.error/request-timeout");

  private final Vertx vertx;
  private final HttpClientAgent client;
  // Requests from threads that are not Vert.x's run on this one context: a new context per call
  // would take a pooled connection bound to another event loop, or open a new one, each time.
  private final Context home;
  private final String endpoint;
  private final String host;
  private final int port;
  private final boolean ssl;
  private final String basePath;
  private final String authorization;
  private final long timeoutMillis;

  /**
   * A transport to {@code options}' endpoint.
   *
   * @throws IllegalArgumentException when the endpoint is not an absolute http(s) URL with a host
   */
  public HttpTransport(Vertx vertx, ClientOptions options) {
    this.vertx = vertx;
    this.endpoint = options.getEndpoint();
    URI uri = URI.create(endpoint);
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("endpoint has no host: \"" + endpoint + "\"");
    }
    this.ssl = "https".equalsIgnoreCase(uri.getScheme());
    this.host = uri.getHost();
    this.port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String credentials = options.getAccessKey() + ":" + options.getSecret();
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    this.timeoutMillis = options.getRequestTimeoutMillis();
    this.home = vertx.getOrCreateContext();
    this.client =
        vertx.createHttpClient(
            clientOptions(options), new PoolOptions().setHttp1MaxSize(options.getMaxConnections()));
  }

  private HttpClientOptions clientOptions(ClientOptions options) {
    HttpClientOptions o =
        new HttpClientOptions()
            .setDefaultHost(host)
            .setDefaultPort(port)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
    if (ssl) {
      o.setSsl(true).setTrustAll(options.isTrustAll()).setVerifyHost(!options.isTrustAll());
      if (options.getPemTrustCertPath() != null) {
        o.setTrustOptions(new PemTrustOptions().addCertPath(options.getPemTrustCertPath()));
      }
    }
    return o;
  }

  /** The endpoint this transport talks to, for messages. */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Sends {@code body} (null for none) to {@code path} (under the endpoint, with any query string)
   * and answers the decoded body of a 2xx answer, null when it is empty.
   */
  public Future<Object> call(HttpMethod method, String path, Map<String, ?> body) {
    String what = method + " " + path;
    return exchange(
        method,
        path,
        body,
        MSGPACK,
        resp ->
            resp.body()
                .map(
                    bytes -> {
                      Object decoded = decode(resp, bytes);
                      if (resp.statusCode() / 100 != 2) {
                        throw AnomalyAnswer.of(resp.statusCode(), decoded, what);
                      }
                      return decoded;
                    }));
  }

  /**
   * POSTs {@code body} to {@code path} asking for a chunk stream; answers the response of a 2xx
   * answer, paused, its body unread. The request timeout covers only the wait for the response.
   */
  public Future<HttpClientResponse> openStream(String path, Map<String, ?> body) {
    String what = "POST " + path;
    return exchange(
        HttpMethod.POST,
        path,
        body,
        MSGPACK_SEQ,
        resp -> {
          if (resp.statusCode() / 100 == 2) {
            resp.pause();
            return Future.succeededFuture(resp);
          }
          return resp.body()
              .map(
                  bytes -> {
                    throw AnomalyAnswer.of(resp.statusCode(), decode(resp, bytes), what);
                  });
        });
  }

  private <T> Future<T> exchange(
      HttpMethod method,
      String path,
      Map<String, ?> body,
      String accept,
      Function<HttpClientResponse, Future<T>> onResponse) {
    String what = method + " " + path;
    Buffer payload = body == null ? null : Buffer.buffer(MsgpackValues.encode(body));
    RequestOptions request =
        new RequestOptions()
            .setMethod(method)
            .setHost(host)
            .setPort(port)
            .setSsl(ssl)
            .setURI(basePath + path)
            .putHeader("Authorization", authorization)
            .putHeader("Accept", accept);
    if (payload != null) {
      request.putHeader("Content-Type", MSGPACK);
    }
    Promise<T> result = Promise.promise();
    // The whole exchange runs on one context: its callbacks then run in the task that registered
    // them, so body() is called before any body bytes can be dispatched (from a foreign thread a
    // late callback could miss them).
    if (Vertx.currentContext() != null) {
      start(request, payload, what, onResponse, result);
    } else {
      home.runOnContext(v -> start(request, payload, what, onResponse, result));
    }
    return result.future();
  }

  private <T> void start(
      RequestOptions request,
      Buffer payload,
      String what,
      Function<HttpClientResponse, Future<T>> onResponse,
      Promise<T> result) {
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long timer =
        vertx.setTimer(
            timeoutMillis,
            id -> {
              if (result.tryFail(timeout(what))) {
                HttpClientRequest r = sent.get();
                if (r != null) {
                  r.reset();
                }
              }
            });
    client
        .request(request)
        .compose(
            req -> {
              sent.set(req);
              if (result.future().isComplete()) {
                req.reset();
              }
              return payload == null ? req.send() : req.send(payload);
            })
        .compose(onResponse)
        .onComplete(
            ar -> {
              vertx.cancelTimer(timer);
              if (ar.succeeded()) {
                result.tryComplete(ar.result());
              } else {
                result.tryFail(unreachable(ar.cause(), what));
              }
            });
  }

  private Anomaly timeout(String what) {
    return new Anomaly(
        Category.INTERRUPTED,
        TIMEOUT,
        what + " to " + endpoint + " got no answer within " + timeoutMillis + " ms",
        null);
  }

  private Anomaly unreachable(Throwable cause, String what) {
    if (cause instanceof Anomaly a) {
      return a;
    }
    return Anomaly.unavailable(
        "Cannot reach the peer server at " + endpoint + " (" + what + "): " + cause, cause);
  }

  private static Object decode(HttpClientResponse resp, Buffer bytes) {
    if (bytes.length() == 0) {
      return null;
    }
    String type = resp.getHeader("Content-Type");
    if (type != null && type.contains("msgpack")) {
      return MsgpackValues.decode(bytes.getBytes());
    }
    if (type != null && type.contains("json")) {
      try {
        Object v = Json.decodeValue(bytes);
        return v instanceof JsonObject o ? o.getMap() : v instanceof JsonArray a ? a.getList() : v;
      } catch (DecodeException e) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The context requests and streams from threads that are not Vert.x's run on. */
  public Context context() {
    Context current = Vertx.currentContext();
    return current != null ? current : home;
  }

  /** Closes the pooled connections. */
  public void close() {
    client.close();
  }
}
