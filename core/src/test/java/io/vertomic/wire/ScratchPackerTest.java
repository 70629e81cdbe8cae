package io.vertomic.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

class ScratchPackerTest {

  // packs a mix of small values, strings and payloads of up to `big` bytes, from `seed`
  private static void packSome(MessagePacker p, long seed, int big) throws IOException {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(300);
    p.packArrayHeader(n);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(4)) {
        case 0 -> p.packLong(r.nextLong());
        case 1 -> p.packString("s" + r.nextInt() + "é".repeat(r.nextInt(20)));
        case 2 -> {
          byte[] b = new byte[r.nextInt(big)];
          r.nextBytes(b);
          p.packBinaryHeader(b.length).writePayload(b);
        }
        default -> p.packArrayHeader(2).packBoolean(r.nextBoolean()).packNil();
      }
    }
  }

  private static byte[] expected(long seed, int big) throws IOException {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      packSome(p, seed, big);
      return p.toByteArray();
    }
  }

  @Test
  void packsTheSameBytesAsABufferPackerUseAfterUse() throws IOException {
    for (long seed = 0; seed < 200; seed++) {
      int big = seed % 10 == 0 ? 200_000 : 2_000; // some past the array's size and kept limit
      try (ScratchPacker s = ScratchPacker.take()) {
        packSome(s.packer(), seed, big);
        assertArrayEquals(expected(seed, big), s.toByteArray(), "seed " + seed);
      }
    }
  }

  @Test
  void aThreadPackingWhileItsArrayIsInUseGetsAnotherArray() throws IOException {
    try (ScratchPacker outer = ScratchPacker.take()) {
      packSome(outer.packer(), 1, 100);
      try (ScratchPacker inner = ScratchPacker.take()) {
        assertNotSame(outer, inner);
        packSome(inner.packer(), 2, 100);
        assertArrayEquals(expected(2, 100), inner.toByteArray());
      }
      assertArrayEquals(expected(1, 100), outer.toByteArray());
    }
    try (ScratchPacker first = ScratchPacker.take()) {
      first.close();
      try (ScratchPacker again = ScratchPacker.take()) {
        assertSame(first, again); // given back, it is the thread's again
      }
    }
  }

  @Test
  void anEncodingThatFailedHalfwayLeavesNothingForTheNext() throws IOException {
    assertThrows(
        IllegalStateException.class,
        () -> {
          try (ScratchPacker s = ScratchPacker.take()) {
            packSome(s.packer(), 3, 5_000);
            throw new IllegalStateException("a value with no form");
          }
        });
    try (ScratchPacker s = ScratchPacker.take()) {
      packSome(s.packer(), 4, 100);
      assertArrayEquals(expected(4, 100), s.toByteArray());
    }
  }
}
