package io.vertomic.cluster.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Transactions a peer sends the transactor in one message, to be applied in this order: the
 * database's name in its storage and the id it was connected to (see {@link
 * io.vertomic.wire.DbRoot}; null from a peer that does not know it), the transactions' data as EDN
 * and how long the peer will wait for the answer. The id is what the transactor goes by: a database
 * renamed since the peer connected is found under its new name, and another database created under
 * the old name is never written by mistake. The answer holds one {@link TxReply#outcome} per
 * transaction, in the same order.
 */
public record TxRequest(String database, String id, List<String> txEdns, long timeoutMillis) {
  public JsonObject toJson() {
    return new JsonObject()
        .put("db", database)
        .put("id", id)
        .put("txs", new JsonArray(new ArrayList<>(txEdns)))
        .put("timeout", timeoutMillis);
  }

  public static TxRequest fromJson(JsonObject j) {
    JsonArray txs = j.getJsonArray("txs");
    List<String> edns = new ArrayList<>(txs.size());
    for (int i = 0; i < txs.size(); i++) {
      edns.add(txs.getString(i));
    }
    return new TxRequest(j.getString("db"), j.getString("id"), edns, j.getLong("timeout", 0L));
  }
}
