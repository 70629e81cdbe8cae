package io.vertomic.transactor;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.cluster.ProcessConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The transactor's configuration, from the launcher's {@code -conf} file with environment variables
 * over it ({@code VERTOMIC_STORAGE}, {@code VERTOMIC_LEASE_MILLIS}, ...) and {@code -Dvertomic.KEY}
 * flags over those:
 *
 * <pre>{@code
 * {"storage": "vertomic:sql://*?postgresql://postgres@127.0.0.1:5432/test",
 *  "leaseMillis": 5000, "txTimeoutMillis": 30000, "txQueueMax": 10000,
 *  "indexThresholdDatoms": 100000, "segmentCache": "memcached:127.0.0.1:11211",
 *  "databaseFunctions": false, "metricsPort": 8999,
 *  "classpath": "/opt/app/bank.jar:/opt/app/more.jar"}
 * }</pre>
 *
 * <p>{@code databaseFunctions} ({@code VERTOMIC_DATABASE_FUNCTIONS}) turns on calls of database
 * functions ({@code :db/fn} values) in the transactions this transactor processes: they run code
 * that a transaction wrote, so they are off unless turned on, and a call is {@code forbidden}.
 *
 * <p>{@code metricsPort} ({@code VERTOMIC_METRICS_PORT}): where {@code GET /health} and {@code GET
 * /metrics} answer, on 127.0.0.1; when it is taken (a standby on the same host) the next free port
 * is used, and 0 means any free port. The transactor prints which it took.
 *
 * <p>{@code classpath}: jars whose extensions the transactor loads at start (docs/extensions.md);
 * one that is not a readable jar is refused here, so the transactor never starts without them.
 */
public record TransactorOptions(
    String storage,
    long leaseMillis,
    long txTimeoutMillis,
    int txQueueMax,
    long indexThresholdDatoms,
    String segmentCache,
    boolean databaseFunctions,
    int metricsPort,
    List<Path> classpath) {
  public static final long DEFAULT_LEASE_MILLIS = 5_000;
  public static final long DEFAULT_TX_TIMEOUT_MILLIS = 30_000;
  public static final int DEFAULT_TX_QUEUE_MAX = 10_000;
  public static final long DEFAULT_INDEX_THRESHOLD_DATOMS = 100_000;
  public static final boolean DEFAULT_DATABASE_FUNCTIONS = false;
  public static final int DEFAULT_METRICS_PORT = 8999;

  public static TransactorOptions from(JsonObject config, Map<String, String> env) {
    return from(config, env, new Properties());
  }

  /** As {@link #from(JsonObject, Map)}, with the system properties {@code props} over both. */
  public static TransactorOptions from(
      JsonObject config, Map<String, String> env, Properties props) {
    ProcessConfig c =
        ProcessConfig.of(config, env, props)
            .override("storage", "VERTOMIC_STORAGE")
            .override("leaseMillis", "VERTOMIC_LEASE_MILLIS")
            .override("txTimeoutMillis", "VERTOMIC_TX_TIMEOUT_MILLIS")
            .override("txQueueMax", "VERTOMIC_TX_QUEUE_MAX")
            .override("indexThresholdDatoms", "VERTOMIC_INDEX_THRESHOLD_DATOMS")
            .override("segmentCache", "VERTOMIC_SEGMENT_CACHE")
            .override("databaseFunctions", "VERTOMIC_DATABASE_FUNCTIONS")
            .override("metricsPort", "VERTOMIC_METRICS_PORT")
            .override("classpath", "VERTOMIC_EXTENSIONS");
    String storage = c.string("storage", null);
    if (storage == null || storage.isBlank()) {
      throw Anomaly.incorrect(
          "vertomic.error/invalid-config",
          "The transactor needs a storage URI with * as the database (config storage or"
              + " VERTOMIC_STORAGE)");
    }
    try {
      return new TransactorOptions(
          storage,
          c.positive("leaseMillis", DEFAULT_LEASE_MILLIS),
          c.positive("txTimeoutMillis", DEFAULT_TX_TIMEOUT_MILLIS),
          (int) c.positive("txQueueMax", DEFAULT_TX_QUEUE_MAX),
          c.positive("indexThresholdDatoms", DEFAULT_INDEX_THRESHOLD_DATOMS),
          c.string("segmentCache", null),
          c.bool("databaseFunctions", DEFAULT_DATABASE_FUNCTIONS),
          port(c.atLeast("metricsPort", 0, DEFAULT_METRICS_PORT)),
          c.jars("classpath"));
    } catch (IllegalArgumentException e) {
      throw Anomaly.incorrect(
          "vertomic.error/invalid-config", "Bad transactor config: " + e.getMessage());
    }
  }

  private static int port(long port) {
    if (port > 65_535) {
      throw new IllegalArgumentException("metricsPort must be at most 65535, not " + port);
    }
    return (int) port;
  }
}
