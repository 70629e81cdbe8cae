package io.vertomic.storage.cass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.storage.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How a group of log entries is cut into conditional batches (pure, no Cassandra). */
@Tag("slow") // Cassandra
class CassLogBatchesTest {
  @Test
  void aGroupInOneBucketUnderTheBudgetIsOneBatch() {
    List<CassLogBatches.Batch> batches = CassLogBatches.of(group(1000, 256, 2_000));
    assertEquals(1, batches.size());
    assertEquals(0L, batches.get(0).bucket());
    assertEquals(256, batches.get(0).entries().size());
  }

  @Test
  void aGroupCrossingABucketBoundaryIsCutThereInTOrder() {
    List<CassLogBatches.Batch> batches = CassLogBatches.of(group(65_530, 12, 10));
    assertEquals(List.of(0L, 1L), batches.stream().map(CassLogBatches.Batch::bucket).toList());
    assertEquals(range(65_530, 65_536), ts(batches.get(0)));
    assertEquals(range(65_536, 65_542), ts(batches.get(1)));
  }

  @Test
  void aGroupPastTheByteBudgetIsCutIntoBatchesThatEachFitIt() {
    // 5 entries of 400 KB: two fit in 1 MiB with their keys, a third does not
    List<CassLogBatches.Batch> batches = CassLogBatches.of(group(1, 5, 400_000));
    assertEquals(List.of(2, 2, 1), batches.stream().map(b -> b.entries().size()).toList());
    assertEquals(
        List.of(1L, 2L, 3L, 4L, 5L), batches.stream().flatMap(b -> ts(b).stream()).toList());
  }

  @Test
  void anEntryLargerThanTheBudgetIsABatchAlone() {
    List<LogRecord> group = new ArrayList<>(group(1, 2, 10));
    group.add(1, new LogRecord(2, new byte[CassLogBatches.MAX_BYTES + 1]));
    group.set(2, new LogRecord(3, new byte[10]));
    List<CassLogBatches.Batch> batches = CassLogBatches.of(group);
    assertEquals(List.of(1, 1, 1), batches.stream().map(b -> b.entries().size()).toList());
  }

  @Test
  void aGroupPastTheStatementBudgetIsCutEveryMaxEntries() {
    List<CassLogBatches.Batch> batches = CassLogBatches.of(group(1, 2_500, 1));
    assertEquals(
        List.of(CassLogBatches.MAX_ENTRIES, CassLogBatches.MAX_ENTRIES, 452),
        batches.stream().map(b -> b.entries().size()).toList());
  }

  private static List<LogRecord> group(long fromT, int n, int entryBytes) {
    List<LogRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new LogRecord(fromT + i, new byte[entryBytes]));
    }
    return out;
  }

  private static List<Long> range(long from, long until) {
    return LongStream.range(from, until).boxed().toList();
  }

  private static List<Long> ts(CassLogBatches.Batch b) {
    return b.entries().stream().map(LogRecord::t).toList();
  }
}
