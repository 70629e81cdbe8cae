package io.vertomic.cli;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A database (or, for {@link #databaseNames}, a whole storage) the tool works on: a storage URI
 * through the peer library in this process ({@link PeerTarget}) or a peer server URL through the
 * client SDK ({@link ServerTarget}). Every method blocks the calling thread (the tool's main
 * thread) until done, and fails with the {@link io.vertomic.anomaly.Anomaly} of the failure, or a
 * {@link UsageException} when the target cannot do it (a peer server cannot rename).
 */
interface Target extends AutoCloseable {

  /**
   * The target {@code where} names: a peer server URL ({@code http://} or {@code https://}, the
   * database name as its path) or else a storage URI.
   */
  static Target open(String where, Credentials credentials) {
    if (where.startsWith("http://") || where.startsWith("https://")) {
      return new ServerTarget(where, credentials);
    }
    if (!where.startsWith("vertomic:")) {
      throw new UsageException(
          "not a storage URI (vertomic:...) nor a peer server URL (http://...): " + where);
    }
    return new PeerTarget(where);
  }

  /** As written by the user, for messages. */
  String where();

  /** The names of the databases of this storage or peer server, sorted. */
  List<String> databaseNames();

  /** True when created, false when it existed. */
  boolean create();

  /** True when deleted, false when there was none. */
  boolean delete();

  /** Renames the database to {@code newName}. */
  void rename(String newName);

  /**
   * Statistics of the current database value: {@code :basis-t}, {@code :datoms}, {@code :attrs}.
   */
  Map<?, ?> stats();

  /** Commits {@code txData} (an EDN string or a list) and waits for it. */
  TxSummary transact(Object txData);

  /** Runs {@code query} (EDN text) on the current database with the extra {@code inputs}. */
  Object query(String query, List<Object> inputs);

  /** Pulls {@code selector} (EDN text) of {@code eid} (an id, ident or lookup ref). */
  Map<?, ?> pull(String selector, Object eid);

  /** Deletes the unreachable segments written before {@code olderThan}; answers how many. */
  long gcStorage(Date olderThan);

  /** Indexes the novelty now and waits until the index holds it. */
  void requestIndex();

  @Override
  void close();
}
