package io.vertomic.cluster.bus;

import io.vertomic.anomaly.Anomaly;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transactor's answer to a committed transaction: its {@code t} (durable before this reply is
 * sent; its log entry reaches the peer in the group's {@link TxReports}) and the ids its tempids
 * got. The answer to a {@link TxRequest} is the outcome of each of its transactions, in order: a
 * reply, or the anomaly that refused it.
 */
public record TxReply(long t, Map<String, Long> tempids) {
  public JsonObject toJson() {
    JsonObject ids = new JsonObject();
    tempids.forEach(ids::put);
    return new JsonObject().put("t", t).put("tempids", ids);
  }

  public static TxReply fromJson(JsonObject j) {
    Map<String, Long> ids = new LinkedHashMap<>();
    j.getJsonObject("tempids")
        .forEach(e -> ids.put(e.getKey(), ((Number) e.getValue()).longValue()));
    return new TxReply(j.getLong("t"), ids);
  }

  /** The answer to a request: each outcome a {@link TxReply} or a failure. */
  public static JsonObject answer(List<Object> outcomes) {
    JsonArray out = new JsonArray();
    for (Object o : outcomes) {
      out.add(
          o instanceof TxReply r
              ? r.toJson()
              : new JsonObject().put("anomaly", AnomalyMessages.toJson((Throwable) o)));
    }
    return new JsonObject().put("outcomes", out);
  }

  /** The outcomes of an answer, in order: each a {@link TxReply} or an {@link Anomaly}. */
  public static List<Object> outcomes(JsonObject answer) {
    JsonArray in = answer.getJsonArray("outcomes");
    List<Object> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      JsonObject o = in.getJsonObject(i);
      JsonObject anomaly = o.getJsonObject("anomaly");
      out.add(anomaly == null ? fromJson(o) : AnomalyMessages.fromJson(anomaly));
    }
    return out;
  }
}
