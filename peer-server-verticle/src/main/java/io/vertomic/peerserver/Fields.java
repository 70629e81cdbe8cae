package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.Edn;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a request body (a JSON object, or a MessagePack map with the same keys), read with
 * the checks every route shares: each failure is {@code incorrect} and names the field.
 */
final class Fields {
  private final JsonObject body;

  private Fields(JsonObject body) {
    this.body = body;
  }

  /** The fields of {@code ctx}'s body; an empty body has none. */
  static Fields of(RoutingContext ctx) {
    Buffer raw = ctx.body().buffer();
    if (raw == null || raw.length() == 0) {
      return new Fields(new JsonObject());
    }
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && type.contains(Answers.MSGPACK)) {
      return new Fields(MsgpackCodec.decodeRequest(raw.getBytes()));
    }
    try {
      Object v = raw.toJsonValue();
      if (v instanceof JsonObject o) {
        return new Fields(o);
      }
      throw Anomaly.incorrect(
          "vertomic.error/bad-request", "The request body is not a JSON object");
    } catch (DecodeException e) {
      throw Anomaly.incorrect(
          "vertomic.error/bad-request", "The request body is not valid JSON: " + e.getMessage());
    }
  }

  /** The text of {@code name}, or null when absent. */
  String string(String name) {
    Object v = body.getValue(name);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw wrongType(name, "a string");
  }

  /** The text of {@code name}; fails when absent. */
  String requiredString(String name) {
    String s = string(name);
    if (s == null) {
      throw Anomaly.incorrect("vertomic.error/bad-request", "Missing field \"" + name + "\"");
    }
    return s;
  }

  /** The EDN value of the string field {@code name}, or null when absent. */
  Object edn(String name) {
    String s = string(name);
    return s == null ? null : readEdn(name, s);
  }

  /** The EDN value of the string field {@code name}; fails when absent. */
  Object requiredEdn(String name) {
    return readEdn(name, requiredString(name));
  }

  /** The EDN vector of {@code name} as a list, or an empty list when absent. */
  List<?> ednVector(String name) {
    Object v = edn(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return l;
    }
    throw Anomaly.incorrect(
        "vertomic.error/bad-request", "Field \"" + name + "\" must be an EDN vector, not " + v);
  }

  /** The whole number {@code name}, or null when absent. */
  Long number(String name) {
    Object v = body.getValue(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw wrongType(name, "a whole number");
  }

  /** The whole number {@code name} when it is at least {@code min}, or {@code fallback}. */
  long number(String name, long min, long fallback) {
    Long n = number(name);
    if (n == null) {
      return fallback;
    }
    if (n < min) {
      throw Anomaly.incorrect(
          "vertomic.error/bad-request",
          "Field \"" + name + "\" must be at least " + min + ", not " + n);
    }
    return n;
  }

  /** The boolean {@code name}; false when absent. */
  boolean flag(String name) {
    Object v = body.getValue(name);
    if (v == null || v instanceof Boolean) {
      return Boolean.TRUE.equals(v);
    }
    throw wrongType(name, "true or false");
  }

  /** The array of EDN strings {@code name} (the {@code with} tx data), empty when absent. */
  List<String> strings(String name) {
    Object v = body.getValue(name);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof JsonArray a)) {
      throw wrongType(name, "an array of EDN strings");
    }
    List<String> out = new ArrayList<>();
    for (Object x : a) {
      if (!(x instanceof String s)) {
        throw wrongType(name, "an array of EDN strings");
      }
      out.add(s);
    }
    return out;
  }

  private static Object readEdn(String name, String text) {
    try {
      return Edn.read(text);
    } catch (Anomaly a) {
      throw new Anomaly(
          a.category(), a.code(), "Field \"" + name + "\": " + a.getMessage(), a.data(), a);
    }
  }

  private Anomaly wrongType(String name, String expected) {
    return Anomaly.incorrect(
        "vertomic.error/bad-request",
        "Field \"" + name + "\" must be " + expected + ", not " + body.getValue(name));
  }
}
