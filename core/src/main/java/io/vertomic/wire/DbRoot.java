package io.vertomic.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * The root of one database in storage, under the root name {@code db/NAME}: the database's id (its
 * name plus a random suffix, so that a database created again under an old name never sees the old
 * log) and the {@code t} up to which the durable indexes are built (0: none yet, the log is the
 * whole database). Encoded as a {@link Frame} of kind {@link Frame#K_ROOT} around the MessagePack
 * array {@code [id indexBasisT]}.
 */
public record DbRoot(String id, long indexBasisT) {
  public byte[] encode() {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      p.packArrayHeader(2).packString(id).packLong(indexBasisT);
      return Frame.wrap(Frame.K_ROOT, p.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a root; fails {@code fault} naming {@code what} when the bytes are corrupt. */
  public static DbRoot decode(byte[] blob, String what) {
    byte[] payload = Frame.unwrap(Frame.K_ROOT, blob, what);
    try (MessageUnpacker u = MessagePack.newDefaultUnpacker(payload)) {
      u.unpackArrayHeader();
      return new DbRoot(u.unpackString(), u.unpackLong());
    } catch (IOException | RuntimeException e) {
      throw Frame.corrupt(what, "does not decode (" + e.getMessage() + ")");
    }
  }
}
