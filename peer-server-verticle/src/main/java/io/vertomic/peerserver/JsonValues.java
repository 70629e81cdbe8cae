package io.vertomic.peerserver;

import io.vertomic.datom.Datom;
import io.vertomic.edn.Keyword;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/**
 * Vertomic values as JSON (API.md section 5): keywords as {@code ":ns/name"} strings, instants as
 * ISO-8601 strings, UUIDs, URIs and symbols as strings, numbers as numbers, bytes as base64, sets
 * and lists as arrays, maps as objects with keys written the same way, a datom as {@code [e, a, v,
 * tx, added]}.
 */
final class JsonValues {
  private JsonValues() {}

  static Object toJson(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) {
      return v;
    }
    if (v instanceof Keyword k) {
      return ":" + k.text();
    }
    if (v instanceof Date d) {
      return d.toInstant().toString();
    }
    if (v instanceof byte[] b) {
      return b; // Vert.x writes bytes as base64
    }
    if (v instanceof Datom d) {
      return new JsonArray().add(d.e()).add(d.a()).add(toJson(d.v())).add(d.tx()).add(d.added());
    }
    if (v instanceof Map<?, ?> m) {
      JsonObject o = new JsonObject();
      m.forEach((k, x) -> o.put(String.valueOf(toJson(k)), toJson(x)));
      return o;
    }
    if (v instanceof Collection<?> c) {
      JsonArray a = new JsonArray();
      c.forEach(x -> a.add(toJson(x)));
      return a;
    }
    if (v instanceof Object[] arr) {
      JsonArray a = new JsonArray();
      for (Object x : arr) {
        a.add(toJson(x));
      }
      return a;
    }
    return v.toString(); // UUID, URI, Symbol
  }
}
