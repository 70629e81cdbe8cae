package io.vertomic.peer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.vertomic.anomaly.Anomaly;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * What the peer library does in this process, set with {@link Peer#configure}: the engine's
 * settings, passed down to what uses them (no engine code reads system properties). Transaction
 * settings govern the transactions this process itself processes: those of {@code vertomic:mem}
 * databases, of durable databases no transactor serves (this process is their writer), and {@link
 * Database#with} on any database; a transactor has its own configuration for the transactions it
 * processes. Storage and cache settings hold from the next storage this process opens. Not
 * thread-safe; {@link Peer#configure} keeps a copy.
 *
 * <p>Where the settings come from, each later source over the earlier ones: the defaults below,
 * then the environment variables, then the {@code -D} system properties ({@link #fromProcess}, what
 * a process starts with), then {@link Peer#configure}.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setter</th><th>environment</th><th>-D</th><th>default</th></tr>
 *   <tr><td>objectCacheBytes</td><td>VERTOMIC_OBJECT_CACHE_BYTES</td>
 *       <td>vertomic.objectCacheBytes</td><td>0: a quarter of the heap</td></tr>
 *   <tr><td>segmentCache</td><td>VERTOMIC_SEGMENT_CACHE</td><td>vertomic.segmentCache</td>
 *       <td>none</td></tr>
 *   <tr><td>indexThresholdDatoms</td><td>VERTOMIC_INDEX_THRESHOLD_DATOMS</td>
 *       <td>vertomic.indexThresholdDatoms</td><td>100,000</td></tr>
 *   <tr><td>txQueueMax</td><td>VERTOMIC_TX_QUEUE_MAX</td><td>vertomic.txQueueMax</td>
 *       <td>10,000</td></tr>
 *   <tr><td>txTimeoutMillis</td><td>VERTOMIC_TX_TIMEOUT_MILLIS</td>
 *       <td>vertomic.txTimeoutMillis</td><td>30,000</td></tr>
 *   <tr><td>dataDir</td><td>VERTOMIC_DATA_DIR</td><td>vertomic.dev.dir</td><td>data</td></tr>
 *   <tr><td>clusterConfig</td><td>VERTOMIC_CLUSTER_CONFIG</td><td>vertomic.cluster.config</td>
 *       <td>cluster.xml</td></tr>
 *   <tr><td>clusterName</td><td>VERTOMIC_CLUSTER_NAME</td><td>vertomic.cluster.name</td>
 *       <td>the configuration's</td></tr>
 *   <tr><td>clusterTls</td><td>VERTOMIC_CLUSTER_TLS</td><td>vertomic.cluster.tls</td>
 *       <td>none: plain TCP (the scripts give their checkout's)</td></tr>
 *   <tr><td>databaseFunctions</td><td>VERTOMIC_DATABASE_FUNCTIONS</td>
 *       <td>vertomic.databaseFunctions</td><td>false</td></tr>
 * </table>
 *
 * <pre>{@code
 * Peer.configure(Peer.options().setDatabaseFunctions(true).setIndexThresholdDatoms(50_000));
 * Peer.configure(Peer.options().setMeterRegistry(myPrometheusRegistry));
 * }</pre>
 */
public final class PeerOptions {
  /** Database functions are off unless turned on: they run code that a transaction wrote. */
  public static final boolean DEFAULT_DATABASE_FUNCTIONS = false;

  public static final long DEFAULT_INDEX_THRESHOLD_DATOMS = 100_000;
  public static final int DEFAULT_TX_QUEUE_MAX = 10_000;
  public static final long DEFAULT_TX_TIMEOUT_MILLIS = 30_000;
  public static final String DEFAULT_DATA_DIR = "data";
  public static final String DEFAULT_CLUSTER_CONFIG = "cluster.xml";

  // setter name, environment variable, system property: the sources fromProcess reads (the data
  // directory's and the cluster's are read by the storage and cluster layers, which own them)
  private static final String[][] SOURCES = {
    {"objectCacheBytes", "VERTOMIC_OBJECT_CACHE_BYTES", "vertomic.objectCacheBytes"},
    {"segmentCache", "VERTOMIC_SEGMENT_CACHE", "vertomic.segmentCache"},
    {"indexThresholdDatoms", "VERTOMIC_INDEX_THRESHOLD_DATOMS", "vertomic.indexThresholdDatoms"},
    {"txQueueMax", "VERTOMIC_TX_QUEUE_MAX", "vertomic.txQueueMax"},
    {"txTimeoutMillis", "VERTOMIC_TX_TIMEOUT_MILLIS", "vertomic.txTimeoutMillis"},
    {"databaseFunctions", "VERTOMIC_DATABASE_FUNCTIONS", "vertomic.databaseFunctions"},
  };

  private boolean databaseFunctions = DEFAULT_DATABASE_FUNCTIONS;
  private long objectCacheBytes;
  private String segmentCache;
  private long indexThresholdDatoms = DEFAULT_INDEX_THRESHOLD_DATOMS;
  private int txQueueMax = DEFAULT_TX_QUEUE_MAX;
  private long txTimeoutMillis = DEFAULT_TX_TIMEOUT_MILLIS;
  private String dataDir = DEFAULT_DATA_DIR;
  private String clusterConfig = DEFAULT_CLUSTER_CONFIG;
  private String clusterName;
  private String clusterTls;
  private MeterRegistry meterRegistry = Metrics.globalRegistry;

  /** The defaults. */
  public PeerOptions() {}

  /** A copy of {@code other}. */
  public PeerOptions(PeerOptions other) {
    this(other.toJson());
    this.meterRegistry = other.meterRegistry;
  }

  /**
   * From JSON with the setters' names as keys ({@code {"databaseFunctions": true}}); absent keys
   * keep their defaults. Numbers and switches may be given as text, as environment variables give
   * them. Fails {@code incorrect} naming the key of a value of the wrong kind.
   */
  public PeerOptions(JsonObject json) {
    databaseFunctions = bool(json, "databaseFunctions", DEFAULT_DATABASE_FUNCTIONS);
    setObjectCacheBytes(number(json, "objectCacheBytes", 0));
    setSegmentCache(json.getString("segmentCache"));
    setIndexThresholdDatoms(number(json, "indexThresholdDatoms", DEFAULT_INDEX_THRESHOLD_DATOMS));
    setTxQueueMax((int) number(json, "txQueueMax", DEFAULT_TX_QUEUE_MAX));
    setTxTimeoutMillis(number(json, "txTimeoutMillis", DEFAULT_TX_TIMEOUT_MILLIS));
    setDataDir(json.getString("dataDir", DEFAULT_DATA_DIR));
    setClusterConfig(json.getString("clusterConfig", DEFAULT_CLUSTER_CONFIG));
    setClusterName(json.getString("clusterName"));
    setClusterTls(json.getString("clusterTls"));
  }

  /**
   * The defaults with this process's environment variables and then its {@code -D} system
   * properties over them, for every setting of the table above but {@code dataDir} and {@code
   * cluster*}, which {@code StorageSettings} and {@code ClusterOptions} read; with those, what
   * {@link Peer#options} holds until {@link Peer#configure}.
   */
  public static PeerOptions fromProcess() {
    return from(System.getenv(), System.getProperties());
  }

  /** As {@link #fromProcess}, from the given environment and system properties. */
  public static PeerOptions from(Map<String, String> env, Properties props) {
    JsonObject json = new JsonObject();
    for (String[] s : SOURCES) {
      String v = props.getProperty(s[2], env.get(s[1]));
      if (v != null && !v.isBlank()) {
        json.put(s[0], v.trim());
      }
    }
    return new PeerOptions(json);
  }

  /**
   * Whether a transaction processed in this process may call a database function (a {@code :db/fn}
   * value, by its entity's ident). When off, such a call fails the transaction with {@code
   * forbidden}. {@link Database#invoke}, which the application calls itself, runs either way.
   */
  public boolean isDatabaseFunctions() {
    return databaseFunctions;
  }

  /** Turns calls of database functions in transactions on or off (off by default). */
  public PeerOptions setDatabaseFunctions(boolean databaseFunctions) {
    this.databaseFunctions = databaseFunctions;
    return this;
  }

  /**
   * Bytes of decoded segments the object cache of each storage may hold; 0: a quarter of the heap.
   */
  public long getObjectCacheBytes() {
    return objectCacheBytes;
  }

  /** The bytes the object cache holds at most, once {@link #getObjectCacheBytes} is applied. */
  public long objectCacheBudget() {
    return objectCacheBytes > 0 ? objectCacheBytes : Runtime.getRuntime().maxMemory() / 4;
  }

  public PeerOptions setObjectCacheBytes(long objectCacheBytes) {
    this.objectCacheBytes = atLeast("objectCacheBytes", objectCacheBytes, 0);
    return this;
  }

  /**
   * The distributed segment cache between the object cache and storage: {@code
   * memcached:HOST:PORT[,HOST:PORT...]} or {@code cluster-map}; null for none.
   */
  public String getSegmentCache() {
    return segmentCache;
  }

  public PeerOptions setSegmentCache(String segmentCache) {
    this.segmentCache = segmentCache == null || segmentCache.isBlank() ? null : segmentCache;
    return this;
  }

  /** Novelty datoms after which a database this process writes runs its index job. */
  public long getIndexThresholdDatoms() {
    return indexThresholdDatoms;
  }

  public PeerOptions setIndexThresholdDatoms(long indexThresholdDatoms) {
    this.indexThresholdDatoms = atLeast("indexThresholdDatoms", indexThresholdDatoms, 1);
    return this;
  }

  /** Transactions a writer of this process holds unanswered before it answers busy. */
  public int getTxQueueMax() {
    return txQueueMax;
  }

  public PeerOptions setTxQueueMax(int txQueueMax) {
    this.txQueueMax = (int) atLeast("txQueueMax", txQueueMax, 1);
    return this;
  }

  /** How long a transaction sent to a transactor waits for its answer. */
  public long getTxTimeoutMillis() {
    return txTimeoutMillis;
  }

  public PeerOptions setTxTimeoutMillis(long txTimeoutMillis) {
    this.txTimeoutMillis = atLeast("txTimeoutMillis", txTimeoutMillis, 1);
    return this;
  }

  /** The directory under which {@code vertomic:dev://HOST:PORT/NAME} keeps {@code HOST_PORT}. */
  public String getDataDir() {
    return dataDir;
  }

  public PeerOptions setDataDir(String dataDir) {
    this.dataDir = dataDir == null || dataDir.isBlank() ? DEFAULT_DATA_DIR : dataDir;
    return this;
  }

  /** The Hazelcast configuration a peer joins a transactor's cluster with: a file or resource. */
  public String getClusterConfig() {
    return clusterConfig;
  }

  public PeerOptions setClusterConfig(String clusterConfig) {
    this.clusterConfig =
        clusterConfig == null || clusterConfig.isBlank() ? DEFAULT_CLUSTER_CONFIG : clusterConfig;
    return this;
  }

  /** The cluster name over the configuration's (tests use their own); null: the configuration's. */
  public String getClusterName() {
    return clusterName;
  }

  public PeerOptions setClusterName(String clusterName) {
    this.clusterName = clusterName == null || clusterName.isBlank() ? null : clusterName;
    return this;
  }

  /**
   * The directory of the cluster certificate with which this process's event bus speaks mutual TLS
   * to the transactor and other members ({@code member-key.pem}, {@code member-cert.pem}, {@code
   * trusted-certs.pem}: docs/security.md); null (or {@code off}) for plain TCP. A transactor
   * started with a certificate accepts only members that hold one it trusts.
   */
  public String getClusterTls() {
    return clusterTls;
  }

  /** Sets {@link #getClusterTls}; null, blank or {@code off} for plain TCP. */
  public PeerOptions setClusterTls(String clusterTls) {
    this.clusterTls = clusterTls == null || clusterTls.isBlank() ? null : clusterTls.trim();
    return this;
  }

  /**
   * Where the peer library registers its meters (transactions, index jobs, storage, caches,
   * queries: docs/operations.md). By default Micrometer's {@link Metrics#globalRegistry}: it
   * records nothing until the application adds a registry to it, and an application that already
   * publishes it gets the peer's meters with no code. Set it before the first connection: meters
   * are registered when what they measure is opened.
   */
  public MeterRegistry getMeterRegistry() {
    return meterRegistry;
  }

  /** Registers the peer library's meters in {@code meterRegistry} (not in JSON: an object). */
  public PeerOptions setMeterRegistry(MeterRegistry meterRegistry) {
    this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
    return this;
  }

  /**
   * These options as JSON (but the meter registry), the keys {@link #PeerOptions(JsonObject)}
   * reads.
   */
  public JsonObject toJson() {
    JsonObject json =
        new JsonObject()
            .put("databaseFunctions", databaseFunctions)
            .put("objectCacheBytes", objectCacheBytes)
            .put("indexThresholdDatoms", indexThresholdDatoms)
            .put("txQueueMax", txQueueMax)
            .put("txTimeoutMillis", txTimeoutMillis)
            .put("dataDir", dataDir)
            .put("clusterConfig", clusterConfig);
    if (segmentCache != null) {
      json.put("segmentCache", segmentCache);
    }
    if (clusterName != null) {
      json.put("clusterName", clusterName);
    }
    if (clusterTls != null) {
      json.put("clusterTls", clusterTls);
    }
    return json;
  }

  private static long atLeast(String key, long value, long min) {
    if (value < min) {
      throw invalid(key, "at least " + min, value);
    }
    return value;
  }

  private static long number(JsonObject json, String key, long fallback) {
    Object v = json.getValue(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(v.toString().trim());
    } catch (NumberFormatException e) {
      throw invalid(key, "a whole number", v);
    }
  }

  private static boolean bool(JsonObject json, String key, boolean fallback) {
    Object v = json.getValue(key);
    if (v == null) {
      return fallback;
    }
    return switch (v.toString().trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, "true or false", v);
    };
  }

  private static Anomaly invalid(String key, String expected, Object value) {
    return Anomaly.incorrect(
        "vertomic.error/invalid-config",
        "Peer option " + key + " must be " + expected + ", not '" + value + "'");
  }
}
