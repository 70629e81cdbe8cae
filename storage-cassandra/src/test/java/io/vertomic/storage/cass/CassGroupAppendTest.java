package io.vertomic.storage.cass;

import static io.vertomic.storage.StorageContractTest.await;
import static io.vertomic.storage.StorageContractTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Storage;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A group of log entries (the writer's group commit) on the real Cassandra node: one conditional
 * batch per log partition, all or none within a partition. The storage contract's group tests run
 * in {@link CassStorageTest}; these are what only the cass backend promises beyond them.
 */
@ExtendWith(VertxExtension.class)
@Tag("slow") // Cassandra
class CassGroupAppendTest {
  private Storage storage;
  private String db;

  @BeforeEach
  void open(Vertx vertx) {
    storage = await(CassStorageTest.store(vertx));
    db = "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @AfterEach
  void close() {
    await(storage.close());
  }

  @Test
  void aGroupOfFiftyEntriesReadsBackInOrderWithItsBytes() {
    List<LogRecord> group = group(1001, 1051);
    await(storage.appendLog(db, group));
    List<LogRecord> all = await(storage.readLog(db, 0, Long.MAX_VALUE, 100));
    assertEquals(ts(group), ts(all));
    for (int i = 0; i < group.size(); i++) {
      assertArrayEquals(group.get(i).entry(), all.get(i).entry(), "t " + group.get(i).t());
    }
  }

  @Test
  void aGroupMeetingAnExistingTInTheMiddleWritesNoneOfItsEntries() {
    await(storage.appendLog(db, 1025, bytes("other writer")));
    Anomaly a = assertThrows(Anomaly.class, () -> await(storage.appendLog(db, group(1001, 1051))));
    assertEquals(Category.CONFLICT, a.category());
    assertEquals(Storage.LOG_T_EXISTS, a.code().toString().substring(1));
    assertTrue(a.getMessage().contains("already has an entry for t 1025"), a.getMessage());
    List<LogRecord> all = await(storage.readLog(db, 0, Long.MAX_VALUE, 100));
    assertEquals(List.of(1025L), ts(all));
    assertArrayEquals(bytes("other writer"), all.get(0).entry());
  }

  @Test
  void aGroupCrossingABucketBoundaryIsAllThereAndReadAcrossIt() {
    List<LogRecord> group = group(65_526, 65_546);
    await(storage.appendLog(db, group));
    assertEquals(ts(group), ts(await(storage.readLog(db, 0, Long.MAX_VALUE, 100))));
    List<LogRecord> across = await(storage.readLog(db, 65_534, 65_538, 100));
    assertEquals(List.of(65_534L, 65_535L, 65_536L, 65_537L), ts(across));
    assertArrayEquals(bytes("tx 65536"), across.get(2).entry());
    // a later group in the second bucket alone finds it listed already
    await(storage.appendLog(db, group(65_546, 65_550)));
    assertEquals(24, await(storage.readLog(db, 65_000, 70_000, 100)).size());
  }

  @Test
  void aGroupCrossingABucketBoundaryThatConflictsPastItKeepsOnlyTheFirstBucket() {
    // the one case that is not all or none: one batch per bucket, written in t order
    await(storage.appendLog(db, 65_538, bytes("other writer")));
    Anomaly a =
        assertThrows(Anomaly.class, () -> await(storage.appendLog(db, group(65_530, 65_542))));
    assertEquals(Category.CONFLICT, a.category());
    assertTrue(a.getMessage().contains("t 65538"), a.getMessage());
    assertEquals(
        List.of(65_530L, 65_531L, 65_532L, 65_533L, 65_534L, 65_535L, 65_538L),
        ts(await(storage.readLog(db, 0, Long.MAX_VALUE, 100))));
  }

  @Test
  void aGroupLargerThanOneBatchIsWrittenWhole() {
    List<LogRecord> group = new ArrayList<>();
    for (long t = 1; t <= 6; t++) {
      byte[] entry = new byte[300_000];
      java.util.Arrays.fill(entry, (byte) t);
      group.add(new LogRecord(t, entry));
    }
    await(storage.appendLog(db, group));
    List<LogRecord> all = await(storage.readLog(db, 0, Long.MAX_VALUE, 100));
    assertEquals(ts(group), ts(all));
    for (int i = 0; i < group.size(); i++) {
      assertArrayEquals(group.get(i).entry(), all.get(i).entry(), "t " + group.get(i).t());
    }
  }

  private static List<LogRecord> group(long fromT, long untilT) {
    return LongStream.range(fromT, untilT)
        .mapToObj(t -> new LogRecord(t, bytes("tx " + t)))
        .toList();
  }

  private static List<Long> ts(List<LogRecord> records) {
    return records.stream().map(LogRecord::t).toList();
  }
}
