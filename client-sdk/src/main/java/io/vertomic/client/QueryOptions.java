package io.vertomic.client;

import io.vertx.core.json.JsonObject;

/**
 * How {@link VertomicClient#q(QueryOptions, Object, Db, Object...)} runs a query, as the {@code
 * :offset}, {@code :limit} and {@code :timeout} of Datomic's client {@code q}: skip {@code offset}
 * rows, answer at most {@code limit} ({@code -1}: all), and let the server give up after {@code
 * timeoutMillis} ({@code 0}: the server's default) with an {@code interrupted} anomaly. Mutable,
 * not thread-safe; the client copies what it needs when the call is made.
 *
 * <pre>{@code
 * client.q(new QueryOptions().setOffset(100).setLimit(50).setTimeoutMillis(2_000),
 *     "[:find ?n :where [_ :person/name ?n]]", db);
 * }</pre>
 */
public final class QueryOptions {
  public static final long DEFAULT_OFFSET = 0;
  public static final long DEFAULT_LIMIT = -1;
  public static final long DEFAULT_TIMEOUT_MILLIS = 0;

  private long offset = DEFAULT_OFFSET;
  private long limit = DEFAULT_LIMIT;
  private long timeoutMillis = DEFAULT_TIMEOUT_MILLIS;

  public QueryOptions() {}

  public QueryOptions(QueryOptions other) {
    this.offset = other.offset;
    this.limit = other.limit;
    this.timeoutMillis = other.timeoutMillis;
  }

  /** From {@code {"offset": n, "limit": n, "timeoutMillis": n}}, absent members at defaults. */
  public QueryOptions(JsonObject json) {
    setOffset(json.getLong("offset", DEFAULT_OFFSET));
    setLimit(json.getLong("limit", DEFAULT_LIMIT));
    setTimeoutMillis(json.getLong("timeoutMillis", DEFAULT_TIMEOUT_MILLIS));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("offset", offset)
        .put("limit", limit)
        .put("timeoutMillis", timeoutMillis);
  }

  public long getOffset() {
    return offset;
  }

  /** Rows to skip, {@code >= 0}. */
  public QueryOptions setOffset(long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, not " + offset);
    }
    this.offset = offset;
    return this;
  }

  public long getLimit() {
    return limit;
  }

  /** Rows to answer at most, {@code >= 0}, or {@code -1} for all. */
  public QueryOptions setLimit(long limit) {
    if (limit < -1) {
      throw new IllegalArgumentException("limit must be >= 0 or -1 (all), not " + limit);
    }
    this.limit = limit;
    return this;
  }

  public long getTimeoutMillis() {
    return timeoutMillis;
  }

  /** Milliseconds the server may run the query, {@code > 0}, or {@code 0} for its default. */
  public QueryOptions setTimeoutMillis(long timeoutMillis) {
    if (timeoutMillis < 0) {
      throw new IllegalArgumentException("timeoutMillis must be >= 0, not " + timeoutMillis);
    }
    this.timeoutMillis = timeoutMillis;
    return this;
  }
}
