package io.vertomic.msgpack;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.DbFn;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * The MessagePack value encoding of docs/http-api.md, both ways: the one definition the peer server
 * writes its answers with and the client SDK reads them (and writes its requests) with. Stateless
 * and thread-safe.
 *
 * <p>Plain MessagePack types map to nil, {@link Boolean}, {@link Long} (any integer width; a uint64
 * past {@code Long.MAX_VALUE} decodes as {@link BigInteger}), {@link Double} (float64), {@link
 * Float} (float32), {@link String}, {@code byte[]} (bin), unmodifiable {@link List} (array) and
 * insertion-ordered unmodifiable {@link Map}. The extension types are:
 *
 * <table>
 *   <caption>Extension types</caption>
 *   <tr><th>type</th><th>Java</th><th>payload</th></tr>
 *   <tr><td>1</td><td>{@link Keyword}</td><td>UTF-8 of {@code ns/name}, no colon</td></tr>
 *   <tr><td>2</td><td>{@link Symbol}</td><td>UTF-8 of its text</td></tr>
 *   <tr><td>3</td><td>{@link Date} (also encodes {@link Instant})</td><td>8 bytes, big-endian
 *       milliseconds since the epoch</td></tr>
 *   <tr><td>4</td><td>{@link UUID}</td><td>16 bytes: most then least significant 64 bits</td></tr>
 *   <tr><td>5</td><td>{@link URI}</td><td>UTF-8</td></tr>
 *   <tr><td>6</td><td>{@link BigInteger}</td><td>UTF-8 decimal text</td></tr>
 *   <tr><td>7</td><td>{@link BigDecimal}</td><td>UTF-8 of {@code BigDecimal.toString()}</td></tr>
 *   <tr><td>8</td><td>unmodifiable insertion-ordered {@link Set}</td><td>a MessagePack array of
 *       the elements</td></tr>
 *   <tr><td>9</td><td>{@link DbFn}, a database function</td><td>UTF-8 of its EDN text, {@code
 *       #db/fn{...}}</td></tr>
 * </table>
 *
 * <p>Encoding also takes {@code Integer}, {@code Short}, {@code Byte} (as integers), {@link
 * Character} (as a one-character string) and any {@link Collection} (as an array).
 */
public final class MsgpackValues {
  static final byte KEYWORD = 1;
  static final byte SYMBOL = 2;
  static final byte INSTANT = 3;
  static final byte UUID_EXT = 4;
  static final byte URI_EXT = 5;
  static final byte BIG_INTEGER = 6;
  static final byte BIG_DECIMAL = 7;
  static final byte SET = 8;
  static final byte FN = 9;

  private static final Keyword BAD_MSGPACK = Keyword.of("vertomic.error/bad-msgpack");
  // the library's default packer starts with an 8 KiB buffer; most values here (a request, an
  // answer of a few datoms) are a fraction of that, and a larger one chains more buffers
  private static final MessagePack.PackerConfig PACKER =
      new MessagePack.PackerConfig().withBufferSize(1024);

  /** Collections nested deeper than this do not decode, as in {@code io.vertomic.edn}. */
  static final int MAX_DEPTH = 512;

  private MsgpackValues() {}

  /**
   * {@code value} as the bytes of one MessagePack value.
   *
   * @throws IllegalArgumentException naming the value's class when it has no MessagePack form
   */
  public static byte[] encode(Object value) {
    return encode(value, MsgpackValues::noForm);
  }

  /**
   * {@code value} as the bytes of one MessagePack value, where {@code other} turns a value of a
   * type this encoding does not know (the engine's datom, say) into one it does.
   *
   * @throws IllegalArgumentException naming the value's class when {@code other} does
   */
  public static byte[] encode(Object value, Function<Object, Object> other) {
    try (MessageBufferPacker p = PACKER.newBufferPacker()) {
      pack(p, value, other);
      return p.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("a buffer packer does no I/O", e);
    }
  }

  /** The one value in {@code bytes}. */
  public static Object decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /**
   * The one value in {@code length} bytes of {@code bytes} from {@code offset}.
   *
   * @throws Anomaly {@code fault} with code {@code :vertomic.error/bad-msgpack} naming what is
   *     wrong when the bytes are not exactly one value of this encoding
   */
  public static Object decode(byte[] bytes, int offset, int length) {
    try (MessageUnpacker u = unpacker(bytes, offset, length)) {
      Object v = unpack(u, length, 0);
      if (u.hasNext()) {
        throw bad("trailing bytes after the value at offset " + u.getTotalReadBytes());
      }
      return v;
    } catch (IOException | MessagePackException | IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  private static Object noForm(Object v) {
    throw new IllegalArgumentException(
        "No MessagePack form for a " + v.getClass().getName() + ": " + v);
  }

  private static void pack(MessagePacker p, Object v, Function<Object, Object> other)
      throws IOException {
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
    } else if (v instanceof Character c) {
      p.packString(c.toString());
    } else if (v instanceof byte[] b) {
      p.packBinaryHeader(b.length);
      p.writePayload(b);
    } else if (v instanceof Map<?, ?> m) {
      p.packMapHeader(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        pack(p, e.getKey(), other);
        pack(p, e.getValue(), other);
      }
    } else if (v instanceof Set<?> s) {
      try (MessageBufferPacker elements = PACKER.newBufferPacker()) {
        packArray(elements, s, other);
        ext(p, SET, elements.toByteArray());
      }
    } else if (v instanceof Collection<?> c) {
      packArray(p, c, other);
    } else {
      packExt(p, v, other);
    }
  }

  private static void packExt(MessagePacker p, Object v, Function<Object, Object> other)
      throws IOException {
    if (v instanceof Keyword k) {
      ext(p, KEYWORD, utf8(k.text()));
    } else if (v instanceof Symbol s) {
      ext(p, SYMBOL, utf8(s.text()));
    } else if (v instanceof Date d) {
      ext(p, INSTANT, ByteBuffer.allocate(8).putLong(d.getTime()).array());
    } else if (v instanceof Instant i) {
      ext(p, INSTANT, ByteBuffer.allocate(8).putLong(i.toEpochMilli()).array());
    } else if (v instanceof UUID u) {
      ByteBuffer b = ByteBuffer.allocate(16);
      b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
      ext(p, UUID_EXT, b.array());
    } else if (v instanceof URI u) {
      ext(p, URI_EXT, utf8(u.toString()));
    } else if (v instanceof BigInteger b) {
      ext(p, BIG_INTEGER, utf8(b.toString()));
    } else if (v instanceof BigDecimal b) {
      ext(p, BIG_DECIMAL, utf8(b.toString()));
    } else if (v instanceof DbFn f) {
      ext(p, FN, utf8(Edn.write(f)));
    } else {
      pack(p, other.apply(v), MsgpackValues::noForm);
    }
  }

  private static void packArray(MessagePacker p, Collection<?> c, Function<Object, Object> other)
      throws IOException {
    p.packArrayHeader(c.size());
    for (Object x : c) {
      pack(p, x, other);
    }
  }

  private static void ext(MessagePacker p, byte type, byte[] payload) throws IOException {
    p.packExtensionTypeHeader(type, payload.length);
    p.writePayload(payload);
  }

  // a string can be no longer than the bytes it is read from: a forged length must not allocate.
  // Strings in one byte array never need the string decoding buffer, whose default (8,192 chars)
  // the library allocates for every unpacker that reads a string
  private static MessageUnpacker unpacker(byte[] bytes, int offset, int length) {
    return new MessagePack.UnpackerConfig()
        .withStringSizeLimit(length)
        .withStringDecoderBufferSize(256)
        .newUnpacker(bytes, offset, length);
  }

  /**
   * The next value of {@code u}, which reads {@code size} bytes in all; {@code depth} collections
   * enclose it. Nesting and lengths are checked before anything is allocated, so a few hostile
   * bytes (an array header claiming four billion elements, a thousand nested arrays) fail as
   * undecodable rather than exhausting the heap or the stack.
   */
  private static Object unpack(MessageUnpacker u, long size, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("nesting deeper than " + MAX_DEPTH + " levels");
    }
    MessageFormat f = u.getNextFormat();
    switch (f.getValueType()) {
      case NIL:
        u.unpackNil();
        return null;
      case BOOLEAN:
        return u.unpackBoolean();
      case INTEGER:
        return f == MessageFormat.UINT64 ? integer(u.unpackBigInteger()) : (Object) u.unpackLong();
      case FLOAT:
        return f == MessageFormat.FLOAT32 ? (Object) u.unpackFloat() : (Object) u.unpackDouble();
      case STRING:
        return u.unpackString();
      case BINARY:
        return u.readPayload(payloadLength(u, u.unpackBinaryHeader(), size));
      case ARRAY:
        return Collections.unmodifiableList(elements(u, u.unpackArrayHeader(), size, depth + 1));
      case MAP:
        int n = u.unpackMapHeader();
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          m.put(unpack(u, size, depth + 1), unpack(u, size, depth + 1));
        }
        return Collections.unmodifiableMap(m);
      case EXTENSION:
        ExtensionTypeHeader h = u.unpackExtensionTypeHeader();
        return ext(h.getType(), u.readPayload(payloadLength(u, h.getLength(), size)), depth + 1);
      default:
        throw new IllegalArgumentException("unexpected MessagePack format " + f);
    }
  }

  private static Object integer(BigInteger b) {
    return b.bitLength() < 64 ? (Object) b.longValue() : b;
  }

  private static int payloadLength(MessageUnpacker u, int n, long size) {
    if (n < 0 || n > size - u.getTotalReadBytes()) {
      throw new IllegalArgumentException(
          "a length of " + n + " bytes past the end at offset " + u.getTotalReadBytes());
    }
    return n;
  }

  private static List<Object> elements(MessageUnpacker u, int n, long size, int depth)
      throws IOException {
    // every element takes at least one byte: a count past the bytes left is a lie
    if (n < 0 || n > size - u.getTotalReadBytes()) {
      throw new IllegalArgumentException(
          "a count of " + n + " elements past the end at offset " + u.getTotalReadBytes());
    }
    List<Object> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(unpack(u, size, depth));
    }
    return items;
  }

  private static Object ext(byte type, byte[] payload, int depth) throws IOException {
    switch (type) {
      case KEYWORD:
        return Keyword.of(text(payload));
      case SYMBOL:
        return Symbol.of(text(payload));
      case INSTANT:
        return new Date(fixed(type, payload, 8).getLong());
      case UUID_EXT:
        ByteBuffer b = fixed(type, payload, 16);
        return new UUID(b.getLong(), b.getLong());
      case URI_EXT:
        try {
          return new URI(text(payload));
        } catch (URISyntaxException e) {
          throw new IllegalArgumentException("bad URI in ext type 5: " + e.getMessage(), e);
        }
      case BIG_INTEGER:
        return new BigInteger(text(payload));
      case BIG_DECIMAL:
        return new BigDecimal(text(payload));
      case SET:
        try (MessageUnpacker u = unpacker(payload, 0, payload.length)) {
          List<Object> items = elements(u, u.unpackArrayHeader(), payload.length, depth);
          return Collections.unmodifiableSet(new LinkedHashSet<>(items));
        }
      case FN:
        return function(text(payload));
      default:
        throw new IllegalArgumentException("unknown MessagePack extension type " + type);
    }
  }

  private static DbFn function(String text) {
    Object v;
    try {
      v = Edn.read(text);
    } catch (Anomaly a) {
      throw new IllegalArgumentException("ext type 9: " + a.getMessage(), a);
    }
    if (v instanceof DbFn f) {
      return f;
    }
    throw new IllegalArgumentException("ext type 9 holds no #db/fn: " + text);
  }

  private static ByteBuffer fixed(byte type, byte[] payload, int length) {
    if (payload.length != length) {
      throw new IllegalArgumentException(
          "ext type " + type + " needs " + length + " bytes, not " + payload.length);
    }
    return ByteBuffer.wrap(payload);
  }

  private static String text(byte[] payload) {
    return new String(payload, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Anomaly bad(String what) {
    return new Anomaly(Category.FAULT, BAD_MSGPACK, "Undecodable MessagePack: " + what, null);
  }
}
