package io.vertomic.peer;

import io.vertx.core.json.JsonObject;

/**
 * What the peer library does in this process, set with {@link Peer#configure}. It governs the
 * transactions this process itself processes: those of {@code vertomic:mem} databases, of durable
 * databases no transactor serves (this process is their writer), and {@link Database#with} on any
 * database. A transactor has its own configuration for the transactions it processes. Not
 * thread-safe; {@link Peer#configure} keeps a copy.
 *
 * <pre>{@code
 * Peer.configure(new PeerOptions().setDatabaseFunctions(true));
 * }</pre>
 */
public final class PeerOptions {
  /** Database functions are off unless turned on: they run code that a transaction wrote. */
  public static final boolean DEFAULT_DATABASE_FUNCTIONS = false;

  private boolean databaseFunctions = DEFAULT_DATABASE_FUNCTIONS;

  /** The defaults. */
  public PeerOptions() {}

  /** A copy of {@code other}. */
  public PeerOptions(PeerOptions other) {
    this.databaseFunctions = other.databaseFunctions;
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

  /** These options as JSON, the keys {@link #PeerOptions(JsonObject)} reads. */
  public JsonObject toJson() {
    return new JsonObject().put("databaseFunctions", databaseFunctions);
  }
}
