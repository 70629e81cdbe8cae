package io.vertomic.bench;

import java.util.List;

/**
 * A database of one engine loaded from EDN text, for the real-data workloads ({@code mb-*}, {@code
 * social-*}): the same transactions and the same query strings go to Vertomic and to Datomic, each
 * through its own peer API, so both parse the text a user would pass.
 */
interface RealDb extends AutoCloseable {
  /** Creates and connects to an empty database named {@code name} of {@code engine}. */
  static RealDb create(String engine, String name) {
    return switch (engine) {
      case "vertomic" -> new VertomicRealDb(name);
      case "datomic" -> new DatomicRealDb(name);
      default -> throw new IllegalArgumentException("no real-data engine " + engine);
    };
  }

  /** Transacts one EDN vector of tx data, waiting for it. */
  void transact(String txEdn);

  /** Reads {@code edn} as this engine's data (an input such as a rule set). */
  Object read(String edn);

  /** Runs {@code query} (EDN text) against the current database followed by {@code inputs}. */
  Object q(String query, List<Object> inputs);

  /** Deletes the database. */
  @Override
  void close();
}
