package io.vertomic.transactor;

import io.vertomic.anomaly.Anomaly;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The transactor's configuration, from the launcher's {@code -conf} file with environment variables
 * over it ({@code VERTOMIC_STORAGE}, {@code VERTOMIC_LEASE_MILLIS}, ...):
 *
 * <pre>{@code
 * {"storage": "vertomic:sql://*?postgresql://postgres@127.0.0.1:5432/test",
 *  "leaseMillis": 5000, "txTimeoutMillis": 30000, "txQueueMax": 10000,
 *  "indexThresholdDatoms": 100000, "segmentCache": "memcached:127.0.0.1:11211"}
 * }</pre>
 */
public record TransactorOptions(
    String storage,
    long leaseMillis,
    long txTimeoutMillis,
    int txQueueMax,
    long indexThresholdDatoms,
    String segmentCache) {
  public static final long DEFAULT_LEASE_MILLIS = 5_000;
  public static final long DEFAULT_TX_TIMEOUT_MILLIS = 30_000;
  public static final int DEFAULT_TX_QUEUE_MAX = 10_000;
  public static final long DEFAULT_INDEX_THRESHOLD_DATOMS = 100_000;

  public static TransactorOptions from(JsonObject config, Map<String, String> env) {
    JsonObject c = config == null ? new JsonObject() : config.copy();
    override(c, env, "storage", "VERTOMIC_STORAGE");
    override(c, env, "leaseMillis", "VERTOMIC_LEASE_MILLIS");
    override(c, env, "txTimeoutMillis", "VERTOMIC_TX_TIMEOUT_MILLIS");
    override(c, env, "txQueueMax", "VERTOMIC_TX_QUEUE_MAX");
    override(c, env, "indexThresholdDatoms", "VERTOMIC_INDEX_THRESHOLD_DATOMS");
    override(c, env, "segmentCache", "VERTOMIC_SEGMENT_CACHE");
    String storage = c.getString("storage");
    if (storage == null || storage.isBlank()) {
      throw Anomaly.incorrect(
          "vertomic.error/invalid-config",
          "The transactor needs a storage URI with * as the database (config storage or"
              + " VERTOMIC_STORAGE)");
    }
    try {
      return new TransactorOptions(
          storage,
          number(c, "leaseMillis", DEFAULT_LEASE_MILLIS),
          number(c, "txTimeoutMillis", DEFAULT_TX_TIMEOUT_MILLIS),
          (int) number(c, "txQueueMax", DEFAULT_TX_QUEUE_MAX),
          number(c, "indexThresholdDatoms", DEFAULT_INDEX_THRESHOLD_DATOMS),
          c.getString("segmentCache"));
    } catch (NumberFormatException | ClassCastException e) {
      throw Anomaly.incorrect("vertomic.error/invalid-config", "Bad transactor config: " + e);
    }
  }

  private static void override(JsonObject c, Map<String, String> env, String key, String var) {
    String v = env.get(var);
    if (v != null && !v.isBlank()) {
      c.put(key, v);
    }
  }

  private static long number(JsonObject c, String key, long fallback) {
    Object v = c.getValue(key);
    long n = v == null ? fallback : Long.parseLong(v.toString());
    if (n <= 0) {
      throw new NumberFormatException(key + " must be positive, not " + n);
    }
    return n;
  }
}
