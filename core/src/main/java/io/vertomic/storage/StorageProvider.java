package io.vertomic.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A storage backend, found by {@link java.util.ServiceLoader} under {@code
 * META-INF/services/io.vertomic.storage.StorageProvider} and chosen by the storage kind of a
 * connection URI ({@code vertomic:KIND://...}, API.md section 1). Core never names a backend class.
 * Implementations are stateless and thread-safe.
 */
public interface StorageProvider {
  /** The kind this provider serves: {@code mem}, {@code dev}, {@code sql} or {@code cass}. */
  String kind();

  /**
   * Splits a URI of this kind into the storage system it names and the database name. {@code rest}
   * is what follows {@code vertomic:KIND://}. Fails with an {@code incorrect} anomaly that quotes
   * the URI when it is malformed.
   */
  StorageUri parse(String uri, String rest);

  /**
   * Opens the storage system {@code uri} names (its database name is ignored). Fails {@code
   * unavailable} when the system cannot be reached, and never blocks the calling thread.
   */
  Future<Storage> open(Vertx vertx, StorageUri uri);

  /**
   * As {@link #open(Vertx, StorageUri)}, with the process's {@code settings} (the dev storage's
   * directory); backends that need none ignore them.
   */
  default Future<Storage> open(Vertx vertx, StorageUri uri, StorageSettings settings) {
    return open(vertx, uri);
  }
}
