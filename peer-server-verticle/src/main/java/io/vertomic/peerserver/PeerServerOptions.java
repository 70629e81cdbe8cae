package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.cluster.ProcessConfig;
import io.vertomic.peer.PeerOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The peer server's configuration, from the launcher's {@code -conf} file with environment
 * variables over it and {@code -Dvertomic.KEY} flags over those (docs/http-api.md, "Capacity"):
 *
 * <pre>{@code
 * {"storage": "vertomic:dev://127.0.0.1:4334/*", "host": "127.0.0.1", "port": 8998,
 *  "accessKey": "dev", "secret": "dev", "tlsCertPath": "cert.pem", "tlsKeyPath": "key.pem",
 *  "maxConcurrentQueries": 8, "maxQueuedQueries": 64, "maxPendingTransactions": 1000,
 *  "queryTimeoutMillis": 30000, "maxResultRows": 100000, "maxBodyBytes": 1048576,
 *  "databaseFunctions": false,
 *  "classpath": "/opt/app/bank.jar", "accessKeysFile": "keys.json", "accessKeysCheckMillis": 2000}
 * }</pre>
 *
 * <p>{@code databaseFunctions} sets the process's {@code PeerOptions}: whether the transactions
 * this server processes itself ({@code with} queries, databases it writes with no transactor) may
 * call database functions.
 *
 * <p>{@code classpath}: jars whose extensions the server loads at start, for the {@code with} of
 * its clients (docs/extensions.md); one that is not a readable jar is refused here.
 *
 * <p>{@code accessKeysFile}: the access keys with their roles (docs/security.md), read again when
 * it changes (checked every {@code accessKeysCheckMillis}); with it, {@code accessKey} and {@code
 * secret} are not used.
 */
public record PeerServerOptions(
    String storage,
    String host,
    int port,
    String accessKey,
    String secret,
    String tlsCertPath,
    String tlsKeyPath,
    int maxConcurrentQueries,
    int maxQueuedQueries,
    int maxPendingTransactions,
    long queryTimeoutMillis,
    int maxResultRows,
    long maxBodyBytes,
    boolean databaseFunctions,
    List<Path> classpath,
    String accessKeysFile,
    long accessKeysCheckMillis) {

  /** The default port, as Datomic's peer server's documentation uses. */
  public static final int DEFAULT_PORT = 8998;

  public static PeerServerOptions from(JsonObject config, Map<String, String> env) {
    return from(config, env, new Properties());
  }

  /** As {@link #from(JsonObject, Map)}, with the system properties {@code props} over both. */
  public static PeerServerOptions from(
      JsonObject config, Map<String, String> env, Properties props) {
    if (props.getProperty("vertomic.secret") != null) {
      // a -D flag is part of the command line, which any user of the machine can read with ps
      throw Anomaly.incorrect(
          "vertomic.error/invalid-config",
          "The secret is not taken from -Dvertomic.secret, which ps shows to every user: give it"
              + " in VERTOMIC_SECRET or the config file");
    }
    ProcessConfig c =
        ProcessConfig.of(config, env, props)
            .override("storage", "VERTOMIC_STORAGE")
            .override("host", "VERTOMIC_HOST")
            .override("port", "VERTOMIC_PORT")
            .override("accessKey", "VERTOMIC_ACCESS_KEY")
            .override("secret", "VERTOMIC_SECRET")
            .override("tlsCertPath", "VERTOMIC_TLS_CERT")
            .override("tlsKeyPath", "VERTOMIC_TLS_KEY")
            .override("maxConcurrentQueries", "VERTOMIC_MAX_CONCURRENT_QUERIES")
            .override("maxQueuedQueries", "VERTOMIC_MAX_QUEUED_QUERIES")
            .override("maxPendingTransactions", "VERTOMIC_MAX_PENDING_TRANSACTIONS")
            .override("queryTimeoutMillis", "VERTOMIC_QUERY_TIMEOUT_MILLIS")
            .override("maxResultRows", "VERTOMIC_MAX_RESULT_ROWS")
            .override("maxBodyBytes", "VERTOMIC_MAX_BODY_BYTES")
            .override("databaseFunctions", "VERTOMIC_DATABASE_FUNCTIONS")
            .override("classpath", "VERTOMIC_EXTENSIONS")
            .override("accessKeysFile", "VERTOMIC_ACCESS_KEYS_FILE")
            .override("accessKeysCheckMillis", "VERTOMIC_ACCESS_KEYS_CHECK_MILLIS");
    String storage = c.string("storage", null);
    if (storage == null || storage.isBlank()) {
      throw Anomaly.incorrect(
          "vertomic.error/invalid-config",
          "The peer server needs a storage URI with * as the database (config storage or"
              + " VERTOMIC_STORAGE)");
    }
    String cert = c.string("tlsCertPath", null);
    String key = c.string("tlsKeyPath", null);
    if ((cert == null) != (key == null)) {
      throw Anomaly.incorrect(
          "vertomic.error/invalid-config", "TLS needs both tlsCertPath and tlsKeyPath (PEM files)");
    }
    try {
      return new PeerServerOptions(
          storage,
          c.string("host", "127.0.0.1"),
          (int) c.atLeast("port", 0, DEFAULT_PORT),
          c.string("accessKey", "dev"),
          c.string("secret", "dev"),
          cert,
          key,
          (int) c.positive("maxConcurrentQueries", 8),
          (int) c.atLeast("maxQueuedQueries", 0, 64),
          (int) c.positive("maxPendingTransactions", 1000),
          c.positive("queryTimeoutMillis", 30_000),
          (int) c.positive("maxResultRows", 100_000),
          c.positive("maxBodyBytes", 1 << 20),
          c.bool("databaseFunctions", PeerOptions.DEFAULT_DATABASE_FUNCTIONS),
          c.jars("classpath"),
          c.string("accessKeysFile", null),
          c.positive("accessKeysCheckMillis", 2_000));
    } catch (IllegalArgumentException e) {
      throw Anomaly.incorrect(
          "vertomic.error/invalid-config", "Bad peer server config: " + e.getMessage());
    }
  }

  /** Whether the server answers over TLS. */
  public boolean tls() {
    return tlsCertPath != null;
  }
}
