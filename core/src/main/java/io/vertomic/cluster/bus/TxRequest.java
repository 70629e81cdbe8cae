package io.vertomic.cluster.bus;

import io.vertx.core.json.JsonObject;

/**
 * A transaction a peer sends the transactor: the database's name in its storage and the id it was
 * connected to (see {@link io.vertomic.wire.DbRoot}; null from a peer that does not know it), the
 * transaction data as EDN and how long the peer will wait for the answer. The id is what the
 * transactor goes by: a database renamed since the peer connected is found under its new name, and
 * another database created under the old name is never written by mistake.
 */
public record TxRequest(String database, String id, String txEdn, long timeoutMillis) {
  public JsonObject toJson() {
    return new JsonObject()
        .put("db", database)
        .put("id", id)
        .put("tx", txEdn)
        .put("timeout", timeoutMillis);
  }

  public static TxRequest fromJson(JsonObject j) {
    return new TxRequest(
        j.getString("db"), j.getString("id"), j.getString("tx"), j.getLong("timeout", 0L));
  }
}
