package io.vertomic.index;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.wire.DatomCodec;
import io.vertomic.wire.Frame;
import io.vertomic.wire.Msgpack;
import io.vertomic.wire.ScratchPacker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * Index tree nodes as storage segments: a {@link Frame} of kind {@link Frame#K_INDEX_NODE} around a
 * MessagePack array.
 *
 * <pre>
 *   leaf:   [0 n datom...]                         datom = [e a v tx added] (DatomCodec)
 *   branch: [level n [address maxKey count]...]    address = the child's segment key
 * </pre>
 *
 * A decoded branch holds its children by address only ({@link ChildRef#stored}): they load through
 * the tree's {@link NodeSource} when a reader reaches them.
 */
public final class NodeCodec {
  private NodeCodec() {}

  /** Encodes {@code node}; a branch's children are named by {@code childKeys}, in order. */
  static byte[] encode(Node node, List<String> childKeys) {
    try (ScratchPacker s = ScratchPacker.take()) {
      MessagePacker p = s.packer();
      if (node instanceof Leaf leaf) {
        p.packArrayHeader(2 + leaf.keys.length).packInt(0).packInt(leaf.keys.length);
        for (Datom d : leaf.keys) {
          DatomCodec.pack(p, d);
        }
      } else {
        Branch b = (Branch) node;
        p.packArrayHeader(2 + b.childCount()).packInt(b.level).packInt(b.childCount());
        for (int i = 0; i < b.childCount(); i++) {
          p.packArrayHeader(3).packString(childKeys.get(i));
          DatomCodec.pack(p, b.maxKeys[i]);
          p.packLong(b.counts[i]);
        }
      }
      return Frame.wrap(Frame.K_INDEX_NODE, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a segment; fails {@code fault} naming {@code what} when the bytes are corrupt. */
  public static Node decode(byte[] blob, String what) {
    byte[] payload = Frame.unwrap(Frame.K_INDEX_NODE, blob, what);
    try (MessageUnpacker u = Msgpack.unpacker(payload)) {
      u.unpackArrayHeader();
      int level = u.unpackInt();
      int n = u.unpackInt();
      if (level == 0) {
        Datom[] keys = new Datom[n];
        for (int i = 0; i < n; i++) {
          keys[i] = DatomCodec.unpack(u);
        }
        return new Leaf(keys);
      }
      ChildRef[] children = new ChildRef[n];
      Datom[] maxKeys = new Datom[n];
      long[] counts = new long[n];
      for (int i = 0; i < n; i++) {
        u.unpackArrayHeader();
        children[i] = ChildRef.stored(Msgpack.string(u));
        maxKeys[i] = DatomCodec.unpack(u);
        counts[i] = u.unpackLong();
      }
      return new Branch(level, children, maxKeys, counts);
    } catch (IOException | RuntimeException e) {
      throw Anomaly.fault(
          "Corrupt stored data: " + what + " does not decode (" + e.getMessage() + ")", e);
    }
  }

  /** A stored node's level (0 for a leaf) and the keys of its children (none for a leaf). */
  public record Children(int level, List<String> keys) {}

  /** The level and children of the stored node {@code blob}; fails {@code fault} if corrupt. */
  public static Children children(byte[] blob, String what) {
    Node n = decode(blob, what);
    List<String> out = new java.util.ArrayList<>();
    if (n instanceof Branch b) {
      for (ChildRef c : b.children) {
        out.add((String) c.address());
      }
    }
    return new Children(n.level(), out);
  }

  /**
   * About how many bytes of heap a decoded {@code node} takes, for byte-bounded caches: object
   * headers, arrays and a typical datom with a small value.
   */
  public static int heapBytes(Node node) {
    if (node instanceof Leaf leaf) {
      return 32 + leaf.keys.length * 120;
    }
    return 64 + ((Branch) node).childCount() * 200;
  }
}
