package io.vertomic.wire;

import io.vertomic.datom.Datom;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * Log entries in storage: a {@link Frame} of kind {@link Frame#K_LOG_ENTRY} around the MessagePack
 * array {@code [t nextT nextDbCounter [e a v tx added]...]}, values as {@link ValueCodec} writes
 * them.
 */
public final class TxEntryCodec {
  private TxEntryCodec() {}

  public static byte[] encode(TxEntry entry) {
    try (ScratchPacker s = ScratchPacker.take()) {
      MessagePacker p = s.packer();
      p.packArrayHeader(3 + entry.datoms().size());
      p.packLong(entry.t()).packLong(entry.nextT()).packLong(entry.nextDbCounter());
      for (Datom d : entry.datoms()) {
        DatomCodec.pack(p, d);
      }
      return Frame.wrap(Frame.K_LOG_ENTRY, s);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Decodes an entry; fails {@code fault} naming {@code what} when the bytes are corrupt. */
  public static TxEntry decode(byte[] blob, String what) {
    byte[] payload = Frame.unwrap(Frame.K_LOG_ENTRY, blob, what);
    try (MessageUnpacker u = Msgpack.unpacker(payload)) {
      int n = u.unpackArrayHeader() - 3;
      long t = u.unpackLong();
      long nextT = u.unpackLong();
      long nextDb = u.unpackLong();
      List<Datom> datoms = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        datoms.add(DatomCodec.unpack(u));
      }
      return new TxEntry(t, nextT, nextDb, Collections.unmodifiableList(datoms));
    } catch (IOException | RuntimeException e) {
      throw Frame.corrupt(what, "does not decode (" + e.getMessage() + ")");
    }
  }
}
