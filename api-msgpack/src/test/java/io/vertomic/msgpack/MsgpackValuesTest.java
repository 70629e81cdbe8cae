package io.vertomic.msgpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** The MessagePack value encoding of docs/http-api.md, checked both ways and against raw bytes. */
class MsgpackValuesTest {

  static Stream<Arguments> everyType() {
    return Stream.of(
        Arguments.of("nil", null),
        Arguments.of("true", true),
        Arguments.of("false", false),
        Arguments.of("small long", 42L),
        Arguments.of("negative long", -17L),
        Arguments.of("largest long", Long.MAX_VALUE),
        Arguments.of("smallest long", Long.MIN_VALUE),
        Arguments.of("entity id", 17592186045418L),
        Arguments.of("double", 1.5e10),
        Arguments.of("float", 2.5f),
        Arguments.of("string", "Ivan Іван 伊万"),
        Arguments.of("empty string", ""),
        Arguments.of("keyword", Keyword.of("person/name")),
        Arguments.of("keyword without namespace", Keyword.of("male")),
        Arguments.of("symbol", Symbol.of("?e")),
        Arguments.of("namespaced symbol", Symbol.of("clojure.string/upper-case")),
        Arguments.of("instant", new Date(1767225600123L)),
        Arguments.of("instant before the epoch", new Date(-86_400_000L)),
        Arguments.of("uuid", UUID.fromString("5f1b2a1e-9c3d-4e8f-a7b6-0123456789ab")),
        Arguments.of("uri", URI.create("https://vertomic.io/a?b=c#d")),
        Arguments.of("big integer", new BigInteger("123456789012345678901234567890")),
        Arguments.of("negative big integer", new BigInteger("-98765432109876543210")),
        Arguments.of("big decimal", new BigDecimal("3.14159265358979323846264338327950288")),
        Arguments.of("big decimal with exponent", new BigDecimal("1E+20")),
        Arguments.of("set", Set.of(1L, 2L, 3L)),
        Arguments.of(
            "database function",
            Edn.read("#db/fn {:lang \"java\" :params [db x] :code \"return x;\"}")),
        Arguments.of("list with nil", Arrays.asList(1L, null, "x")),
        Arguments.of(
            "pulled map",
            Map.of(
                Keyword.of("db/id"), 17592186045418L,
                Keyword.of("person/tags"), Set.of(Keyword.of("a"), Keyword.of("b")),
                Keyword.of("person/friends"), List.of(Map.of(Keyword.of("db/id"), 1L)))),
        Arguments.of("answer map", Map.of("basis-t", 1000L, "result", List.of(List.of(1L, "a")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyType")
  void everyValueTypeRoundTrips(String name, Object value) {
    assertEquals(value, MsgpackValues.decode(MsgpackValues.encode(value)));
  }

  @Test
  void bytesRoundTripAsBin() {
    byte[] bytes = {0, 1, (byte) 0xff, 42};
    byte[] encoded = MsgpackValues.encode(bytes);

    assertEquals((byte) 0xc4, encoded[0]);
    assertArrayEquals(bytes, (byte[]) MsgpackValues.decode(encoded));
  }

  @Test
  void decodedCollectionsKeepTheirTypesAndOrder() {
    Object set = MsgpackValues.decode(MsgpackValues.encode(new LinkedHashSet<>(List.of(3L, 1L))));
    Object map = MsgpackValues.decode(MsgpackValues.encode(Map.of("k", List.of(1L))));

    assertEquals(List.of(3L, 1L), List.copyOf((Set<?>) assertInstanceOf(Set.class, set)));
    assertInstanceOf(List.class, ((Map<?, ?>) map).get("k"));
  }

  @Test
  void integersOfAnyWidthDecodeAsLongsAndHugeUnsignedAsBigInteger() throws Exception {
    MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
    p.packArrayHeader(4).packByte((byte) 7).packShort((short) 300).packInt(70_000);
    p.packBigInteger(new BigInteger("18446744073709551615"));

    assertEquals(
        List.of(7L, 300L, 70_000L, new BigInteger("18446744073709551615")),
        MsgpackValues.decode(p.toByteArray()));
  }

  @Test
  void extensionTypesHaveTheDocumentedPayloads() throws Exception {
    UUID uuid = UUID.fromString("00000000-0000-0001-0000-000000000002");
    assertExt(1, ":person/name", Keyword.of("person/name"));
    assertExt(2, "?e", Symbol.of("?e"));
    assertExt(3, new byte[] {0, 0, 0, 0, 0, 0, 0x03, (byte) 0xe8}, new Date(1000));
    assertExt(4, new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2}, uuid);
    assertExt(5, "urn:isbn:1", URI.create("urn:isbn:1"));
    assertExt(6, "18446744073709551616", new BigInteger("18446744073709551616"));
    assertExt(7, "1.50", new BigDecimal("1.50"));
    MessageBufferPacker elements = MessagePack.newDefaultBufferPacker();
    elements.packArrayHeader(2).packLong(1).packString("a");
    assertExt(8, elements.toByteArray(), new LinkedHashSet<>(List.of(1L, "a")));
    String fn =
        "#db/fn{:lang :java, :imports [], :requires [], :params [db], :code \"return db;\"}";
    assertExt(9, fn.getBytes(StandardCharsets.UTF_8), Edn.read(fn));
  }

  /** {@code value} encodes as ext {@code type} with {@code payload} and decodes back from it. */
  private static void assertExt(int type, Object payload, Object value) throws Exception {
    byte[] bytes =
        payload instanceof String s
            ? s.replaceFirst("^:", "").getBytes(StandardCharsets.UTF_8)
            : (byte[]) payload;
    MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
    p.packExtensionTypeHeader((byte) type, bytes.length).writePayload(bytes);

    assertArrayEquals(p.toByteArray(), MsgpackValues.encode(value), Edn.write(value));
    assertEquals(value, MsgpackValues.decode(p.toByteArray()));
  }

  @Test
  void instantsAreBigEndianMillis() {
    byte[] encoded = MsgpackValues.encode(new Date(0x0102030405060708L));
    ByteBuffer payload = ByteBuffer.wrap(encoded, encoded.length - 8, 8);

    assertEquals(0x0102030405060708L, payload.getLong());
  }

  @Test
  void anUnknownExtensionTypeIsAFaultNamingIt() throws Exception {
    MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
    p.packExtensionTypeHeader((byte) 42, 1).writePayload(new byte[] {0});

    Anomaly a = assertThrows(Anomaly.class, () -> MsgpackValues.decode(p.toByteArray()));
    assertEquals(Category.FAULT, a.category());
    assertTrue(a.getMessage().contains("unknown MessagePack extension type 42"), a.getMessage());
  }

  @Test
  void aValueWithoutMessagePackFormIsRefusedNamingItsClass() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MsgpackValues.encode(new Object()));
    assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
  }
}
