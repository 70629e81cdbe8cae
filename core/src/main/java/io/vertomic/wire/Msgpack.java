package io.vertomic.wire;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * MessagePack packers and unpackers sized for what Vertomic encodes, most of it small: the
 * library's defaults allocate an 8 KiB output buffer per packer and a 16 KiB string decoding buffer
 * per unpacker, many times the size of a log entry, on every transaction in the transactor and in
 * every peer. Strings in one byte array never need that decoding buffer.
 */
public final class Msgpack {
  private static final MessagePack.PackerConfig PACKER =
      new MessagePack.PackerConfig().withBufferSize(512);
  private static final MessagePack.UnpackerConfig UNPACKER =
      new MessagePack.UnpackerConfig().withStringDecoderBufferSize(256);

  private static final int MAX_BUFFER = 64 * 1024;
  // a datom as DatomCodec packs it, most of them: small longs, a short value, a flag
  static final int DATOM_BYTES = 32;

  private Msgpack() {}

  /** A packer into a growing buffer. */
  public static MessageBufferPacker packer() {
    return PACKER.newBufferPacker();
  }

  /**
   * A packer for about {@code expectedBytes} (up to 64 KiB): a segment or a batch's log entry fills
   * one buffer rather than a chain of small ones copied together at the end.
   */
  public static MessageBufferPacker packer(int expectedBytes) {
    int size = Math.max(512, Math.min(MAX_BUFFER, expectedBytes));
    return new MessagePack.PackerConfig().withBufferSize(size).newBufferPacker();
  }

  /** An unpacker of {@code bytes}. */
  public static MessageUnpacker unpacker(byte[] bytes) {
    return UNPACKER.newUnpacker(bytes);
  }
}
