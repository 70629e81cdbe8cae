package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.cluster.ClusterOptions;
import io.vertomic.db.DbValue;
import io.vertomic.metrics.EngineMeters;
import io.vertomic.peer.Connection;
import io.vertomic.peer.PeerOptions;
import io.vertomic.storage.StorageSettings;
import io.vertomic.storage.StorageUri;
import io.vertomic.tx.TxProcessor;
import io.vertomic.tx.Writer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The databases and connections of this process, by URI (API.md section 1). {@code
 * vertomic:mem://NAME} databases live here, each with its own single {@link Writer} and no storage
 * at all (as Datomic's mem databases); every other kind goes to {@link StorageDatabases}, through
 * the storage provider its URI names. Thread-safe.
 */
public final class Catalog {
  private static final Catalog INSTANCE = new Catalog();

  private final ConcurrentHashMap<String, Writer> mem = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LocalConnection> connections = new ConcurrentHashMap<>();
  private volatile PeerOptions options = fromProcess();
  // replaced when the options name another registry: what opens afterwards is measured there
  private volatile EngineMeters meters = new EngineMeters(options.getMeterRegistry());
  private final StorageDatabases durable =
      new StorageDatabases(this::processor, this::options, this::meters);

  private Catalog() {}

  /** The catalog of this process. */
  public static Catalog instance() {
    return INSTANCE;
  }

  // what the process was started with: its environment and -D flags, each layer reading its own
  private static PeerOptions fromProcess() {
    StorageSettings storage = StorageSettings.fromProcess();
    ClusterOptions cluster = ClusterOptions.fromProcess();
    return PeerOptions.fromProcess()
        .setDataDir(storage.dataDir())
        .setClusterConfig(cluster.config())
        .setClusterName(cluster.name())
        .setClusterTls(cluster.tls());
  }

  /** Sets the options of this process; {@code options} is not changed afterwards. */
  public void configure(PeerOptions options) {
    this.options = options;
    if (options.getMeterRegistry() != meters.registry()) {
      meters = new EngineMeters(options.getMeterRegistry());
    }
  }

  /** The meters of the registry the options in force name. */
  public EngineMeters meters() {
    return meters;
  }

  /** The options in force (not to be changed). */
  public PeerOptions options() {
    return options;
  }

  /**
   * A processor for a database this process writes: it calls database functions as the options in
   * force at each transaction say.
   */
  private TxProcessor processor() {
    return new TxProcessor(PeerDb::new, () -> options.isDatabaseFunctions());
  }

  public boolean createDatabase(String uri) {
    StorageUri u = parse(uri);
    if (!u.kind().equals("mem")) {
      return durable.create(u);
    }
    boolean[] created = {false};
    mem.computeIfAbsent(
        u.database(),
        n -> {
          created[0] = true;
          return new Writer(DbValue.bootstrap(), processor(), meters.tx());
        });
    return created[0];
  }

  public boolean deleteDatabase(String uri) {
    StorageUri u = parse(uri);
    if (!u.kind().equals("mem")) {
      return durable.delete(u);
    }
    LocalConnection c = connections.remove(u.database());
    if (c != null) {
      c.close();
    }
    return mem.remove(u.database()) != null;
  }

  /**
   * Renames the database {@code uri} names to {@code newName} (Datomic's {@code rename-database}):
   * true once renamed. Connections to it follow it (Datomic's do): they read and transact on under
   * the new name, and {@link #connect} of the new name returns them.
   */
  public boolean renameDatabase(String uri, String newName) {
    Objects.requireNonNull(newName, "newName");
    StorageUri from = parse(uri);
    StorageUri to = from.withName(newName);
    if (!from.kind().equals("mem")) {
      durable.rename(from, to);
      return true;
    }
    Writer w = mem.get(from.database());
    if (w == null) {
      throw RootMove.notFound(from);
    }
    if (mem.putIfAbsent(to.database(), w) != null) {
      throw RootMove.exists(to);
    }
    if (!mem.remove(from.database(), w)) {
      mem.remove(to.database(), w); // deleted meanwhile: it stays deleted
      throw RootMove.notFound(from);
    }
    LocalConnection c = connections.remove(from.database());
    if (c != null) {
      connections.putIfAbsent(to.database(), c);
    }
    return true;
  }

  public Connection connect(String uri) {
    StorageUri u = parse(uri);
    if (!u.kind().equals("mem")) {
      return durable.connect(u);
    }
    Writer w = mem.get(u.database());
    if (w == null) {
      throw Anomaly.notFound("db.error/db-not-found", "Could not find database " + uri);
    }
    return connections.compute(
        u.database(), (n, c) -> c != null && c.writer() == w ? c : new LocalConnection(w));
  }

  /**
   * The names of the databases of the storage {@code uri} names, with {@code *} as its database
   * name (Datomic's {@code getDatabaseNames}), sorted.
   */
  public List<String> databaseNames(String uri) {
    StorageUri u = parseWildcard(uri);
    return u.kind().equals("mem") ? mem.keySet().stream().sorted().toList() : durable.names(u);
  }

  /**
   * Opens the storage {@code uri} (with {@code *}) names and joins its transactor's cluster when it
   * has one, ahead of the first connection (a peer server does at start). Blocks.
   */
  public void prepare(String uri) {
    StorageUri u = parseWildcard(uri);
    if (!u.kind().equals("mem")) {
      durable.prepare(u);
    }
  }

  /**
   * Null when the storage {@code uri} (with {@code *}) names is usable: it answers and, when a
   * transactor serves it, one holds an unexpired lease; else what is wrong. Blocks.
   */
  public String storageProblem(String uri) {
    StorageUri u = parseWildcard(uri);
    return u.kind().equals("mem") ? null : durable.problem(u);
  }

  /** Releases every connection and storage of this process (Datomic's {@code shutdown}). */
  public void shutdown() {
    connections.values().forEach(LocalConnection::close);
    connections.clear();
    durable.shutdown();
  }

  /**
   * The object cache of the storage {@code uri} names, as (budget bytes, bytes held, hit ratio);
   * null before a connection to that storage opened it. For tests and metrics.
   */
  public CacheStats cacheStats(String uri) {
    StorageUri u = parse(uri);
    SegmentNodeSource s = durable.source(u);
    if (s == null) {
      return null;
    }
    var tier = durable.tier(u);
    return new CacheStats(
        s.budget(),
        s.weightedSize(),
        s.hitRatio(),
        tier == null ? 0 : tier.hits(),
        tier == null ? 0 : tier.misses());
  }

  /**
   * A snapshot of the caches of a storage: the object cache (budget, bytes held, hit ratio) and the
   * distributed tier behind it (segment reads it answered, and those that went to storage).
   */
  public record CacheStats(
      long budgetBytes, long heldBytes, double hitRatio, long tierHits, long tierMisses) {}

  /** The durable storages of this process (for the transactor's endpoint). */
  StorageDatabases durable() {
    return durable;
  }

  void released(Connection c) {
    connections.values().remove(c);
    durable.released(c);
  }

  private static StorageUri parseWildcard(String uri) {
    StorageUri u = StorageUri.parse(uri);
    if (!u.isWildcard()) {
      throw Anomaly.incorrect(
          "db.error/invalid-uri", "A storage URI names its databases with *, not one: " + uri);
    }
    return u;
  }

  private static StorageUri parse(String uri) {
    StorageUri u = StorageUri.parse(uri);
    if (u.isWildcard()) {
      throw Anomaly.incorrect(
          "db.error/invalid-uri", "A database URI names one database, not *: " + uri);
    }
    return u;
  }
}
