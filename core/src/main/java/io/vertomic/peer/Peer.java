package io.vertomic.peer;

import io.vertomic.peer.impl.Catalog;

/**
 * The entry point of the peer library, in the spirit of {@code datomic.Peer}: create, delete and
 * connect to databases named by URI (API.md section 1). Thread-safe; connections are cached per
 * URI, so calling {@link #connect} twice returns the same connection.
 *
 * <pre>{@code
 * Peer.createDatabase("vertomic:mem://shop");            // => true
 * Connection conn = Peer.connect("vertomic:mem://shop");
 * conn.transact("[{:db/ident :item/name :db/valueType :db.type/string"
 *     + " :db/cardinality :db.cardinality/one}]").toCompletionStage().toCompletableFuture().join();
 * }</pre>
 */
public final class Peer {
  private Peer() {}

  /**
   * Creates the database named by {@code uri}. Returns true when it was created, false when it
   * already existed. Fails with {@code incorrect} for a malformed URI.
   */
  public static boolean createDatabase(String uri) {
    return Catalog.instance().createDatabase(uri);
  }

  /**
   * Deletes the database named by {@code uri} and releases its connections. Returns true when it
   * existed.
   */
  public static boolean deleteDatabase(String uri) {
    return Catalog.instance().deleteDatabase(uri);
  }

  /**
   * The connection to the database named by {@code uri}. Fails with {@code not-found} when there is
   * no such database.
   */
  public static Connection connect(String uri) {
    return Catalog.instance().connect(uri);
  }
}
