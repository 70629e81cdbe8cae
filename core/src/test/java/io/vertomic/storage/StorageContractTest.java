package io.vertomic.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract of {@link Storage}, run against every backend: each backend's test extends this
 * class and says only how to open its storage. Every test works under a fresh random prefix, so
 * durable backends can keep data between runs.
 */
@ExtendWith(VertxExtension.class)
public abstract class StorageContractTest {
  protected Vertx vertx;
  protected Storage storage;
  protected String ns;

  /** Opens the backend under test; called before each test. */
  protected abstract Future<Storage> open(Vertx vertx);

  /** Whether what was written survives closing and reopening the storage. */
  protected boolean durable() {
    return true;
  }

  @BeforeEach
  void openStorage(Vertx vertx) {
    this.vertx = vertx;
    this.storage = await(open(vertx));
    this.ns = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "/";
  }

  @AfterEach
  void closeStorage() {
    await(storage.close());
  }

  @Test
  void getOfAMissingKeyIsNull() {
    assertNull(await(storage.get(ns + "nothing")));
  }

  @Test
  void putSegmentReadsBackTheSameBytes() {
    await(storage.put(ns + "a", bytes("segment a")));
    assertArrayEquals(bytes("segment a"), await(storage.get(ns + "a")));
  }

  @Test
  void emptyAndLargeSegmentsRoundTrip() {
    byte[] large = new byte[3 * 1024 * 1024];
    new Random(7).nextBytes(large);
    await(storage.put(ns + "empty", new byte[0]));
    await(storage.put(ns + "large", large));
    assertArrayEquals(new byte[0], await(storage.get(ns + "empty")));
    assertArrayEquals(large, await(storage.get(ns + "large")));
  }

  @Test
  void puttingAnExistingKeyAgainIsHarmless() {
    await(storage.put(ns + "a", bytes("v")));
    await(storage.put(ns + "a", bytes("v")));
    assertArrayEquals(bytes("v"), await(storage.get(ns + "a")));
  }

