package io.vertomic.msgpack;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A request body is untrusted bytes: a few of them claiming a huge length, or a long run of nested
 * arrays, fail as undecodable instead of allocating gigabytes or overflowing the stack.
 */
class MsgpackHostileInputTest {
  @Test
  void aMillionNestedArraysFailAsTooDeepNotAStackOverflow() {
    byte[] nested = new byte[1_000_000];
    Arrays.fill(nested, (byte) 0x91); // fixarray of one element, again and again
    Anomaly a = assertThrows(Anomaly.class, () -> MsgpackValues.decode(nested));
    assertTrue(a.getMessage().contains("nesting deeper than 512 levels"), a.getMessage());
  }

  @Test
  void anArrayHeaderClaimingFourBillionElementsFailsWithoutAllocating() {
    byte[] lie = {(byte) 0xdd, (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1};
    Anomaly a = assertThrows(Anomaly.class, () -> MsgpackValues.decode(lie));
    assertTrue(a.getMessage().contains("elements past the end at offset 5"), a.getMessage());
  }

  @Test
  void aBinaryOrStringLengthPastTheEndFailsWithoutAllocating() {
    byte[] bin = {(byte) 0xc6, (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2};
    Anomaly a = assertThrows(Anomaly.class, () -> MsgpackValues.decode(bin));
    assertTrue(a.getMessage().contains("bytes past the end"), a.getMessage());
    byte[] str = {(byte) 0xdb, (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'a'};
    assertThrows(Anomaly.class, () -> MsgpackValues.decode(str));
    byte[] ext = {(byte) 0xc9, (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 8, 1};
    assertThrows(Anomaly.class, () -> MsgpackValues.decode(ext));
  }

  @Test
  void setsNestedInsideSetsCountTowardsTheSameDepth() {
    byte[] inner = {(byte) 0x90}; // an empty array
    for (int i = 0; i < 600; i++) {
      byte[] outer = new byte[inner.length + 7];
      outer[0] = (byte) 0xc9; // ext 32 holding a set of one element
      outer[1] = (byte) (inner.length + 1 >>> 24);
      outer[2] = (byte) (inner.length + 1 >>> 16);
      outer[3] = (byte) (inner.length + 1 >>> 8);
      outer[4] = (byte) (inner.length + 1);
      outer[5] = 8;
      outer[6] = (byte) 0x91;
      System.arraycopy(inner, 0, outer, 7, inner.length);
      inner = outer;
    }
    byte[] deep = inner;
    Anomaly a = assertThrows(Anomaly.class, () -> MsgpackValues.decode(deep));
    assertTrue(a.getMessage().contains("nesting deeper than"), a.getMessage());
  }
}
