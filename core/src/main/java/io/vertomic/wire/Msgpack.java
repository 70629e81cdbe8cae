package io.vertomic.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * MessagePack packers and unpackers sized for what Vertomic encodes, most of it small: the
 * library's defaults allocate an 8 KiB output buffer per packer and a 16 KiB string decoding buffer
 * per unpacker, many times the size of a log entry, on every transaction in the transactor and in
 * every peer. Strings in one byte array never need that decoding buffer. What is packed to be
 * consumed at once (a segment, a log entry, a request) packs with {@link ScratchPacker} instead.
 */
public final class Msgpack {
  private static final MessagePack.PackerConfig PACKER =
      new MessagePack.PackerConfig().withBufferSize(512);
  private static final MessagePack.UnpackerConfig UNPACKER =
      new MessagePack.UnpackerConfig().withStringDecoderBufferSize(256);

  // strings up to this many bytes are read in one piece; longer ones in pieces of it, so a forged
  // length allocates no more than the bytes that are really there
  private static final int STRING_CHUNK = 8 * 1024;

  private Msgpack() {}

  /** A packer into a growing buffer. */
  public static MessageBufferPacker packer() {
    return PACKER.newBufferPacker();
  }

  /** An unpacker of {@code bytes}. */
  public static MessageUnpacker unpacker(byte[] bytes) {
    return UNPACKER.newUnpacker(bytes);
  }

  /**
   * The next value of {@code u}, a string. The library's {@code unpackString} makes a UTF-8 decoder
   * for every unpacker that reads one (a tenth of a peer's time applying tx reports); this decodes
   * the bytes as {@link String} does, malformed sequences replaced as the library replaces them.
   */
  public static String string(MessageUnpacker u) throws IOException {
    int length = u.unpackRawStringHeader();
    if (length <= STRING_CHUNK) {
      return new String(u.readPayload(length), StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(STRING_CHUNK);
    byte[] chunk = new byte[STRING_CHUNK];
    for (int left = length; left > 0; ) {
      int n = Math.min(left, STRING_CHUNK);
      u.readPayload(chunk, 0, n);
      out.write(chunk, 0, n);
      left -= n;
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
