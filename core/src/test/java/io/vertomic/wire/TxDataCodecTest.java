package io.vertomic.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;

/**
 * Transaction data through MessagePack comes out as the EDN reader gives it back from the printed
 * text, the oracle: the same values of the same classes, map keys in the same order.
 */
class TxDataCodecTest {

  @Property(tries = 1500)
  void decodingGivesWhatTheEdnReaderGivesOrEncodingDeclines(@ForAll long seed) {
    Random rnd = new Random(seed);
    Gen gen = new Gen(rnd);
    Object data = gen.txData();
    byte[] bytes = TxDataCodec.encode(data);
    if (bytes == null) {
      assertTrue(gen.unsupported, "declined data it could encode: " + Edn.write(data));
      return;
    }
    assertEquals(shape(Edn.read(Edn.write(data))), shape(TxDataCodec.decode(bytes)));
  }

  @Test
  void anEntityMapComesOutWithItsKeysInThePrintedOrder() {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("person/name"), "Ivan");
    m.put(Keyword.of("db/id"), "p1");
    m.put("a-string-key", 5);
    m.put(Keyword.of("person/age"), (short) 42);
    Object out = TxDataCodec.decode(TxDataCodec.encode(List.of(m)));
    assertEquals(shape(Edn.read(Edn.write(List.of(m)))), shape(out));
    assertEquals(Edn.write(List.of(m)), Edn.write(out));
  }

  @Test
  void decodedMapsOfFewAndManyKeysAnswerLookupsAndEqualTheReadersMaps() {
    for (int size : new int[] {1, 16, 17, 300}) {
      Map<Object, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        m.put(i % 2 == 0 ? Keyword.of("k/x" + i) : "s" + i, i % 3 == 0 ? null : (long) i);
      }
      Map<?, ?> out =
          (Map<?, ?>) ((List<?>) TxDataCodec.decode(TxDataCodec.encode(List.of(m)))).get(0);
      Object read = ((List<?>) Edn.read(Edn.write(List.of(m)))).get(0);
      assertEquals(read, out);
      assertEquals(out, read);
      assertEquals(read.hashCode(), out.hashCode());
      for (Object k : m.keySet()) {
        assertTrue(out.containsKey(k), k + " of " + size);
        assertEquals(m.get(k), out.get(k), k + " of " + size);
      }
      assertNull(out.get(Keyword.of("k/absent")));
      assertTrue(!out.containsKey("absent") && !out.containsKey(null));
    }
  }

  @Test
  void aKeywordWrittenBeforeTravelsAsAReferenceAndComesBackTheSame() {
    List<Object> tx = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      tx.add(Map.of(Keyword.of("person/name"), "n" + i, Keyword.of("person/sex"), Keyword.of("m")));
    }
    byte[] bytes = TxDataCodec.encode(tx);
    assertEquals(shape(Edn.read(Edn.write(tx))), shape(TxDataCodec.decode(bytes)));
    // ":person/name" in full once, then a reference of 6 bytes (header and index)
    assertTrue(bytes.length < 1_000 * 30, bytes.length + " bytes");
  }

  @Test
  void dataWithValuesTheEdnReaderWouldChangeIsLeftToEdn() {
    for (Object odd :
        List.of(
            1.5f,
            'c',
            Set.of(1L),
            Edn.read("(a b)"),
            URI.create("http://x"),
            new byte[] {1},
            Map.of(1L, 2L),
            new Object())) {
      assertNull(TxDataCodec.encode(List.of(List.of(Keyword.of("db/add"), "e", odd))), "" + odd);
    }
    assertNotNull(TxDataCodec.encode(List.of()));
  }

  @Test
  void bytesThatAreNotTransactionDataAreRefusedAsInvalidTxData() throws Exception {
    byte[] good = TxDataCodec.encode(List.of(Map.of(Keyword.of("a/b"), 1L)));
    List<byte[]> bad = new ArrayList<>();
    bad.add(new byte[0]);
    bad.add(java.util.Arrays.copyOf(good, good.length - 1));
    bad.add(java.util.Arrays.copyOf(good, good.length + 1));
    bad.add(packed(p -> p.packArrayHeader(1).packFloat(1.5f)));
    bad.add(packed(p -> p.packArrayHeader(1).packBinaryHeader(1).writePayload(new byte[] {7})));
    bad.add(packed(p -> p.packMapHeader(1).packLong(1).packLong(2)));
    bad.add(packed(p -> p.packArrayHeader(3).packLong(1)));
    bad.add(
        packed(
            p -> {
              for (int i = 0; i < 600; i++) {
                p.packArrayHeader(1);
              }
              p.packNil();
            }));
    bad.add(packed(p -> p.packExtensionTypeHeader((byte) 99, 1).writePayload(new byte[] {1})));
    // a reference to a keyword not written before, and one of the wrong length
    bad.add(packed(p -> p.packExtensionTypeHeader((byte) 100, 4).writePayload(new byte[4])));
    bad.add(packed(p -> p.packExtensionTypeHeader((byte) 100, 1).writePayload(new byte[1])));
    // a key twice, in a map of a few keys and in one of many
    bad.add(
        packed(
            p ->
                p.packArrayHeader(1)
                    .packMapHeader(2)
                    .packString("k")
                    .packLong(1)
                    .packString("k")
                    .packNil()));
    bad.add(
        packed(
            p -> {
              p.packArrayHeader(1).packMapHeader(40);
              for (int i = 0; i < 40; i++) {
                p.packString("k" + Math.min(i, 38)).packNil();
              }
            }));
    for (byte[] b : bad) {
      Anomaly a = assertThrows(Anomaly.class, () -> TxDataCodec.decode(b));
      assertEquals(Category.INCORRECT, a.category());
      assertEquals(Keyword.of("db.error/invalid-tx-data"), a.code());
    }
  }

  @FunctionalInterface
  private interface Packing {
    void pack(MessageBufferPacker p) throws Exception;
  }

  private static byte[] packed(Packing packing) throws Exception {
    try (MessageBufferPacker p = Msgpack.packer()) {
      packing.pack(p);
      return p.toByteArray();
    }
  }

  // every value with its class, maps (of any class, unmodifiable) in their iteration order
  @SuppressWarnings("unchecked")
  private static String shape(Object v) {
    if (v == null) {
      return "nil";
    }
    StringBuilder b =
        new StringBuilder(v instanceof Map ? "map" : v.getClass().getName()).append(':');
    if (v instanceof Map<?, ?> m) {
      assertThrows(
          UnsupportedOperationException.class, () -> ((Map<Object, Object>) m).put("x", 1));
      m.forEach((k, x) -> b.append(shape(k)).append('=').append(shape(x)).append(' '));
    } else if (v instanceof List<?> l) {
      l.forEach(x -> b.append(shape(x)).append(' '));
    } else if (v instanceof Date d) {
      b.append(d.getTime());
    } else {
      b.append(v);
    }
    return b.toString();
  }

  /** Random transaction data, now and then with a value the codec leaves to EDN. */
  private static final class Gen {
    private final Random rnd;
    boolean unsupported;

    Gen(Random rnd) {
      this.rnd = rnd;
    }

    Object txData() {
      List<Object> forms = new ArrayList<>();
      for (int i = 0, n = rnd.nextInt(6); i < n; i++) {
        if (rnd.nextBoolean()) {
          Map<Object, Object> m = rnd.nextBoolean() ? new HashMap<>() : new LinkedHashMap<>();
          for (int j = 0, k = rnd.nextInt(20); j < k; j++) {
            m.put(rnd.nextInt(8) == 0 ? string() : keyword(), value(0));
          }
          forms.add(m);
        } else {
          forms.add(java.util.Arrays.asList(Keyword.of("db/add"), string(), keyword(), value(0)));
        }
      }
      return forms;
    }

    private Object value(int depth) {
      int pick = rnd.nextInt(depth > 3 ? 16 : 19);
      return switch (pick) {
        case 0 -> null;
        case 1 -> rnd.nextBoolean();
        case 2 -> longValue();
        case 3 -> (int) longValue();
        case 4 -> (short) rnd.nextInt();
        case 5 -> (byte) rnd.nextInt();
        case 6 -> doubleValue();
        case 7, 8 -> string();
        case 9 -> keyword();
          // years 1 to 9999: EDN's #inst has four digits of year (the reader refuses "-0118-...")
        case 10 ->
            new Date(-62_135_596_800_000L + Math.floorMod(rnd.nextLong(), 315_537_897_599_999L));
        case 11 -> new UUID(rnd.nextLong(), rnd.nextLong());
        case 12 -> new BigInteger(1 + rnd.nextInt(200), rnd).negate();
        case 13 -> new BigDecimal(new BigInteger(1 + rnd.nextInt(100), rnd), rnd.nextInt(40) - 20);
        case 14 -> new BigInteger(rnd.nextInt(40), rnd);
        case 15 -> odd();
        case 16 -> {
          List<Object> l = new ArrayList<>();
          for (int i = 0, n = rnd.nextInt(5); i < n; i++) {
            l.add(value(depth + 1));
          }
          yield rnd.nextBoolean() ? l : List.copyOf(l.stream().filter(x -> x != null).toList());
        }
        case 17 -> {
          Map<Object, Object> m = new LinkedHashMap<>();
          for (int i = 0, n = rnd.nextInt(5); i < n; i++) {
            m.put(rnd.nextBoolean() ? keyword() : string(), value(depth + 1));
          }
          yield m;
        }
        default -> java.util.Collections.singletonList(value(depth + 1));
      };
    }

    private Object odd() {
      if (rnd.nextInt(4) != 0) {
        return string();
      }
      unsupported = true;
      return switch (rnd.nextInt(5)) {
        case 0 -> rnd.nextFloat();
        case 1 -> (char) ('a' + rnd.nextInt(26));
        case 2 -> Set.of(longValue());
        case 3 -> Edn.read("(f 1)");
        default -> URI.create("http://example.com/" + rnd.nextInt(100));
      };
    }

    private long longValue() {
      return switch (rnd.nextInt(4)) {
        case 0 -> rnd.nextInt(100);
        case 1 -> rnd.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
        default -> rnd.nextLong();
      };
    }

    private double doubleValue() {
      return switch (rnd.nextInt(8)) {
        case 0 -> Double.NaN;
        case 1 -> rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        case 2 -> -0.0;
        case 3 -> Double.MIN_VALUE;
        case 4 -> Double.longBitsToDouble(rnd.nextLong());
        default -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
      };
    }

    private String string() {
      StringBuilder b = new StringBuilder();
      for (int i = 0, n = rnd.nextInt(12); i < n; i++) {
        switch (rnd.nextInt(6)) {
          case 0 -> b.append("\"\\\n\t\r\b\f".charAt(rnd.nextInt(7)));
          case 1 -> b.append((char) rnd.nextInt(0x20));
          case 2 -> b.appendCodePoint(0x1F600 + rnd.nextInt(50));
          case 3 -> b.append((char) (0x400 + rnd.nextInt(0x100)));
          default -> b.append((char) (' ' + rnd.nextInt(95)));
        }
      }
      return b.toString();
    }

    private Keyword keyword() {
      String chars = "abcdefghijklmnopqrstuvwxyz0123456789-_.*?!+";
      StringBuilder b = new StringBuilder();
      b.append((char) ('a' + rnd.nextInt(26)));
      for (int i = 0, n = rnd.nextInt(8); i < n; i++) {
        b.append(chars.charAt(rnd.nextInt(chars.length())));
      }
      String name = b.toString();
      return rnd.nextBoolean() ? Keyword.of(name) : Keyword.of("ns" + rnd.nextInt(9), name);
    }
  }
}
