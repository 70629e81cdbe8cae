package io.vertomic.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * The root of one database in storage, under the root name {@code db/NAME}: the database's id (its
 * name plus a random suffix, so that a database created again under an old name never sees the old
 * log), and its durable index: the {@code t} it is built up to ({@code indexBasisT}, 0 when there
 * is none yet and the log is the whole database), the id counters at that {@code t}, and the
 * segment keys of the eight index roots (current EAVT, AEVT, AVET, VAET, then the past ones; empty
 * when there is no index). Encoded as a {@link Frame} of kind {@link Frame#K_ROOT} around the
 * MessagePack array {@code [id indexBasisT nextT nextDbCounter [rootKey...]]}.
 */
public record DbRoot(
    String id, long indexBasisT, long nextT, long nextDbCounter, List<String> indexRoots) {

  /** The root of a database created just now: no index yet. */
  public static DbRoot created(String id) {
    return new DbRoot(id, 0, 0, 0, List.of());
  }

  /** Whether the database has a durable index. */
  public boolean indexed() {
    return !indexRoots.isEmpty();
  }

  public byte[] encode() {
    try (ScratchPacker s = ScratchPacker.take()) {
      MessagePacker p = s.packer();
      p.packArrayHeader(5).packString(id).packLong(indexBasisT).packLong(nextT);
      p.packLong(nextDbCounter).packArrayHeader(indexRoots.size());
      for (String k : indexRoots) {
        p.packString(k);
      }
      return Frame.wrap(Frame.K_ROOT, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a root; fails {@code fault} naming {@code what} when the bytes are corrupt. */
  public static DbRoot decode(byte[] blob, String what) {
    byte[] payload = Frame.unwrap(Frame.K_ROOT, blob, what);
    try (MessageUnpacker u = Msgpack.unpacker(payload)) {
      u.unpackArrayHeader();
      String id = Msgpack.string(u);
      long basis = u.unpackLong();
      long nextT = u.unpackLong();
      long nextDb = u.unpackLong();
      int n = u.unpackArrayHeader();
      List<String> roots = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        roots.add(Msgpack.string(u));
      }
      return new DbRoot(id, basis, nextT, nextDb, List.copyOf(roots));
    } catch (IOException | RuntimeException e) {
      throw Frame.corrupt(what, "does not decode (" + e.getMessage() + ")");
    }
  }
}
