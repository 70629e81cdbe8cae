package io.vertomic.wire;

import io.vertomic.edn.DbFn;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Datom values in MessagePack. Native types carry long (int family), double (float64), float
 * (float32), boolean, string (str), bytes (bin), nil (inside tuples) and tuples (array); the rest
 * are extension types, each with a fixed code that is part of the storage format and never reused:
 *
 * <pre>
 *   1 keyword   UTF-8 of namespace/name     5 uri       UTF-8 of the URI
 *   2 symbol    UTF-8 of namespace/name     6 bigint    two's-complement big-endian bytes
 *   3 instant   8-byte big-endian epoch ms  7 bigdec    4-byte scale, then the unscaled bigint
 *   4 uuid      16 bytes, most significant half first
 *   8 fn        UTF-8 of its EDN text, #db/fn{...} (a database function)
 * </pre>
 */
public final class ValueCodec {
  static final byte KEYWORD = 1;
  static final byte SYMBOL = 2;
  static final byte INSTANT = 3;
  static final byte UUID_EXT = 4;
  static final byte URI_EXT = 5;
  static final byte BIGINT = 6;
  static final byte BIGDEC = 7;
  static final byte FN = 8;
  // each keyword's UTF-8, encoded once: keywords are interned for the life of the process anyway
  // (Keyword), and an enum attribute's few values recur on every entity written
  private static final java.util.concurrent.ConcurrentHashMap<Keyword, byte[]> KEYWORD_BYTES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private ValueCodec() {}

  private static byte[] utf8(Keyword k) {
    return k.text().getBytes(StandardCharsets.UTF_8);
  }

  // a plain read first: computeIfAbsent locks the bin when the keyword is not its first node
  private static byte[] keywordBytes(Keyword k) {
    byte[] b = KEYWORD_BYTES.get(k);
    return b != null ? b : KEYWORD_BYTES.computeIfAbsent(k, ValueCodec::utf8);
  }

  /** Writes one value. */
  public static void pack(MessagePacker p, Object v) throws IOException {
    if (v == null) {
      p.packNil();
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      p.packLong(((Number) v).longValue());
    } else if (v instanceof String s) {
      p.packString(s);
    } else if (v instanceof Keyword k) {
      ext(p, KEYWORD, keywordBytes(k));
    } else if (v instanceof Boolean b) {
      p.packBoolean(b);
    } else if (v instanceof Double d) {
      p.packDouble(d);
    } else if (v instanceof Float f) {
      p.packFloat(f);
    } else if (v instanceof Date d) {
      ext(p, INSTANT, ByteBuffer.allocate(8).putLong(d.getTime()).array());
    } else if (v instanceof UUID u) {
      ext(
          p,
          UUID_EXT,
          ByteBuffer.allocate(16)
              .putLong(u.getMostSignificantBits())
              .putLong(u.getLeastSignificantBits())
              .array());
    } else if (v instanceof BigInteger b) {
      ext(p, BIGINT, b.toByteArray());
    } else if (v instanceof BigDecimal b) {
      byte[] unscaled = b.unscaledValue().toByteArray();
      ext(
          p,
          BIGDEC,
          ByteBuffer.allocate(4 + unscaled.length).putInt(b.scale()).put(unscaled).array());
    } else if (v instanceof Symbol s) {
      ext(p, SYMBOL, s.text().getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof URI u) {
      ext(p, URI_EXT, u.toString().getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof byte[] b) {
      p.packBinaryHeader(b.length).writePayload(b);
    } else if (v instanceof DbFn fn) {
      ext(p, FN, Edn.write(fn).getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof List<?> l) {
      p.packArrayHeader(l.size());
      for (Object x : l) {
        pack(p, x);
      }
    } else {
      throw new IllegalArgumentException("not a datom value: " + v.getClass().getName());
    }
  }

  /** Reads one value written by {@link #pack}. */
  public static Object unpack(MessageUnpacker u) throws IOException {
    MessageFormat f = u.getNextFormat();
    ValueType t = f.getValueType();
    switch (t) {
      case NIL:
        u.unpackNil();
        return null;
      case INTEGER:
        return u.unpackLong();
      case STRING:
        return Msgpack.string(u);
      case BOOLEAN:
        return u.unpackBoolean();
      case FLOAT:
        return f == MessageFormat.FLOAT32 ? (Object) u.unpackFloat() : (Object) u.unpackDouble();
      case BINARY:
        return u.readPayload(u.unpackBinaryHeader());
      case ARRAY:
        int n = u.unpackArrayHeader();
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          out.add(unpack(u));
        }
        return Collections.unmodifiableList(out);
      case EXTENSION:
        return extension(u);
      default:
        throw new IOException("unexpected MessagePack " + t + " where a datom value belongs");
    }
  }

  private static Object extension(MessageUnpacker u) throws IOException {
    var h = u.unpackExtensionTypeHeader();
    return extension(h.getType(), u.readPayload(h.getLength()));
  }

  /** The value of an extension of type {@code type} whose payload is {@code b}. */
  static Object extension(byte type, byte[] b) throws IOException {
    switch (type) {
      case KEYWORD:
        return Keyword.of(new String(b, StandardCharsets.UTF_8));
      case SYMBOL:
        return Symbol.of(new String(b, StandardCharsets.UTF_8));
      case INSTANT:
        return new Date(ByteBuffer.wrap(b).getLong());
      case UUID_EXT:
        ByteBuffer bb = ByteBuffer.wrap(b);
        return new UUID(bb.getLong(), bb.getLong());
      case URI_EXT:
        return URI.create(new String(b, StandardCharsets.UTF_8));
      case BIGINT:
        return new BigInteger(b);
      case BIGDEC:
        ByteBuffer d = ByteBuffer.wrap(b);
        int scale = d.getInt();
        byte[] unscaled = new byte[b.length - 4];
        d.get(unscaled);
        return new BigDecimal(new BigInteger(unscaled), scale);
      case FN:
        return function(new String(b, StandardCharsets.UTF_8));
      default:
        throw new IOException("unknown value extension type " + type);
    }
  }

  private static DbFn function(String text) throws IOException {
    try {
      return (DbFn) Edn.read(text);
    } catch (RuntimeException e) {
      throw new IOException("unreadable database function " + text + ": " + e.getMessage(), e);
    }
  }

  private static void ext(MessagePacker p, byte type, byte[] payload) throws IOException {
    p.packExtensionTypeHeader(type, payload.length).writePayload(payload);
  }
}
