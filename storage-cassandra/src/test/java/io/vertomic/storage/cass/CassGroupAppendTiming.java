package io.vertomic.storage.cass;

import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Storage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Times 2,000 log entries written to the real Cassandra node one append at a time, as 100 groups of
 * 20 through the SPI's default (one conditional insert after another), and as 100 groups of 20
 * through the cass batch. Prints the figures, asserts nothing; not part of the build's tests (its
 * name does not end in Test) and off unless asked for:
 *
 * <pre>
 * mvn -o -pl storage-cassandra install -Dtest=CassGroupAppendTiming -Dvertomic.timing=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@ExtendWith(VertxExtension.class)
@EnabledIfSystemProperty(named = "vertomic.timing", matches = "true")
class CassGroupAppendTiming {
  private static final int ENTRIES = 2_000;
  private static final int GROUP = 20;
  private static final int ENTRY_BYTES = 1_000;

  @Test
  void timeSingleAppendsAgainstSequentialGroupsAgainstBatches(Vertx vertx) throws Exception {
    Storage storage = get(CassStorageTest.store(vertx));
    try {
      // warm-up: prepared statements, connections, JIT, Paxos state of the node
      run(storage, "warm-up sequential", 1, CassGroupAppendTiming::sequential);
      run(storage, "warm-up batch", GROUP, Storage::appendLog);
      for (int round = 0; round < 2; round++) {
        run(storage, "single appends", 1, CassGroupAppendTiming::sequential);
        run(
            storage,
            "groups of " + GROUP + ", SPI default",
            GROUP,
            CassGroupAppendTiming::sequential);
        run(storage, "groups of " + GROUP + ", cass batch", GROUP, Storage::appendLog);
      }
    } finally {
      get(storage.close());
    }
  }

  /** The SPI's default group append: one conditional insert after another. */
  private static Future<Void> sequential(Storage storage, String db, List<LogRecord> group) {
    Future<Void> chain = Future.succeededFuture();
    for (LogRecord r : group) {
      chain = chain.compose(v -> storage.appendLog(db, r.t(), r.entry()));
    }
    return chain;
  }

  private interface GroupAppend {
    Future<Void> append(Storage storage, String db, List<LogRecord> group);
  }

  private static void run(Storage storage, String what, int groupSize, GroupAppend append)
      throws Exception {
    String db = "timing" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    long start = System.nanoTime();
    for (long t = 1; t <= ENTRIES; t += groupSize) {
      List<LogRecord> group = new ArrayList<>();
      for (long i = t; i < t + groupSize; i++) {
        group.add(new LogRecord(i, new byte[ENTRY_BYTES]));
      }
      get(append.append(storage, db, group));
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf(
        "%-32s %,d entries of %,d bytes: %,d ms (%.0f entries/s)%n",
        what, ENTRIES, ENTRY_BYTES, ms, ENTRIES * 1000.0 / ms);
    get(storage.deleteLog(db));
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(300, TimeUnit.SECONDS);
  }
}
