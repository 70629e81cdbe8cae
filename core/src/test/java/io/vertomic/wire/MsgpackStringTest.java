package io.vertomic.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

class MsgpackStringTest {
  @Test
  void readsStringsOfEveryLengthAndScriptAsTheLibraryDoes() throws Exception {
    for (String s :
        List.of(
            "", "a", "é 中 😀", "x".repeat(8 * 1024), "é".repeat(9_000), "ab😀".repeat(20_000))) {
      byte[] bytes;
      try (MessageBufferPacker p = Msgpack.packer()) {
        p.packString(s).packString(s);
        bytes = p.toByteArray();
      }
      try (MessageUnpacker u = Msgpack.unpacker(bytes)) {
        assertEquals(s, Msgpack.string(u));
        assertEquals(s, u.unpackString());
      }
    }
  }

  @Test
  void replacesMalformedUtf8AsTheLibraryDoes() throws Exception {
    byte[] bytes = {(byte) 0xa3, 'a', (byte) 0xc3, 'b'};
    try (MessageUnpacker ours = Msgpack.unpacker(bytes);
        MessageUnpacker library = MessagePack.newDefaultUnpacker(bytes)) {
      assertEquals(library.unpackString(), Msgpack.string(ours));
    }
  }

  @Test
  void aLengthPastTheEndFailsWithoutAllocatingIt() {
    byte[] forged = {(byte) 0xdb, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'a', 'b'};
    assertThrows(Exception.class, () -> Msgpack.string(Msgpack.unpacker(forged)));
  }
}
