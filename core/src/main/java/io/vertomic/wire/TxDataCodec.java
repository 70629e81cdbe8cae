package io.vertomic.wire;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.EdnList;
import io.vertomic.edn.EdnOrder;
import io.vertomic.edn.Keyword;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * Transaction data in MessagePack, as a peer sends it to the transactor in place of EDN text: under
 * batches of a thousand entities, printing them as EDN took 15-20% of a peer's time and reading
 * them back 14% of the transactor's. {@link #decode} gives exactly what {@code
 * Edn.read(Edn.write(data))} gives: vectors as unmodifiable lists, maps as unmodifiable maps whose
 * keys come in the order the EDN printer writes them (a repeated key refused, as the reader does),
 * {@code Integer}, {@code Short} and {@code Byte} as {@link Long}; only a date before the year 1,
 * whose {@code #inst} text the reader refuses, comes through here where EDN would fail.
 *
 * <p>Only data made of these encodes: any {@link List} but an {@link EdnList}; maps whose keys are
 * keywords or strings; nil, booleans, {@code Long}, {@code Integer}, {@code Short}, {@code Byte},
 * {@code Double}, strings, keywords, {@link Date}, {@link UUID}, {@link BigInteger} and {@link
 * BigDecimal}, each as {@link ValueCodec} writes it. For anything else (sets, characters, floats,
 * tagged values, database functions...) {@link #encode} gives null and the peer sends EDN text, so
 * what no test here compared with the EDN reader never takes this path.
 *
 * <p>A keyword written once before in the same data is written again as a reference: extension type
 * {@value #KEYWORD_REF} (a type of this encoding only, never stored), its payload the 4-byte index
 * of the keyword among those written in full, in order. An entity map's keys then cost a few bytes
 * each, and the reader makes no string for them.
 */
public final class TxDataCodec {
  static final byte KEYWORD_REF = 100;
  private static final int MAX_DEPTH = 512;
  // a map of up to this many keys is sorted by insertion as its entries come
  private static final int INSERTION_SORTED = 16;

  private TxDataCodec() {}

  /** No exact MessagePack form here: the caller sends EDN. */
  private static final class NoForm extends Exception {
    NoForm() {
      super(null, null, false, false);
    }
  }

  /** {@code txData} as MessagePack, or null when some value in it has no form here. */
  public static byte[] encode(Object txData) {
    try (ScratchPacker s = ScratchPacker.take()) {
      pack(s.packer(), txData, 0, new Written());
      return s.toByteArray();
    } catch (NoForm e) {
      return null;
    } catch (IOException e) {
      throw new IllegalStateException("a buffer packer does no I/O", e);
    }
  }

  // what an encoding has written so far: the keywords written in full, by their index, and the
  // 4 bytes of the latest reference to one (written into the packer, so reused)
  private static final class Written {
    final Map<Keyword, Integer> keywords = new HashMap<>();
    final byte[] ref = new byte[4];
  }

  private static void pack(MessagePacker p, Object v, int depth, Written written)
      throws IOException, NoForm {
    if (depth > MAX_DEPTH) {
      throw new NoForm();
    }
    // the final classes most values are, by one comparison each, before the interfaces
    if (v instanceof String || v instanceof Long) {
      ValueCodec.pack(p, v);
    } else if (v instanceof Map<?, ?> m) {
      Object[] entries = sortedEntries(m);
      p.packMapHeader(entries.length / 2);
      for (int i = 0; i < entries.length; i++) {
        pack(p, entries[i], depth + 1, written);
      }
    } else if (v instanceof List<?> l && !(v instanceof EdnList)) {
      p.packArrayHeader(l.size());
      for (Object x : l) {
        pack(p, x, depth + 1, written);
      }
    } else if (v instanceof Keyword k) {
      Integer seen = written.keywords.get(k);
      if (seen != null) {
        int i = seen;
        byte[] ref = written.ref;
        ref[0] = (byte) (i >>> 24);
        ref[1] = (byte) (i >>> 16);
        ref[2] = (byte) (i >>> 8);
        ref[3] = (byte) i;
        p.packExtensionTypeHeader(KEYWORD_REF, 4);
        p.writePayload(ref);
      } else {
        written.keywords.put(k, written.keywords.size());
        ValueCodec.pack(p, k);
      }
    } else if (v instanceof Byte b) {
      p.packLong(b);
    } else if (v == null
        || v instanceof Boolean
        || v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Double
        || v instanceof String
        || v instanceof Date
        || v instanceof UUID
        || v instanceof BigInteger
        || v instanceof BigDecimal) {
      ValueCodec.pack(p, v);
    } else {
      throw new NoForm();
    }
  }

  // the entries of a map whose keys are keywords or strings, in the EDN printer's order (EdnOrder),
  // as one array of each key followed by its value (one allocation for the usual small map)
  private static Object[] sortedEntries(Map<?, ?> m) throws NoForm {
    int size = m.size();
    if (size > INSERTION_SORTED) {
      return sortedLarge(m);
    }
    Object[] out = new Object[2 * size];
    int n = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Object k = e.getKey();
      if (n == size || !isKey(k)) {
        throw new NoForm();
      }
      int at = 2 * n++;
      for (; at > 0 && EdnOrder.INSTANCE.compare(out[at - 2], k) > 0; at -= 2) {
        out[at] = out[at - 2];
        out[at + 1] = out[at - 1];
      }
      out[at] = k;
      out[at + 1] = e.getValue();
    }
    if (n != size) {
      throw new NoForm();
    }
    return out;
  }

  private static Object[] sortedLarge(Map<?, ?> m) throws NoForm {
    List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
    for (Map.Entry<?, ?> e : entries) {
      if (!isKey(e.getKey())) {
        throw new NoForm();
      }
    }
    if (entries.size() != m.size()) {
      throw new NoForm();
    }
    entries.sort((a, b) -> EdnOrder.INSTANCE.compare(a.getKey(), b.getKey()));
    Object[] out = new Object[2 * entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      out[2 * i] = entries.get(i).getKey();
      out[2 * i + 1] = entries.get(i).getValue();
    }
    return out;
  }

  private static boolean isKey(Object k) {
    return k instanceof Keyword || k instanceof String;
  }

  /**
   * The transaction data in {@code bytes}, written by {@link #encode}.
   *
   * @throws Anomaly {@code incorrect}, {@code :db.error/invalid-tx-data}, when they are not
   */
  public static Object decode(byte[] bytes) {
    try (MessageUnpacker u = Msgpack.unpacker(bytes)) {
      Object data = unpack(u, 0, new Read());
      if (u.hasNext()) {
        throw new IOException("bytes after the transaction data");
      }
      return data;
    } catch (IOException | RuntimeException e) {
      throw Anomaly.incorrect(
          "db.error/invalid-tx-data", "Unreadable MessagePack transaction data: " + e.getMessage());
    }
  }

  // what a decoding has read so far: the keywords read in full, in order, and the latest
  // extension of 4 bytes, its format and type bytes first (read into, so reused)
  private static final class Read {
    final List<Keyword> keywords = new ArrayList<>();
    final byte[] fixext4 = new byte[6];
  }

  // the keyword a reference read whole into ext names
  private static Keyword keywordRef(List<Keyword> keywords, byte[] ext) throws IOException {
    int i = (ext[2] & 0xff) << 24 | (ext[3] & 0xff) << 16 | (ext[4] & 0xff) << 8 | (ext[5] & 0xff);
    if (i < 0 || i >= keywords.size()) {
      throw new IOException("a reference to keyword " + i + " of " + keywords.size());
    }
    return keywords.get(i);
  }

  // a map of n entries, at most SmallMap.MAX
  private static Map<Object, Object> smallMap(MessageUnpacker u, int n, int depth, Read read)
      throws IOException {
    Object[] keys = new Object[n];
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      Object k = key(u, depth, read);
      if (SmallMap.indexOf(keys, i, k) >= 0) {
        throw new IOException("duplicate key " + k + " in a map");
      }
      keys[i] = k;
      values[i] = unpack(u, depth + 1, read);
    }
    return new SmallMap(keys, values);
  }

  private static Map<Object, Object> map(MessageUnpacker u, int n, int depth, Read read)
      throws IOException {
    Map<Object, Object> out = new LinkedHashMap<>(Math.min(n, 64) * 2);
    for (int i = 0; i < n; i++) {
      Object k = key(u, depth, read);
      out.put(k, unpack(u, depth + 1, read));
      if (out.size() != i + 1) {
        throw new IOException("duplicate key " + k + " in a map");
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object key(MessageUnpacker u, int depth, Read read) throws IOException {
    Object k = unpack(u, depth + 1, read);
    if (!(k instanceof Keyword || k instanceof String)) {
      throw new IOException("a map key is a keyword or a string");
    }
    return k;
  }

  private static Object unpack(MessageUnpacker u, int depth, Read read) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("nested deeper than " + MAX_DEPTH);
    }
    MessageFormat f = u.getNextFormat();
    switch (f.getValueType()) {
      case MAP -> {
        int n = u.unpackMapHeader();
        return n <= SmallMap.MAX ? smallMap(u, n, depth, read) : map(u, n, depth, read);
      }
      case ARRAY -> {
        int n = u.unpackArrayHeader();
        List<Object> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
          out.add(unpack(u, depth + 1, read));
        }
        return Collections.unmodifiableList(out);
      }
      case EXTENSION -> {
        byte type;
        byte[] payload;
        if (f == MessageFormat.FIXEXT4) { // a keyword reference, mostly: read whole, no header
          byte[] ext = read.fixext4;
          u.readPayload(ext);
          type = ext[1];
          if (type == KEYWORD_REF) {
            return keywordRef(read.keywords, ext);
          }
          payload = Arrays.copyOfRange(ext, 2, 6);
        } else {
          ExtensionTypeHeader h = u.unpackExtensionTypeHeader();
          if (h.getType() == KEYWORD_REF) {
            throw new IOException("a keyword reference of " + h.getLength() + " bytes");
          }
          type = h.getType();
          payload = u.readPayload(h.getLength());
        }
        Object v = ValueCodec.extension(type, payload);
        if (v instanceof Keyword k) {
          read.keywords.add(k);
        }
        return v;
      }
      case BINARY -> throw new IOException("no binary in transaction data");
      default -> {
        if (f == MessageFormat.FLOAT32) {
          throw new IOException("no float32 in transaction data");
        }
        return ValueCodec.unpack(u);
      }
    }
  }
}
