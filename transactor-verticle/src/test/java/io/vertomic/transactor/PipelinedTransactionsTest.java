package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Connection;
import io.vertomic.peer.LogEntry;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One peer thread pipelining 10,000 transactions through a transactor on PostgreSQL, awaiting none
 * of them until all are sent: the log holds them in the order {@code transact} was called, and each
 * report's databases are those just before and after its transaction; transactions too large to
 * share a message keep that order too. A connection released with transactions still in flight
 * fails each of them at once (its outcome unknown) and loses none it acknowledged.
 */
@Tag("slow") // child JVMs
class PipelinedTransactionsTest extends MultiProcessTest {
  private static final int COUNT = 10_000;

  @Test
  void transactionsOfOneConnectionApplyInTheOrderIssued() throws Exception {
    String uri = seqDatabase("pipeline");
    Connection conn = Peer.connect(uri);
    long from = conn.db().basisT() + 1;
    List<Future<TxReport>> sent = new ArrayList<>(COUNT);
    List<TxReport> reports = new ArrayList<>(COUNT);
    long start = System.nanoTime();
    for (int i = 0; i < COUNT; i++) {
      sent.add(conn.transact("[{:n/seq " + i + "}]"));
    }
    for (Future<TxReport> f : sent) {
      reports.add(await(f));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "pipelined %d transactions in %.2f s: %.0f tx/s%n", COUNT, seconds, COUNT / seconds);
    List<Long> ts = new ArrayList<>(COUNT);
    assertInTheOrderIssued(conn, from, COUNT, ts);
    // the peer applies each group of reports at once: every transaction's db-before and db-after
    // are still its own
    for (int i = 0; i < COUNT; i += i < 50 ? 1 : 97) {
      TxReport r = reports.get(i);
      assertEquals(ts.get(i), r.dbAfter().basisT(), "basis of db-after " + i);
      assertEquals((long) i, seqs(r.dbBefore()), "entities before transaction " + i);
      assertEquals((long) i + 1, seqs(r.dbAfter()), "entities after transaction " + i);
    }
    Peer.deleteDatabase(uri);
  }

  @Test
  void largeTransactionsPipelinedFromOneThreadApplyInTheOrderIssued() throws Exception {
    // each over the 64 KiB a message to the transactor takes: many messages in flight at once
    String uri = seqDatabase("large");
    Connection conn = Peer.connect(uri);
    long from = conn.db().basisT() + 1;
    String pad = "x".repeat(70_000);
    List<Future<TxReport>> sent = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sent.add(conn.transact("[{:n/seq " + i + " :db/doc \"" + i + pad + "\"}]"));
    }
    for (Future<TxReport> f : sent) {
      await(f);
    }
    assertInTheOrderIssued(conn, from, sent.size(), new ArrayList<>());
    Peer.deleteDatabase(uri);
  }

  @Test
  void releasingTheConnectionFailsTheTransactionsInFlightAndLosesNoneAcknowledged()
      throws Exception {
    String uri = seqDatabase("released");
    Connection conn = Peer.connect(uri);
    List<Future<TxReport>> sent = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      sent.add(conn.transact("[{:n/seq " + i + "}]"));
    }
    conn.release();
    Set<Long> acknowledged = new HashSet<>();
    int released = 0;
    for (int i = 0; i < sent.size(); i++) {
      try {
        await(sent.get(i)); // a transaction left waiting would time out here
        acknowledged.add((long) i);
      } catch (ExecutionException e) {
        Anomaly a = assertInstanceOf(Anomaly.class, e.getCause());
        assertEquals(Category.INTERRUPTED, a.category(), a.getMessage());
        assertEquals(Keyword.of("db.error/connection-released"), a.code());
        released++;
      }
    }
    System.out.printf("released with %d of %d transactions unanswered%n", released, sent.size());
    Connection again = Peer.connect(uri);
    assertTrue(again != conn, "a released connection is not handed out again");
    Collection<?> stored =
        (Collection<?>)
            Peer.q(
                "[:find [?v ...] :where [_ :n/seq ?v]]",
                again.sync().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS));
    assertTrue(stored.containsAll(acknowledged), "every acknowledged transaction is stored");
    Peer.deleteDatabase(uri);
  }

  // a new database on sql with the attribute :n/seq, served by a transactor of its own: its uri
  private String seqDatabase(String name) throws Exception {
    String system = Systems.sqlSystem();
    String uri = system.replace("*", name + "-" + UUID.randomUUID().toString().substring(0, 8));
    assertTrue(Peer.createDatabase(uri));
    servedBy(system, name);
    await(
        Peer.connect(uri)
            .transact(
                "[{:db/ident :n/seq :db/valueType :db.type/long"
                    + " :db/cardinality :db.cardinality/one}]"));
    return uri;
  }

  // the log from t from on holds :n/seq 0 ... count - 1 in that order; their ts go into ts
  private static void assertInTheOrderIssued(Connection conn, long from, int count, List<Long> ts) {
    long seqAttr = conn.db().entid(":n/seq");
    List<Long> order = new ArrayList<>(count);
    for (LogEntry e : conn.log().txRange(from, null)) {
      for (Datom d : e.data()) {
        if (d.a() == seqAttr) {
          order.add((Long) d.v());
          ts.add(e.t());
        }
      }
    }
    assertEquals(count, order.size());
    for (int i = 0; i < count; i++) {
      assertEquals(i, order.get(i), "the transaction at position " + i + " of the log");
    }
  }

  private static long seqs(io.vertomic.peer.Database db) {
    Object n = Peer.q("[:find (count ?e) . :where [?e :n/seq]]", db);
    return n == null ? 0 : (Long) n;
  }

  private static TxReport await(Future<TxReport> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
