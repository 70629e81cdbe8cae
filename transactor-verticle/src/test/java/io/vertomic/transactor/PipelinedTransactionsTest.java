package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.datom.Datom;
import io.vertomic.peer.Connection;
import io.vertomic.peer.LogEntry;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One peer thread pipelining 10,000 transactions through a transactor on PostgreSQL, awaiting none
 * of them until all are sent: the log holds them in the order {@code transact} was called, and each
 * report's databases are those just before and after its transaction.
 */
@Tag("slow") // child JVMs
class PipelinedTransactionsTest extends MultiProcessTest {
  private static final int COUNT = 10_000;

  @Test
  void transactionsOfOneConnectionApplyInTheOrderIssued() throws Exception {
    String system = Systems.sqlSystem();
    String uri = system.replace("*", "pipeline-" + UUID.randomUUID().toString().substring(0, 8));
    assertTrue(Peer.createDatabase(uri));
    servedBy(system, "pipeline");
    Connection conn = Peer.connect(uri);
    await(
        conn.transact(
            "[{:db/ident :n/seq :db/valueType :db.type/long"
                + " :db/cardinality :db.cardinality/one}]"));
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
    long seqAttr = conn.db().entid(":n/seq");
    List<Long> order = new ArrayList<>(COUNT);
    List<Long> ts = new ArrayList<>(COUNT);
    for (LogEntry e : conn.log().txRange(from, null)) {
      for (Datom d : e.data()) {
        if (d.a() == seqAttr) {
          order.add((Long) d.v());
          ts.add(e.t());
        }
      }
    }
    assertEquals(COUNT, order.size());
    for (int i = 0; i < COUNT; i++) {
      assertEquals(i, order.get(i), "the transaction at position " + i + " of the log");
    }
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

  private static long seqs(io.vertomic.peer.Database db) {
    Object n = Peer.q("[:find (count ?e) . :where [?e :n/seq]]", db);
    return n == null ? 0 : (Long) n;
  }

  private static TxReport await(Future<TxReport> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
