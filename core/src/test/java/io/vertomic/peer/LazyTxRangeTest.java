package io.vertomic.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.fixtures.KeptMemStorageProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Log.txRange} on a durable storage reads the log a page (512 entries) at a time as the
 * range is consumed, never the whole range up front.
 */
class LazyTxRangeTest {
  private static final int PAGE = 512;

  @AfterEach
  void shutdown() {
    Peer.shutdown();
  }

  @Test
  void txRangeReadsTheStorageOnePageAtATimeAsItIsConsumed() throws Exception {
    String uri = "vertomic:kept://log-" + UUID.randomUUID();
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    await(
        c.transact(
            "[{:db/ident :n/v :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]"));
    List<io.vertx.core.Future<TxReport>> txs = new ArrayList<>();
    for (int i = 0; i < PAGE + 100; i++) {
      txs.add(c.transact("[{:n/v " + i + "}]"));
    }
    for (io.vertx.core.Future<TxReport> f : txs) {
      await(f);
    }
    long before = KeptMemStorageProvider.logReads();
    Iterable<LogEntry> range = c.log().txRange(null, null);
    assertEquals(before, KeptMemStorageProvider.logReads(), "nothing read before iterating");
    Iterator<LogEntry> it = range.iterator();
    it.next();
    assertEquals(before + 1, KeptMemStorageProvider.logReads(), "the first page");
    int seen = 1;
    for (; seen < PAGE; seen++) {
      it.next();
    }
    assertEquals(before + 1, KeptMemStorageProvider.logReads(), "a page serves 512 entries");
    while (it.hasNext()) {
      it.next();
      seen++;
    }
    assertEquals(before + 3, KeptMemStorageProvider.logReads(), "two pages and the empty end");
    assertEquals(c.db().basisT(), lastT(c.log().txRange(null, null)));
    assertEquals(PAGE + 100 + 1 + entriesBeforeTheSchema(c), seen);
  }

  private static long entriesBeforeTheSchema(Connection c) {
    long n = 0;
    for (LogEntry e : c.log().txRange(null, 1000)) {
      n++;
    }
    return n;
  }

  private static long lastT(Iterable<LogEntry> range) {
    long t = -1;
    for (LogEntry e : range) {
      t = e.t();
    }
    return t;
  }

  private static TxReport await(io.vertx.core.Future<TxReport> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
