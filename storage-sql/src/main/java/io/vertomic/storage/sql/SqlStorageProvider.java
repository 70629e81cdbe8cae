package io.vertomic.storage.sql;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageProvider;
import io.vertomic.storage.StorageUri;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.regex.Pattern;

/**
 * {@code vertomic:sql://NAME?postgresql://USER:PASS@HOST:PORT/DATABASE} (API.md section 1): the
 * storage system is the PostgreSQL URI after the {@code ?}. Passwords never appear in messages.
 */
public final class SqlStorageProvider implements StorageProvider {
  /** Connections per storage system. */
  static final int POOL_SIZE = 8;

  // compiled once: every URI parsed is masked for the message it would fail with
  private static final Pattern USER_PASSWORD =
      Pattern.compile("([a-z][a-z0-9+.-]*://[^:/?#@]+):[^@/]*@");

  @Override
  public String kind() {
    return "sql";
  }

  @Override
  public StorageUri parse(String uri, String rest) {
    int q = rest.indexOf('?');
    String pg = q < 0 ? "" : rest.substring(q + 1);
    if (q <= 0 || !(pg.startsWith("postgresql://") || pg.startsWith("postgres://"))) {
      throw Anomaly.incorrect(
          "db.error/invalid-uri",
          "Invalid sql URI "
              + masked(uri)
              + ": expected vertomic:sql://NAME?postgresql://USER:PASS@HOST:PORT/DATABASE");
    }
    return new StorageUri(uri, "sql", pg, StorageUri.checkName(rest.substring(0, q), masked(uri)));
  }

  @Override
  public Future<Storage> open(Vertx vertx, StorageUri uri) {
    return SqlStorage.open(vertx, uri.system(), POOL_SIZE);
  }

  /** {@code uri} with the password of its user-info replaced by {@code ***}. */
  static String masked(String uri) {
    return USER_PASSWORD.matcher(uri).replaceAll("$1:***@");
  }
}
