package io.vertomic.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * One point in time a backup location keeps of its database: the database as of basis {@code t},
 * which is the database root the backup read ({@code root}: its id and durable index, whose index
 * basis is at most {@code t}) plus the location's log up to {@code t}; and the wall-clock time the
 * backup was taken. Stored as the root {@code backup/NAME/T} of the location ({@link #rootName}, T
 * zero-padded to 19 digits so that names sort by t), encoded as a {@link Frame} of kind {@link
 * Frame#K_BACKUP_POINT} (checksummed like every stored blob) around the MessagePack array {@code [t
 * takenAtMillis rootBlob]}, where {@code rootBlob} is the database root as {@link DbRoot#encode}
 * writes it.
 *
 * <p>A point without an index ({@link #logOnly()}) is restored by replaying the log: that is what a
 * point becomes when a later backup sees an excision ({@code io.vertomic.backup.BackupHistory}).
 */
public record BackupPoint(long t, long takenAtMillis, DbRoot root) {
  private static final String PREFIX = "backup/";

  /** The prefix of the names of the points of database {@code name}. */
  public static String prefix(String name) {
    return PREFIX + name + "/";
  }

  /** The name of the root that holds the point at {@code t} of database {@code name}. */
  public static String rootName(String name, long t) {
    return prefix(name) + String.format("%019d", t);
  }

  /** Whether the point has no durable index, so that restoring it replays the log up to t. */
  public boolean logOnly() {
    return !root.indexed();
  }

  /** The same point with its index dropped: restored by replaying the (excised) log. */
  public BackupPoint withoutIndex() {
    return new BackupPoint(t, takenAtMillis, DbRoot.created(root.id()));
  }

  /** The segment keys of the point's index roots (none when it is log-only). */
  public List<String> indexRoots() {
    return root.indexRoots();
  }

  public byte[] encode() {
    byte[] rootBlob = root.encode();
    try (ScratchPacker s = ScratchPacker.take()) {
      MessagePacker p = s.packer();
      p.packArrayHeader(3).packLong(t).packLong(takenAtMillis);
      p.packBinaryHeader(rootBlob.length).writePayload(rootBlob);
      return Frame.wrap(Frame.K_BACKUP_POINT, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a point; fails {@code fault} naming {@code what} when the bytes are corrupt. */
  public static BackupPoint decode(byte[] blob, String what) {
    byte[] payload = Frame.unwrap(Frame.K_BACKUP_POINT, blob, what);
    byte[] rootBlob;
    long t;
    long takenAt;
    try (MessageUnpacker u = Msgpack.unpacker(payload)) {
      u.unpackArrayHeader();
      t = u.unpackLong();
      takenAt = u.unpackLong();
      rootBlob = u.readPayload(u.unpackBinaryHeader());
    } catch (IOException | RuntimeException e) {
      throw Frame.corrupt(what, "does not decode (" + e.getMessage() + ")");
    }
    return new BackupPoint(t, takenAt, DbRoot.decode(rootBlob, what + " (its database root)"));
  }
}
