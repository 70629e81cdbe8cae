package io.vertomic.storage.cass;

/**
 * How the storage SPI's keys map onto the one table {@code (p text, k text, rev bigint, v blob,
 * PRIMARY KEY (p, k))}, so that every listing and range read is a clustering-key range inside known
 * partitions, never a table scan:
 *
 * <pre>
 *   segment KEY       p = SegmentPartitions.of(KEY)                k = KEY
 *   root NAME         p = "r"                                      k = NAME    rev, v
 *   log entry (db, t) p = "l:" + db + "#" + hex(t >>> 16)          k = hex16(t)
 *   log bucket list   p = "lb:" + db                               k = hex(t >>> 16)
 * </pre>
 *
 * Segments spread over 16 partitions per directory so that no partition grows past what Cassandra
 * handles well; the log uses one partition per 65,536 values of t, listed in a small partition of
 * its own.
 */
final class CassLayout {
  static final String ROOTS = "r";
  private static final int LOG_BUCKET_BITS = 16;

  private CassLayout() {}

  static long logBucket(long t) {
    return t >>> LOG_BUCKET_BITS;
  }

  static String logPartition(String db, long bucket) {
    return "l:" + db + "#" + Long.toHexString(bucket);
  }

  static String logBuckets(String db) {
    return "lb:" + db;
  }

  static String hex16(long t) {
    String h = Long.toHexString(t);
    return "0".repeat(16 - h.length()) + h;
  }
}
