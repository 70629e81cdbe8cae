package io.vertomic.cluster.bus;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The transactor's answer to a committed transaction: its log entry (the encoded {@code
 * io.vertomic.wire.TxEntry}, durable before this reply is sent) and the ids its tempids got.
 */
public record TxReply(byte[] entry, Map<String, Long> tempids) {
  public JsonObject toJson() {
    JsonObject ids = new JsonObject();
    tempids.forEach(ids::put);
    return new JsonObject().put("entry", entry).put("tempids", ids);
  }

  public static TxReply fromJson(JsonObject j) {
    Map<String, Long> ids = new LinkedHashMap<>();
    j.getJsonObject("tempids")
        .forEach(e -> ids.put(e.getKey(), ((Number) e.getValue()).longValue()));
    return new TxReply(j.getBinary("entry"), ids);
  }
}
