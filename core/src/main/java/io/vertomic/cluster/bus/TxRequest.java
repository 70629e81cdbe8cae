package io.vertomic.cluster.bus;

import io.vertx.core.json.JsonObject;

/**
 * A transaction a peer sends the transactor: the database's name in its storage, the transaction
 * data as EDN and how long the peer will wait for the answer.
 */
public record TxRequest(String database, String txEdn, long timeoutMillis) {
  public JsonObject toJson() {
    return new JsonObject().put("db", database).put("tx", txEdn).put("timeout", timeoutMillis);
  }

  public static TxRequest fromJson(JsonObject j) {
    return new TxRequest(j.getString("db"), j.getString("tx"), j.getLong("timeout", 0L));
  }
}
