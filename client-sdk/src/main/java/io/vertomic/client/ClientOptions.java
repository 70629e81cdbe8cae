package io.vertomic.client;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * How a {@link VertomicClient} reaches its peer server: endpoint, credentials, timeouts, the retry
 * of {@code busy} answers and the default chunk size of streamed results. A mutable options object
 * in the Vert.x style (fluent setters, copy and {@link JsonObject} constructors); {@link
 * VertomicClient#create} takes a copy, so changing an options object later does not change a
 * client. Not thread-safe.
 *
 * <pre>{@code
 * ClientOptions options = new ClientOptions()
 *     .setEndpoint("https://peer.example.com:8998")
 *     .setAccessKey("app").setSecret(System.getenv("VERTOMIC_SECRET"))
 *     .setPemTrustCertPath("/etc/vertomic/ca.pem");
 * }</pre>
 *
 * <p>Setters fail fast with {@link NullPointerException} or {@link IllegalArgumentException} naming
 * the bad value.
 */
public final class ClientOptions {
  /** {@code http://127.0.0.1:8998}, the peer server's default address. */
  public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8998";

  public static final String DEFAULT_ACCESS_KEY = "dev";
  public static final String DEFAULT_SECRET = "dev";
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 30_000;
  public static final long DEFAULT_RETRY_DEADLINE_MILLIS = 60_000;
  public static final long DEFAULT_INITIAL_BACKOFF_MILLIS = 10;
  public static final long DEFAULT_MAX_BACKOFF_MILLIS = 1_000;
  public static final int DEFAULT_CHUNK_SIZE = 1_000;
  public static final boolean DEFAULT_TRUST_ALL = false;
  public static final int DEFAULT_MAX_CONNECTIONS = 16;

  private String endpoint = DEFAULT_ENDPOINT;
  private String accessKey = DEFAULT_ACCESS_KEY;
  private String secret = DEFAULT_SECRET;
  private long requestTimeoutMillis = DEFAULT_REQUEST_TIMEOUT_MILLIS;
  private long retryDeadlineMillis = DEFAULT_RETRY_DEADLINE_MILLIS;
  private long initialBackoffMillis = DEFAULT_INITIAL_BACKOFF_MILLIS;
  private long maxBackoffMillis = DEFAULT_MAX_BACKOFF_MILLIS;
  private int chunkSize = DEFAULT_CHUNK_SIZE;
  private boolean trustAll = DEFAULT_TRUST_ALL;
  private int maxConnections = DEFAULT_MAX_CONNECTIONS;
  private String pemTrustCertPath;

  /** The defaults. */
  public ClientOptions() {}

  /** A copy of {@code other}. */
  public ClientOptions(ClientOptions other) {
    this(other.toJson());
  }

  /**
   * Options from a configuration object whose keys are the property names ({@code endpoint}, {@code
   * accessKey}, {@code requestTimeoutMillis}, ...); absent keys keep their defaults.
   */
  public ClientOptions(JsonObject json) {
    setEndpoint(json.getString("endpoint", DEFAULT_ENDPOINT));
    setAccessKey(json.getString("accessKey", DEFAULT_ACCESS_KEY));
    setSecret(json.getString("secret", DEFAULT_SECRET));
    setRequestTimeoutMillis(json.getLong("requestTimeoutMillis", DEFAULT_REQUEST_TIMEOUT_MILLIS));
    setRetryDeadlineMillis(json.getLong("retryDeadlineMillis", DEFAULT_RETRY_DEADLINE_MILLIS));
    setInitialBackoffMillis(json.getLong("initialBackoffMillis", DEFAULT_INITIAL_BACKOFF_MILLIS));
    setMaxBackoffMillis(json.getLong("maxBackoffMillis", DEFAULT_MAX_BACKOFF_MILLIS));
    setChunkSize(json.getInteger("chunkSize", DEFAULT_CHUNK_SIZE));
    setTrustAll(json.getBoolean("trustAll", DEFAULT_TRUST_ALL));
    setMaxConnections(json.getInteger("maxConnections", DEFAULT_MAX_CONNECTIONS));
    setPemTrustCertPath(json.getString("pemTrustCertPath"));
  }

  /** These options as a configuration object, the inverse of {@link #ClientOptions(JsonObject)}. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("endpoint", endpoint)
        .put("accessKey", accessKey)
        .put("secret", secret)
        .put("requestTimeoutMillis", requestTimeoutMillis)
        .put("retryDeadlineMillis", retryDeadlineMillis)
        .put("initialBackoffMillis", initialBackoffMillis)
        .put("maxBackoffMillis", maxBackoffMillis)
        .put("chunkSize", chunkSize)
        .put("trustAll", trustAll)
        .put("maxConnections", maxConnections)
        .put("pemTrustCertPath", pemTrustCertPath);
  }

  public String getEndpoint() {
    return endpoint;
  }

  /**
   * The peer server's base URL, {@code http://HOST:PORT} or {@code https://HOST:PORT} (TLS); a path
   * after the port is a prefix put before every route.
   */
  public ClientOptions setEndpoint(String endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
      throw new IllegalArgumentException(
          "endpoint must start with http:// or https://, not \"" + endpoint + "\"");
    }
    this.endpoint = endpoint;
    return this;
  }

  public String getAccessKey() {
    return accessKey;
  }

  /** The access key sent as the HTTP Basic user name. */
  public ClientOptions setAccessKey(String accessKey) {
    this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
    return this;
  }

  public String getSecret() {
    return secret;
  }

  /** The secret sent as the HTTP Basic password. */
  public ClientOptions setSecret(String secret) {
    this.secret = Objects.requireNonNull(secret, "secret");
    return this;
  }

  public long getRequestTimeoutMillis() {
    return requestTimeoutMillis;
  }

  /**
   * How long one request may take: until the whole answer is read, or until a chunk stream's first
   * bytes arrive. Past it the request is reset and fails {@code interrupted}. Must be positive.
   */
  public ClientOptions setRequestTimeoutMillis(long requestTimeoutMillis) {
    this.requestTimeoutMillis = positive("requestTimeoutMillis", requestTimeoutMillis);
    return this;
  }

  public long getRetryDeadlineMillis() {
    return retryDeadlineMillis;
  }

  /**
   * How long after a request's first attempt a {@code busy} answer is still retried; 0 turns
   * retrying off. Must not be negative.
   */
  public ClientOptions setRetryDeadlineMillis(long retryDeadlineMillis) {
    this.retryDeadlineMillis = notNegative("retryDeadlineMillis", retryDeadlineMillis);
    return this;
  }

  public long getInitialBackoffMillis() {
    return initialBackoffMillis;
  }

  /** The cap of the first retry's random wait; each later cap doubles. Must be positive. */
  public ClientOptions setInitialBackoffMillis(long initialBackoffMillis) {
    this.initialBackoffMillis = positive("initialBackoffMillis", initialBackoffMillis);
    return this;
  }

  public long getMaxBackoffMillis() {
    return maxBackoffMillis;
  }

  /** The largest cap a retry's random wait grows to. Must be positive. */
  public ClientOptions setMaxBackoffMillis(long maxBackoffMillis) {
    this.maxBackoffMillis = positive("maxBackoffMillis", maxBackoffMillis);
    return this;
  }

  public int getChunkSize() {
    return chunkSize;
  }

  /** Rows per chunk of streamed results when the call names none. Must be positive. */
  public ClientOptions setChunkSize(int chunkSize) {
    this.chunkSize = (int) positive("chunkSize", chunkSize);
    return this;
  }

  public boolean isTrustAll() {
    return trustAll;
  }

  /** With {@code https://}: accept any server certificate and host name. For development only. */
  public ClientOptions setTrustAll(boolean trustAll) {
    this.trustAll = trustAll;
    return this;
  }

  public int getMaxConnections() {
    return maxConnections;
  }

  /**
   * How many HTTP connections the client keeps open to the server at most: how many requests are in
   * flight at once; more wait in the client for a connection.
   */
  public ClientOptions setMaxConnections(int maxConnections) {
    this.maxConnections = (int) positive("maxConnections", maxConnections);
    return this;
  }

  public String getPemTrustCertPath() {
    return pemTrustCertPath;
  }

  /** With {@code https://}: a PEM file of the certificates to trust; null for the JDK's. */
  public ClientOptions setPemTrustCertPath(String pemTrustCertPath) {
    this.pemTrustCertPath = pemTrustCertPath;
    return this;
  }

  private static long positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
    return value;
  }

  private static long notNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, not " + value);
    }
    return value;
  }

  @Override
  public String toString() {
    JsonObject json = toJson();
    json.put("secret", "***");
    return "ClientOptions" + json.encode();
  }
}
