package io.vertomic.storage.ddb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the storage SPI maps onto the items of one table whose primary key is a partition key {@code
 * p} (string) and a sort key {@code k} (string), so that every listing and range read is a Query
 * inside known partitions, never a Scan:
 *
 * <pre>
 *   segment KEY        p = SegmentPartitions.of(KEY)               k = KEY        v [n c]
 *   root NAME          p = "r"                                     k = NAME       rev v
 *   log entry (db, t)  p = "l:" + db                               k = hex16(t)   v [n c]
 *   extra chunk i      p = c (from its head item)                  k = hex8(i)    v
 * </pre>
 *
 * A value (segment or log entry) larger than {@link #CHUNK} bytes is split: its head item holds the
 * first chunk in {@code v}, the number of chunks in {@code n} and in {@code c} the partition that
 * holds chunks 1 to n-1, because DynamoDB refuses an item over 400 KB. Chunks are written before
 * their head, so a head that can be read always has all its chunks. A segment's chunk partition is
 * {@code "c:" + KEY} (the same bytes for the same key); a log entry's names its writer with a
 * random suffix, so a writer that loses the append of a {@code t} never overwrites the chunks of
 * the one that won.
 */
final class DdbLayout {
  static final String P = "p";
  static final String K = "k";
  static final String V = "v";
  static final String N = "n";
  static final String C = "c";
  static final String REV = "rev";
  static final String ROOTS = "r";

  /**
   * Bytes of a value per item: DynamoDB's limit is 400 KB for the whole item, names and keys
   * included, and keys here stay far below the 9,600 bytes left over.
   */
  static final int CHUNK = 400 * 1024 - 9600;

  private DdbLayout() {}

  static String segmentChunks(String key) {
    return "c:" + key;
  }

  static String logPartition(String db) {
    return "l:" + db;
  }

  static String logChunks(String db, long t, String writer) {
    return "lc:" + db + "/" + hex16(t) + "/" + writer;
  }

  static String hex16(long t) {
    String h = Long.toHexString(t);
    return "0".repeat(16 - h.length()) + h;
  }

  static String hex8(int i) {
    String h = Integer.toHexString(i);
    return "0".repeat(8 - h.length()) + h;
  }

  /** {@code value} cut into chunks of at most {@link #CHUNK} bytes; one (maybe empty) at least. */
  static List<byte[]> split(byte[] value) {
    List<byte[]> out = new ArrayList<>();
    for (int from = 0; from == 0 || from < value.length; from += CHUNK) {
      out.add(Arrays.copyOfRange(value, from, Math.min(value.length, from + CHUNK)));
    }
    return out;
  }

  static byte[] join(List<byte[]> chunks) {
    int size = chunks.stream().mapToInt(c -> c.length).sum();
    byte[] out = new byte[size];
    int at = 0;
    for (byte[] c : chunks) {
      System.arraycopy(c, 0, out, at, c.length);
      at += c.length;
    }
    return out;
  }
}
