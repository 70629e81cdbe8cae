package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/**
 * MessagePack for the Java SDK (docs/http-api.md, "MessagePack values"): answers with typed values
 * (extension types 1 to 8 for keyword, symbol, instant, UUID, URI, big integer, big decimal, set),
 * and request bodies read into the same {@link JsonObject} a JSON body gives.
 */
final class MsgpackCodec {
  static final byte KEYWORD = 1;
  static final byte SYMBOL = 2;
  static final byte INSTANT = 3;
  static final byte UUID_TYPE = 4;
  static final byte URI_TYPE = 5;
  static final byte BIG_INTEGER = 6;
  static final byte BIG_DECIMAL = 7;
  static final byte SET = 8;

  private MsgpackCodec() {}

  /** {@code value} as one MessagePack value. */
  static byte[] encode(Object value) {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      pack(p, value);
      return p.toByteArray();
    } catch (IOException e) {
      throw Anomaly.fault("MessagePack encoding failed", e);
    }
  }

  private static void pack(MessageBufferPacker p, Object v) throws IOException {
    if (v == null) {
      p.packNil();
    } else if (v instanceof String s) {
      p.packString(s);
    } else if (v instanceof Boolean b) {
      p.packBoolean(b);
    } else if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte) {
      p.packLong(((Number) v).longValue());
    } else if (v instanceof Double d) {
      p.packDouble(d);
    } else if (v instanceof Float f) {
      p.packFloat(f);
    } else if (v instanceof Keyword k) {
      ext(p, KEYWORD, utf8(k.text()));
    } else if (v instanceof Symbol s) {
      ext(p, SYMBOL, utf8(s.text()));
    } else if (v instanceof Date d) {
      ext(p, INSTANT, ByteBuffer.allocate(8).putLong(d.getTime()).array());
    } else if (v instanceof UUID u) {
      ext(
          p,
          UUID_TYPE,
          ByteBuffer.allocate(16)
              .putLong(u.getMostSignificantBits())
              .putLong(u.getLeastSignificantBits())
              .array());
    } else if (v instanceof URI u) {
      ext(p, URI_TYPE, utf8(u.toString()));
    } else if (v instanceof BigInteger b) {
      ext(p, BIG_INTEGER, utf8(b.toString()));
    } else if (v instanceof BigDecimal b) {
      ext(p, BIG_DECIMAL, utf8(b.toString()));
    } else if (v instanceof byte[] b) {
      p.packBinaryHeader(b.length);
      p.writePayload(b);
    } else if (v instanceof Datom d) {
      p.packArrayHeader(5);
      p.packLong(d.e());
      p.packLong(d.a());
      pack(p, d.v());
      p.packLong(d.tx());
      p.packBoolean(d.added());
    } else if (v instanceof Set<?> s) {
      try (MessageBufferPacker inner = MessagePack.newDefaultBufferPacker()) {
        packArray(inner, s);
        ext(p, SET, inner.toByteArray());
      }
    } else if (v instanceof Collection<?> c) {
      packArray(p, c);
    } else if (v instanceof Map<?, ?> m) {
      p.packMapHeader(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        pack(p, e.getKey());
        pack(p, e.getValue());
      }
    } else {
      throw Anomaly.fault("No MessagePack form for " + v.getClass().getName(), null);
    }
  }

  private static void packArray(MessageBufferPacker p, Collection<?> c) throws IOException {
    p.packArrayHeader(c.size());
    for (Object x : c) {
      pack(p, x);
    }
  }

  private static void ext(MessageBufferPacker p, byte type, byte[] payload) throws IOException {
    p.packExtensionTypeHeader(type, payload.length);
    p.writePayload(payload);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A request body: one MessagePack map with string keys and plain values (strings, numbers,
   * booleans, nil, arrays, maps). Fails {@code incorrect} otherwise.
   */
  static JsonObject decodeRequest(byte[] bytes) {
    try (MessageUnpacker u = MessagePack.newDefaultUnpacker(bytes)) {
      Object v = plain(u.unpackValue());
      if (!(v instanceof JsonObject o) || u.hasNext()) {
        throw Anomaly.incorrect(
            "vertomic.error/bad-request", "The MessagePack request body is not one map");
      }
      return o;
    } catch (IOException | MessagePackException e) {
      throw Anomaly.incorrect(
          "vertomic.error/bad-request", "Malformed MessagePack request body: " + e.getMessage());
    }
  }

  private static Object plain(Value v) {
    switch (v.getValueType()) {
      case NIL:
        return null;
      case BOOLEAN:
        return v.asBooleanValue().getBoolean();
      case INTEGER:
        return v.asIntegerValue().toLong();
      case FLOAT:
        return v.asFloatValue().toDouble();
      case STRING:
        return v.asStringValue().asString();
      case ARRAY:
        JsonArray a = new JsonArray();
        v.asArrayValue().forEach(x -> a.add(plain(x)));
        return a;
      case MAP:
        JsonObject o = new JsonObject();
        v.asMapValue().map().forEach((k, x) -> o.put(String.valueOf(plain(k)), plain(x)));
        return o;
      default:
        throw Anomaly.incorrect(
            "vertomic.error/bad-request",
            "A MessagePack request holds only strings, numbers, booleans, nil, arrays and maps,"
                + " not "
                + v.getValueType());
    }
  }
}
