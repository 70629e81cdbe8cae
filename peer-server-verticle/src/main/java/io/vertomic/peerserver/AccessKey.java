package io.vertomic.peerserver;

import io.vertomic.access.SecretHash;
import io.vertomic.anomaly.Anomaly;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * One access key of the peer server: its id (the HTTP Basic user name), the hash of its secret, its
 * role, and the databases it may touch ({@code null}: every one). Immutable.
 */
record AccessKey(String id, SecretHash secret, Right role, Set<String> databases) {

  /** Where {@link AccessKeys} leaves the key a request authenticated with. */
  static final String CONTEXT_KEY = "vertomic.access-key";

  /** The key {@code ctx} authenticated with. */
  static AccessKey of(RoutingContext ctx) {
    return ctx.get(CONTEXT_KEY);
  }

  /** Whether this key may touch database {@code name} at all. */
  boolean mayTouch(String name) {
    return databases == null || databases.contains(name);
  }

  /**
   * Refuses, {@code forbidden} (403) naming the right lacking, unless this key holds {@code right}
   * on database {@code db} ({@code null}: a route that names no database).
   */
  void require(Right right, String db) {
    String on = db == null ? "" : " on database " + db;
    if (!role.covers(right)) {
      throw Anomaly.forbidden(
          "vertomic.error/lacks-right",
          "Access key "
              + id
              + " (role "
              + role.wireName()
              + ") lacks the "
              + right.wireName()
              + " right"
              + on);
    }
    if (db != null && !mayTouch(db)) {
      throw Anomaly.forbidden(
          "vertomic.error/lacks-right",
          "Access key "
              + id
              + " lacks the "
              + right.wireName()
              + " right"
              + on
              + ": it may touch only the databases "
              + new java.util.TreeSet<>(databases));
    }
  }
}
