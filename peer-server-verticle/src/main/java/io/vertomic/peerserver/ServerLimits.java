package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.cluster.ProcessConfig;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How the peer server protects its HTTP door (docs/security.md, "Limits and hardening"), read from
 * the same config file, environment and {@code -Dvertomic.KEY} flags as {@link PeerServerOptions}:
 *
 * <pre>{@code
 * {"idleTimeoutSeconds": 120, "requestDeadlineMillis": 30000, "maxHeaderBytes": 8192,
 *  "maxRequestLineBytes": 4096, "maxStreamsPerClient": 8, "maxIntermediateRows": 1000000}
 * }</pre>
 *
 * <p>{@code idleTimeoutSeconds}: a connection that neither sends nor takes a byte for that long is
 * closed (a keep-alive connection left idle, a stream whose reader stopped reading). {@code
 * requestDeadlineMillis}: the time a client has to send one whole request, headers and body, from
 * when it connected or its previous answer ended; a sender trickling bytes (slowloris) is cut off
 * there. {@code maxStreamsPerClient}: chunk streams one client (remote address) may hold open.
 * {@code maxIntermediateRows}: the rows any one relation of a query run may hold (the query
 * engine's {@code :row-limit}); a row costs some hundred bytes, so the heap a server needs for its
 * queries is about {@code maxConcurrentQueries} times this times a few hundred bytes.
 */
record ServerLimits(
    int idleTimeoutSeconds,
    long requestDeadlineMillis,
    int maxHeaderBytes,
    int maxRequestLineBytes,
    int maxStreamsPerClient,
    long maxIntermediateRows) {

  /** TLS when enabled speaks only these: nothing older than TLS 1.2. */
  static final Set<String> TLS_PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

  static ServerLimits from(JsonObject config, Map<String, String> env, Properties props) {
    ProcessConfig c =
        ProcessConfig.of(config, env, props)
            .override("idleTimeoutSeconds", "VERTOMIC_IDLE_TIMEOUT_SECONDS")
            .override("requestDeadlineMillis", "VERTOMIC_REQUEST_DEADLINE_MILLIS")
            .override("maxHeaderBytes", "VERTOMIC_MAX_HEADER_BYTES")
            .override("maxRequestLineBytes", "VERTOMIC_MAX_REQUEST_LINE_BYTES")
            .override("maxStreamsPerClient", "VERTOMIC_MAX_STREAMS_PER_CLIENT")
            .override("maxIntermediateRows", "VERTOMIC_MAX_INTERMEDIATE_ROWS");
    try {
      return new ServerLimits(
          (int) c.positive("idleTimeoutSeconds", 120),
          c.positive("requestDeadlineMillis", 30_000),
          (int) c.atLeast("maxHeaderBytes", 1024, 8192),
          (int) c.atLeast("maxRequestLineBytes", 256, 4096),
          (int) c.positive("maxStreamsPerClient", 8),
          c.positive("maxIntermediateRows", 1_000_000));
    } catch (IllegalArgumentException e) {
      throw Anomaly.incorrect(
          "vertomic.error/invalid-config", "Bad peer server config: " + e.getMessage());
    }
  }

  /** {@code http} with these limits, and with modern TLS only when {@code tls}. */
  HttpServerOptions apply(HttpServerOptions http, boolean tls) {
    http.setIdleTimeout(idleTimeoutSeconds)
        .setMaxHeaderSize(maxHeaderBytes)
        .setMaxInitialLineLength(maxRequestLineBytes)
        // HTTP/1.1 only (as the SDK speaks): the request deadline counts one request at a time
        // per connection, which h2c's multiplexed streams would defeat
        .setHttp2ClearTextEnabled(false);
    if (tls) {
      http.setEnabledSecureTransportProtocols(TLS_PROTOCOLS);
    }
    return http;
  }
}
