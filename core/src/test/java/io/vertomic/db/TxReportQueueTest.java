package io.vertomic.db;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Category;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.People;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code txReportQueue}: the reports of every later transaction on the database, from any caller,
 * in {@code t} order, until {@code removeTxReportQueue}.
 */
class TxReportQueueTest {
  private String uri;
  private Connection conn;

  @BeforeEach
  void freshDatabase() {
    uri = "vertomic:mem://queue-" + UUID.randomUUID();
    Peer.createDatabase(uri);
    conn = Peer.connect(uri);
    tx(conn, People.SCHEMA);
  }

  @AfterEach
  void deleteIt() {
    Peer.deleteDatabase(uri);
  }

  private static TxReport take(BlockingQueue<TxReport> q) throws InterruptedException {
    TxReport r = q.poll(5, TimeUnit.SECONDS);
    assertNotNull(r, "a report within 5s");
    return r;
  }

  @Test
  void theQueueReceivesLaterTransactionsOnly() throws InterruptedException {
    tx(conn, "[{:person/email \"before@x\"}]");
    BlockingQueue<TxReport> q = conn.txReportQueue();
    assertTrue(q.isEmpty());
    TxReport r = tx(conn, "[{:db/id \"ivan\" :person/email \"ivan@x\"}]");
    TxReport got = take(q);
    assertEquals(r.txData(), got.txData());
    assertEquals(r.tempids(), got.tempids());
    assertEquals(r.dbAfter().basisT(), got.dbAfter().basisT());
    assertEquals(r.dbBefore().basisT(), got.dbBefore().basisT());
    assertEquals("ivan@x", Facts.value(got.dbAfter(), Facts.id(got, "ivan"), ":person/email"));
    assertTrue(q.isEmpty());
  }

  @Test
  void everyCallGivesTheSameQueue() {
    assertSame(conn.txReportQueue(), conn.txReportQueue());
    assertSame(conn.txReportQueue(), Peer.connect(uri).txReportQueue());
  }

  @Test
  void reportsFromEveryCallerArriveInTOrder() throws Exception {
    BlockingQueue<TxReport> q = conn.txReportQueue();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int writer = w;
        done.add(
            pool.submit(
                () -> {
                  Connection mine = Peer.connect(uri);
                  for (int i = 0; i < 25; i++) {
                    tx(mine, "[{:person/name \"w" + writer + "-" + i + "\"}]");
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long previous = -1;
    for (int i = 0; i < 100; i++) {
      TxReport r = take(q);
      if (previous >= 0) {
        assertEquals(previous, r.dbBefore().basisT(), "each report follows the one before");
      }
      assertTrue(r.dbAfter().basisT() > r.dbBefore().basisT());
      previous = r.dbAfter().basisT();
    }
    assertEquals(conn.db().basisT(), previous);
    assertTrue(q.isEmpty());
  }

  @Test
  void rejectedTransactionsAndWithAreNotReported() throws InterruptedException {
    BlockingQueue<TxReport> q = conn.txReportQueue();
    tx(conn, "[{:person/email \"ivan@x\" :person/ssn \"1\"}]");
    take(q);
    TestDb.assertRejected(
        conn, "[{:person/email \"oleg@x\" :person/ssn \"1\"}]", Category.CONFLICT);
    conn.db().with("[{:person/email \"petr@x\"}]");
    assertNull(q.poll(100, TimeUnit.MILLISECONDS));
  }

  @Test
  void removeStopsTheQueue() throws InterruptedException {
    BlockingQueue<TxReport> q = conn.txReportQueue();
    tx(conn, "[{:person/email \"ivan@x\"}]");
    take(q);
    conn.removeTxReportQueue();
    tx(conn, "[{:person/email \"oleg@x\"}]");
    assertNull(q.poll(100, TimeUnit.MILLISECONDS));
    BlockingQueue<TxReport> fresh = conn.txReportQueue();
    assertNotSame(q, fresh);
    TxReport petr = tx(conn, "[{:person/email \"petr@x\"}]");
    assertEquals(petr.dbAfter().basisT(), take(fresh).dbAfter().basisT());
    assertTrue(q.isEmpty());
  }
}
