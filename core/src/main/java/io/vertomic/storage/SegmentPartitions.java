package io.vertomic.storage;

/**
 * Where a backend whose tables are partitioned (cass, ddb) puts a segment: in one of {@link
 * #BUCKETS} partitions per directory of its key ({@code seg/DBID/}), by the key's hash, so that no
 * partition grows past what the store handles well and a listing of one directory reads {@link
 * #BUCKETS} known partitions, never the whole table.
 */
public final class SegmentPartitions {
  /** Partitions per directory. */
  public static final int BUCKETS = 16;

  private SegmentPartitions() {}

  /** The directory of {@code key}: the key up to and with its last {@code /}. */
  public static String dir(String key) {
    return key.substring(0, key.lastIndexOf('/') + 1);
  }

  /** The partition of segment {@code key}. */
  public static String of(String key) {
    return of(dir(key), Math.floorMod(key.hashCode(), BUCKETS));
  }

  /** Partition {@code bucket} (0 to {@link #BUCKETS} - 1) of directory {@code dir}. */
  public static String of(String dir, int bucket) {
    return "s:" + dir + "#" + bucket;
  }
}
