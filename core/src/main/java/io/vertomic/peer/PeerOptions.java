package io.vertomic.peer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * What the peer library does in this process, set with {@link Peer#configure}. It governs the
 * transactions this process itself processes: those of {@code vertomic:mem} databases, of durable
 * databases no transactor serves (this process is their writer), and {@link Database#with} on any
 * database. A transactor has its own configuration for the transactions it processes. Not
 * thread-safe; {@link Peer#configure} keeps a copy.
 *
 * <pre>{@code
 * Peer.configure(new PeerOptions().setDatabaseFunctions(true));
 * Peer.configure(Peer.options().setMeterRegistry(myPrometheusRegistry));
 * }</pre>
 */
public final class PeerOptions {
  /** Database functions are off unless turned on: they run code that a transaction wrote. */
  public static final boolean DEFAULT_DATABASE_FUNCTIONS = false;

  private boolean databaseFunctions = DEFAULT_DATABASE_FUNCTIONS;
  private MeterRegistry meterRegistry = Metrics.globalRegistry;

  /** The defaults. */
  public PeerOptions() {}

  /** A copy of {@code other}. */
  public PeerOptions(PeerOptions other) {
    this.databaseFunctions = other.databaseFunctions;
    this.meterRegistry = other.meterRegistry;
  }

  /** From JSON with the setters' names as keys ({@code {"databaseFunctions": true}}). */
  public PeerOptions(JsonObject json) {
    this.databaseFunctions = json.getBoolean("databaseFunctions", DEFAULT_DATABASE_FUNCTIONS);
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

  /** These options as JSON, the keys {@link #PeerOptions(JsonObject)} reads. */
  public JsonObject toJson() {
    return new JsonObject().put("databaseFunctions", databaseFunctions);
  }
}
