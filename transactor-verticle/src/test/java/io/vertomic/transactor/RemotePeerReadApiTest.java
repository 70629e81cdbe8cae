package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.datom.EntityId;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The read APIs on a peer of a transactor system (this JVM, the transactor a child on the dev
 * storage): one tx-report queue per connection, and the durable log inside queries.
 */
@Tag("slow") // child JVMs
class RemotePeerReadApiTest extends MultiProcessTest {
  private static TxReport await(Future<TxReport> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static TxReport take(BlockingQueue<TxReport> q) throws InterruptedException {
    TxReport r = q.poll(60, TimeUnit.SECONDS);
    assertTrue(r != null, "a report within 60 s");
    return r;
  }

  @Test
  void aPeerKeepsOneTxReportQueuePerConnectionAndQueriesTheDurableLog() throws Exception {
    String system = Systems.devSystem();
    String uri = system.replace("*", "read-api-" + UUID.randomUUID().toString().substring(0, 8));
    assertTrue(Peer.createDatabase(uri));
    servedBy(system, "read-api");
    Connection conn = Peer.connect(uri);
    assertEquals("RemoteConnection", conn.getClass().getSimpleName());

    BlockingQueue<TxReport> q = conn.txReportQueue();
    assertSame(q, conn.txReportQueue(), "the same queue on each call");
    assertSame(q, Peer.connect(uri).txReportQueue(), "and through the cached connection");
    TxReport schema =
        await(
            conn.transact(
                "[{:db/ident :n/v :db/valueType :db.type/long"
                    + " :db/cardinality :db.cardinality/one}]"));
    assertEquals(schema.dbAfter().basisT(), take(q).dbAfter().basisT());

    conn.removeTxReportQueue();
    BlockingQueue<TxReport> fresh = conn.txReportQueue();
    assertNotSame(q, fresh);
    TxReport one = await(conn.transact("[{:n/v 1}]"));
    assertEquals(one.dbAfter().basisT(), take(fresh).dbAfter().basisT());
    assertTrue(q.isEmpty(), "the removed queue was filled no more (reports fill all at once)");

    Object txs =
        Peer.q(
            "[:find [?tx ...] :in $ ?log ?t :where [(tx-ids ?log ?t nil) [?tx ...]]]",
            conn.db(),
            conn.log(),
            schema.dbAfter().basisT());
    assertEquals(
        List.of(EntityId.tToTx(schema.dbAfter().basisT()), EntityId.tToTx(one.dbAfter().basisT())),
        ((List<?>) txs).stream().sorted().toList());
  }

  @Test
  void aCallbackThatThrowsOnOneAnswerLeavesTheOtherAnswersAndTheConnectionWorking()
      throws Exception {
    String system = Systems.devSystem();
    String uri = system.replace("*", "callbacks-" + UUID.randomUUID().toString().substring(0, 8));
    assertTrue(Peer.createDatabase(uri));
    servedBy(system, "callbacks");
    Connection conn = Peer.connect(uri);
    await(
        conn.transact(
            "[{:db/ident :n/v :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]"));

    // sent together, so answered in one message: the refused one first
    Future<TxReport> refused = conn.transact("[{:n/v \"not a long\"}]");
    refused.onFailure(
        e -> {
          throw new IllegalStateException("a caller's callback that throws");
        });
    List<Future<TxReport>> others = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      others.add(conn.transact("[{:n/v " + i + "}]"));
    }
    for (Future<TxReport> f : others) {
      assertTrue(await(f).dbAfter().basisT() > 0, "answered despite the callback");
    }
    assertTrue(refused.failed(), "the refused one failed");
    assertTrue(await(conn.transact("[{:n/v 9}]")).dbAfter().basisT() > 0, "and later ones too");
  }
}
