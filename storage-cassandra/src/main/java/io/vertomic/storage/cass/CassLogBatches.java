package io.vertomic.storage.cass;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vertomic.storage.LogRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * How a group of log entries (the writer's group commit) is cut into conditional batches. Cassandra
 * applies a conditional batch atomically and in isolation only when it stays in one partition, so a
 * batch never holds entries of two log buckets ({@link CassLayout}: one partition per 65,536 values
 * of t). Each batch also stays under {@link #MAX_BYTES} of entries and {@link #MAX_ENTRIES}
 * statements; a group that fits both and one bucket is one batch, all or none.
 *
 * <p>Why a byte budget: {@code batch_size_fail_threshold} (50 KiB by default) does not apply here,
 * as Cassandra checks it only for batches that span several partitions and never for conditional
 * ones; what does is the largest mutation a node accepts (half of {@code commitlog_segment_size}:
 * 16 MiB by default, 4 MiB on the test node of {@code scripts/services/cassandra}) and the largest
 * request frame (16 MiB), and a Paxos round that carries the whole batch twice (proposal, commit).
 * 1 MiB keeps a batch far from all of them while a group of the usual entries (a few KiB each, at
 * most 256 of them) is still one batch. An entry larger than the budget is a batch of its own,
 * exactly as the single append would write it.
 *
 * <p>Cutting is pure; a {@link Batch} also builds its statement and reads its outcome. Thread-safe.
 */
final class CassLogBatches {
  /** Most entry bytes one batch carries (an entry larger than this is a batch alone). */
  static final int MAX_BYTES = 1 << 20;

  /** Most statements one batch carries (the protocol allows 65,535). */
  static final int MAX_ENTRIES = 1024;

  /** What a statement adds to a batch besides its entry: the partition and clustering keys. */
  private static final int STATEMENT_OVERHEAD = 64;

  private CassLogBatches() {}

  /** Entries of one log bucket, in the group's order, to be written in one conditional batch. */
  record Batch(long bucket, List<LogRecord> entries) {
    /** The logged batch of {@code insert} ({@code INSERT ... IF NOT EXISTS}) of every entry. */
    BatchStatement statement(PreparedStatement insert, String db) {
      String partition = CassLayout.logPartition(db, bucket);
      BatchStatementBuilder b =
          BatchStatement.builder(DefaultBatchType.LOGGED)
              .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM);
      for (LogRecord r : entries) {
        b.addStatement(insert.bind(partition, CassLayout.hex16(r.t()), ByteBuffer.wrap(r.entry())));
      }
      return b.build();
    }

    /**
     * The first t the log already had, from the rows Cassandra returns with a batch that was not
     * applied (the rows that exist); the batch's first t if they do not say.
     */
    long existingT(Iterable<Row> notApplied) {
      long first = Long.MAX_VALUE;
      for (Row r : notApplied) {
        if (r.getColumnDefinitions().contains("k") && r.getString("k") != null) {
          first = Math.min(first, Long.parseLong(r.getString("k"), 16));
        }
      }
      return first == Long.MAX_VALUE ? entries.get(0).t() : first;
    }

    /** What the batch writes, for messages. */
    String describe(String db) {
      return "append t "
          + entries.get(0).t()
          + ".."
          + entries.get(entries.size() - 1).t()
          + " to "
          + db;
    }
  }

  /** {@code group} cut into batches with the default budgets, in the group's order. */
  static List<Batch> of(List<LogRecord> group) {
    return of(group, MAX_BYTES, MAX_ENTRIES);
  }

  /**
   * {@code group} cut into batches, in the group's order: a new batch starts where the bucket
   * changes or where the next entry would take the batch past {@code maxBytes} or {@code
   * maxEntries}.
   */
  static List<Batch> of(List<LogRecord> group, int maxBytes, int maxEntries) {
    List<Batch> out = new ArrayList<>();
    List<LogRecord> current = new ArrayList<>();
    long bucket = -1;
    long bytes = 0;
    for (LogRecord r : group) {
      long b = CassLayout.logBucket(r.t());
      long size = (long) r.entry().length + STATEMENT_OVERHEAD;
      boolean full = current.size() >= maxEntries || bytes + size > maxBytes;
      if (!current.isEmpty() && (b != bucket || full)) {
        out.add(new Batch(bucket, List.copyOf(current)));
        current.clear();
        bytes = 0;
      }
      bucket = b;
      bytes += size;
      current.add(r);
    }
    if (!current.isEmpty()) {
      out.add(new Batch(bucket, List.copyOf(current)));
    }
    return out;
  }
}
