package io.vertomic.storage.dev;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;

/**
 * The LMDB environment of one dev storage directory and its three databases. Chosen over Xodus and
 * H2 MVStore by measurement (see the {@code dev} storage notes on the durable storage issue): the
 * lowest tail latency for a durable append and the fastest random reads, and a copy-on-write B+tree
 * that needs no recovery after a crash.
 *
 * <pre>
 *   segments   key: segment key (UTF-8)          value: the segment
 *   roots      key: root name (UTF-8)            value: 8-byte big-endian revision, then the root
 *   log        key: db (UTF-8), 0, 8-byte big-endian t      value: the entry
 * </pre>
 *
 * Every write transaction is synced to disk at commit (LMDB's default, no {@code MDB_NOSYNC}).
 */
final class LmdbFiles {
  /** LMDB's largest key. */
  static final int MAX_KEY = 511;

  // a sparse file: the map may grow to this size, the disk holds only what is written
  private static final long MAP_SIZE = 1L << 40;

  final Path dir;
  final Env<byte[]> env;
  final Dbi<byte[]> segments;
  final Dbi<byte[]> roots;
  final Dbi<byte[]> log;

  LmdbFiles(Path dir) {
    this.dir = dir;
    this.env =
        Env.create(PinnedByteArrayProxy.INSTANCE)
            .setMapSize(MAP_SIZE)
            .setMaxDbs(3)
            .setMaxReaders(256)
            .open(dir.toFile(), EnvFlags.MDB_NOTLS);
    this.segments = env.openDbi("segments", DbiFlags.MDB_CREATE);
    this.roots = env.openDbi("roots", DbiFlags.MDB_CREATE);
    this.log = env.openDbi("log", DbiFlags.MDB_CREATE);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String string(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** The log key of {@code (db, t)}: ordered by db, then by t. */
  static byte[] logKey(String db, long t) {
    byte[] d = utf8(db);
    byte[] k = new byte[d.length + 9];
    System.arraycopy(d, 0, k, 0, d.length);
    for (int i = 0; i < 8; i++) {
      k[d.length + 1 + i] = (byte) (t >>> (56 - 8 * i));
    }
    return k;
  }

  /** Whether {@code key} is a log key of {@code db} (as {@link #logKey} makes them). */
  static boolean isLogKeyOf(byte[] key, String db) {
    byte[] d = utf8(db);
    return key.length == d.length + 9
        && key[d.length] == 0
        && java.util.Arrays.equals(key, 0, d.length, d, 0, d.length);
  }

  /** The t of a log key of {@code db}. */
  static long t(byte[] key, int dbLength) {
    long t = 0;
    for (int i = 0; i < 8; i++) {
      t = (t << 8) | (key[dbLength + 1 + i] & 0xff);
    }
    return t;
  }
}
