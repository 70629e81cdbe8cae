package io.vertomic.client.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.msgpack.MsgpackValues;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Splitting a MessagePack value stream into whole values whatever the pieces it arrives in. */
class MsgpackFramesTest {
  private static final List<Object> VALUES =
      List.of(
          Map.of("chunk", List.of(List.of(1L, "a".repeat(300)), List.of(2L, Keyword.of("b/c")))),
          Map.of("chunk", List.of(Set.of(1.5, 2.5f), new Date(5), UUID.randomUUID())),
          Map.of("chunk", List.of(new BigDecimal("1.5"), -1L, Long.MIN_VALUE, true)),
          Map.of("chunk", Collections.nCopies(70_000, 300L)),
          Map.of("chunk", List.of("x".repeat(70_000), new byte[300], Arrays.asList((Object) null))),
          Map.of("anomaly", "interrupted", "message", "timeout"));

  private static byte[] stream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VALUES.forEach(v -> out.writeBytes(MsgpackValues.encode(v)));
    return out.toByteArray();
  }

  private static List<Object> split(byte[] stream, int pieceSize) {
    MsgpackFrames frames = new MsgpackFrames();
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < stream.length; i += pieceSize) {
      frames.append(Arrays.copyOfRange(stream, i, Math.min(stream.length, i + pieceSize)));
      for (byte[] f = frames.next(); f != null; f = frames.next()) {
        out.add(MsgpackValues.decode(f));
      }
    }
    assertFalse(frames.hasPartial());
    return out;
  }

  @Test
  void valuesArrivingByteByByteAreSplitExactly() {
    assertEquals(Edn.write(VALUES), Edn.write(split(stream(), 1)));
  }

  @Test
  void valuesArrivingInOddPiecesOrAllAtOnceAreSplitExactly() {
    for (int size : new int[] {7, 1000, 65_536, Integer.MAX_VALUE}) {
      assertEquals(Edn.write(VALUES), Edn.write(split(stream(), size)), "pieces of " + size);
    }
  }

  @Test
  void anUnfinishedValueIsHeldAsPartial() {
    byte[] one = MsgpackValues.encode(Map.of("chunk", List.of(1L, 2L)));
    MsgpackFrames frames = new MsgpackFrames();
    frames.append(Arrays.copyOf(one, one.length - 1));

    assertNull(frames.next());
    assertTrue(frames.hasPartial());
  }

  @Test
  void theNeverUsedByteIsRefused() {
    MsgpackFrames frames = new MsgpackFrames();
    frames.append(new byte[] {(byte) 0xc1});

    Anomaly a = assertThrows(Anomaly.class, frames::next);
    assertTrue(a.getMessage().contains("0xc1"), a.getMessage());
  }
}