  @Test
  void putAllStoresThousandsOfSegmentsOfEverySizeSomeAlreadyThere() {
    // more segments, and more bytes, than one statement of a batching backend carries
    Random random = new Random(11);
    List<Map.Entry<String, byte[]>> segments = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      byte[] value = new byte[i % 500 == 3 ? 1_500_000 : random.nextInt(3_000)];
      random.nextBytes(value);
      segments.add(Map.entry(ns + String.format("all/%04d", i), value));
    }
    // one segment there already and one twice in the call, as a retried write leaves them
    await(storage.put(segments.get(7).getKey(), segments.get(7).getValue()));
    segments.add(segments.get(42));
    await(storage.putAll(segments));
    assertEquals(2_500, await(storage.keys(ns + "all/")).size());
    for (int i : new int[] {0, 3, 7, 42, 1_503, 2_499}) {
      assertArrayEquals(segments.get(i).getValue(), await(storage.get(segments.get(i).getKey())));
    }
  }

  @Test
  void putAllOfNoSegmentsSucceeds() {
    await(storage.putAll(List.of()));
  }

  @Test
  void keysListsSegmentsUnderAPrefixInOrder() {
    for (String k : List.of("seg/b", "seg/a", "seg/c", "other/x")) {
      await(storage.put(ns + k, bytes(k)));
    }
    assertEquals(
        List.of(ns + "seg/a", ns + "seg/b", ns + "seg/c"), await(storage.keys(ns + "seg/")));
    assertEquals(List.of(), await(storage.keys(ns + "none/")));
  }

  @Test
  void deleteRemovesSegmentsAndIgnoresMissingKeys() {
    await(storage.put(ns + "a", bytes("a")));
    await(storage.put(ns + "b", bytes("b")));
    await(storage.delete(List.of(ns + "a", ns + "missing")));
    assertNull(await(storage.get(ns + "a")));
    assertArrayEquals(bytes("b"), await(storage.get(ns + "b")));
  }

  @Test
  void deletingThousandsOfSegmentsAtOnceRemovesThemAll() {
    // a whole database's segments go in one call (Cassandra's driver once refused most of them)
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      keys.add(ns + "many/" + i);
    }
    await(InGroups.run(keys, 100, k -> storage.put(k, bytes(k))));
    assertEquals(3_000, await(storage.keys(ns + "many/")).size());
    await(storage.delete(keys));
    assertEquals(List.of(), await(storage.keys(ns + "many/")));
  }

  @Test
  void casCreatesARootAtRevisionOneAndSwapsItForward() {
    assertNull(await(storage.root(ns + "r")));
    assertEquals(1L, await(storage.cas(ns + "r", 0, bytes("one"))));
    assertEquals(2L, await(storage.cas(ns + "r", 1, bytes("two"))));
    Root r = await(storage.root(ns + "r"));
    assertEquals(2L, r.revision());
    assertArrayEquals(bytes("two"), r.value());
  }

  @Test
  void casWithAStaleRevisionFailsConflictAndKeepsTheRoot() {
    await(storage.cas(ns + "r", 0, bytes("one")));
    await(storage.cas(ns + "r", 1, bytes("two")));
    Anomaly a = failure(storage.cas(ns + "r", 1, bytes("stale")));
    assertEquals(Category.CONFLICT, a.category());
    assertEquals(Storage.CAS_FAILED, a.code().toString().substring(1));
    assertTrue(a.getMessage().contains(ns + "r"), a.getMessage());
    assertArrayEquals(bytes("two"), await(storage.root(ns + "r")).value());
  }

  @Test
  void casCreatingARootThatExistsFailsConflict() {
    await(storage.cas(ns + "r", 0, bytes("one")));
    assertEquals(Category.CONFLICT, failure(storage.cas(ns + "r", 0, bytes("again"))).category());
  }

  @Test
  void casOfAMissingRootAtARevisionFailsConflict() {
    assertEquals(Category.CONFLICT, failure(storage.cas(ns + "r", 3, bytes("x"))).category());
    assertNull(await(storage.root(ns + "r")));
  }

  @Test
  void casWithNullRemovesTheRoot() {
    await(storage.cas(ns + "r", 0, bytes("one")));
    assertEquals(0L, await(storage.cas(ns + "r", 1, null)));
    assertNull(await(storage.root(ns + "r")));
    assertEquals(1L, await(storage.cas(ns + "r", 0, bytes("again"))));
  }

  @Test
  void rootsListsNamesUnderAPrefixInOrder() {
    await(storage.cas(ns + "db/b", 0, bytes("b")));
    await(storage.cas(ns + "db/a", 0, bytes("a")));
    await(storage.cas(ns + "x", 0, bytes("x")));
    assertEquals(List.of(ns + "db/a", ns + "db/b"), await(storage.roots(ns + "db/")));
  }

  @Test
  void concurrentCasAtOneRevisionHasExactlyOneWinner() {
    await(storage.cas(ns + "r", 0, bytes("start")));
    List<Future<Long>> attempts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      attempts.add(storage.cas(ns + "r", 1, bytes("writer " + i)));
    }
    long wins = attempts.stream().filter(f -> succeeded(f)).count();
    assertEquals(1, wins);
    assertEquals(2L, await(storage.root(ns + "r")).revision());
  }

  @Test
  void logReadsBackInTOrderWithinRangeAndLimit() {
    String db = ns + "db";
    for (long t : new long[] {1003, 1001, 1002, 1005}) {
      await(storage.appendLog(db, t, bytes("tx " + t)));
    }
    List<LogRecord> all = await(storage.readLog(db, 0, Long.MAX_VALUE, 100));
    assertEquals(List.of(1001L, 1002L, 1003L, 1005L), all.stream().map(LogRecord::t).toList());
    assertArrayEquals(bytes("tx 1002"), all.get(1).entry());
    List<LogRecord> some = await(storage.readLog(db, 1002, 1005, 100));
    assertEquals(List.of(1002L, 1003L), some.stream().map(LogRecord::t).toList());
    assertEquals(2, await(storage.readLog(db, 0, Long.MAX_VALUE, 2)).size());
  }

  @Test
  void readingTheLogUpToATWhoseBytesAreHighKeepsEveryEntryBelowIt() {
    // 1302 is 0x0516 and 1411 0x0583: a byte compared as signed would end the range at 1302
    String db = ns + "db";
    for (long t : List.of(1000L, 1302L, 1410L, 1411L, 1412L)) {
      await(storage.appendLog(db, t, bytes("tx " + t)));
    }
    List<LogRecord> some = await(storage.readLog(db, 0, 1411, 100));
    assertEquals(List.of(1000L, 1302L, 1410L), some.stream().map(LogRecord::t).toList());
    assertEquals(
        List.of(1410L, 1411L),
        await(storage.readLog(db, 1303, 1412, 100)).stream().map(LogRecord::t).toList());
  }

  @Test
  void appendingATheLogHasFailsConflictAndKeepsTheFirstEntry() {
    String db = ns + "db";
    await(storage.appendLog(db, 1000, bytes("first")));
    Anomaly a = failure(storage.appendLog(db, 1000, bytes("stale writer")));
    assertEquals(Category.CONFLICT, a.category());
    assertEquals(Storage.LOG_T_EXISTS, a.code().toString().substring(1));
    assertArrayEquals(bytes("first"), await(storage.readLog(db, 1000, 1001, 1)).get(0).entry());
  }

  @Test
  void aGroupOfEntriesIsAppendedInOneCall() {
    String db = ns + "db";
    await(storage.appendLog(db, List.of(record(1001), record(1002), record(1003))));
    List<LogRecord> all = await(storage.readLog(db, 0, Long.MAX_VALUE, 100));
    assertEquals(List.of(1001L, 1002L, 1003L), all.stream().map(LogRecord::t).toList());
    assertArrayEquals(bytes("tx 1003"), all.get(2).entry());
  }

  @Test
  void aGroupMeetingAnExistingTFailsConflictAndLeavesNoEntryAfterIt() {
    String db = ns + "db";
    await(storage.appendLog(db, 1002, bytes("other writer")));
    Anomaly a = failure(storage.appendLog(db, List.of(record(1001), record(1002), record(1003))));
    assertEquals(Category.CONFLICT, a.category());
    List<LogRecord> all = await(storage.readLog(db, 0, Long.MAX_VALUE, 100));
    // a prefix may have landed, never an entry past the one that conflicted
    assertEquals(1002L, all.get(all.size() - 1).t());
    assertArrayEquals(
        bytes("other writer"), await(storage.readLog(db, 1002, 1003, 1)).get(0).entry());
  }

  private static LogRecord record(long t) {
    return new LogRecord(t, bytes("tx " + t));
  }

  @Test
  void concurrentAppendsOfOneTHaveExactlyOneWinner() {
    String db = ns + "db";
    List<Future<Void>> attempts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      attempts.add(storage.appendLog(db, 1000, bytes("writer " + i)));
    }
    assertEquals(1, attempts.stream().filter(f -> succeeded(f)).count());
    assertEquals(1, await(storage.readLog(db, 0, Long.MAX_VALUE, 100)).size());
  }

  @Test
  void logsOfDatabasesAreSeparateAndDeletable() {
    await(storage.appendLog(ns + "a", 1000, bytes("a")));
    await(storage.appendLog(ns + "b", 1000, bytes("b")));
    assertEquals(List.of(), await(storage.readLog(ns + "missing", 0, Long.MAX_VALUE, 10)));
    await(storage.deleteLog(ns + "a"));
    assertEquals(List.of(), await(storage.readLog(ns + "a", 0, Long.MAX_VALUE, 10)));
    assertEquals(1, await(storage.readLog(ns + "b", 0, Long.MAX_VALUE, 10)).size());
  }

  @Test
  void writesSurviveClosingAndReopening() {
    if (!durable()) {
      return;
    }
    await(storage.put(ns + "seg", bytes("s")));
    await(storage.cas(ns + "root", 0, bytes("r")));
    await(storage.appendLog(ns + "db", 1000, bytes("l")));
    await(storage.close());
    storage = await(open(vertx));
    assertArrayEquals(bytes("s"), await(storage.get(ns + "seg")));
    assertEquals(1L, await(storage.root(ns + "root")).revision());
    assertEquals(1, await(storage.readLog(ns + "db", 0, Long.MAX_VALUE, 10)).size());
  }

  @Test
  void aClosedStorageFailsUnavailable() {
    Storage other = await(open(vertx));
    await(other.close());
    assertEquals(Category.UNAVAILABLE, failure(other.get(ns + "a")).category());
  }

  public static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The value of a future, waiting on this (non event-loop) test thread. */
  public static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new RuntimeException(e.getCause());
    } catch (Exception e) {
      throw new AssertionError("storage did not answer", e);
    }
  }

  /** The anomaly a future fails with. */
  protected static Anomaly failure(Future<?> f) {
    return assertThrows(Anomaly.class, () -> await(f));
  }

  private static boolean succeeded(Future<?> f) {
    try {
      await(f);
      return true;
    } catch (Anomaly a) {
      assertEquals(Category.CONFLICT, a.category(), a.getMessage());
      return false;
    }
  }
}
