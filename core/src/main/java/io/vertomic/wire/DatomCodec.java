package io.vertomic.wire;

import io.vertomic.datom.Datom;
import java.io.IOException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/** One datom in MessagePack: the array {@code [e a v tx added]}. */
public final class DatomCodec {
  private DatomCodec() {}

  public static void pack(MessagePacker p, Datom d) throws IOException {
    p.packArrayHeader(5).packLong(d.e()).packLong(d.a());
    ValueCodec.pack(p, d.v());
    p.packLong(d.tx()).packBoolean(d.added());
  }

  public static Datom unpack(MessageUnpacker u) throws IOException {
    if (u.unpackArrayHeader() != 5) {
      throw new IOException("a datom is an array of 5");
    }
    long e = u.unpackLong();
    long a = u.unpackLong();
    Object v = ValueCodec.unpack(u);
    return new Datom(e, a, v, u.unpackLong(), u.unpackBoolean());
  }
}
