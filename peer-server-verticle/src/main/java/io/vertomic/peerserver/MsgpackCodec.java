package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.msgpack.MsgpackValues;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MessagePack for the Java SDK, in the encoding of {@link MsgpackValues} (docs/http-api.md,
 * "MessagePack values"): answers with typed values, a datom as {@code [e a v tx added]}; request
 * bodies read into the same {@link JsonObject} a JSON body gives.
 */
final class MsgpackCodec {
  private MsgpackCodec() {}

  /** {@code value} as one MessagePack value. */
  static byte[] encode(Object value) {
    try {
      return MsgpackValues.encode(value, MsgpackCodec::datom);
    } catch (IllegalArgumentException e) {
      throw Anomaly.fault("MessagePack encoding failed: " + e.getMessage(), e);
    }
  }

  private static Object datom(Object v) {
    if (v instanceof Datom d) {
      return Arrays.asList(d.e(), d.a(), d.v(), d.tx(), d.added());
    }
    throw new IllegalArgumentException("No MessagePack form for a " + v.getClass().getName());
  }

  /**
   * A request body: one MessagePack map with string keys and plain values (strings, numbers,
   * booleans, nil, arrays, maps). Fails {@code incorrect} otherwise.
   */
  @SuppressWarnings("unchecked")
  static JsonObject decodeRequest(byte[] bytes) {
    Object v;
    try {
      v = MsgpackValues.decode(bytes);
    } catch (Anomaly a) {
      throw Anomaly.incorrect(
          "vertomic.error/bad-request", "Malformed MessagePack request body: " + a.getMessage());
    }
    if (!(v instanceof Map<?, ?> m) || !m.keySet().stream().allMatch(k -> k instanceof String)) {
      throw Anomaly.incorrect(
          "vertomic.error/bad-request", "The MessagePack request body is not one map of fields");
    }
    return new JsonObject((Map<String, Object>) plain(m));
  }

  // JSON's types only: a field holding a keyword or a set is a client's mistake, not a value
  private static Object plain(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) {
      return v;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(MsgpackCodec::plain).toList();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
      return out;
    }
    throw Anomaly.incorrect(
        "vertomic.error/bad-request",
        "A MessagePack request holds only strings, numbers, booleans, nil, arrays and maps, not "
            + v);
  }
}
