package io.vertomic.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.db.DbValue;
import io.vertomic.edn.Keyword;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transactions that arrive while a log write is in flight go into the next write, are acknowledged
 * only when it is durable, and a failed write fails its group without losing the transactions that
 * were processed on top of it.
 */
class WriterGroupCommitTest {
  private static final String SCHEMA =
      "[{:db/ident :n/v :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]";

  private static Writer writer(HeldSink sink) {
    Writer w =
        new Writer(DbValue.bootstrap(), new TxProcessor(db -> null), sink, Runnable::run, 1000);
    w.transact(SCHEMA);
    sink.held.poll().complete();
    sink.groups.clear();
    return w;
  }

  @Test
  void transactionsArrivingDuringAWriteGoIntoTheNextWriteTogether() {
    HeldSink sink = new HeldSink();
    Writer w = writer(sink);
    List<Future<TxResult>> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(w.transact("[{:n/v " + i + "}]"));
    }
    assertEquals(List.of(1), sink.groups, "one write in flight; nine processed and waiting");
    assertFalse(answers.get(1).isComplete(), "nothing acknowledged before it is durable");
    sink.held.poll().complete();
    assertTrue(answers.get(0).succeeded());
    assertFalse(answers.get(1).isComplete());
    assertEquals(List.of(1, 9), sink.groups);
    sink.held.poll().complete();
    long previous = 0;
    for (Future<TxResult> a : answers) {
      assertTrue(a.succeeded());
      assertTrue(a.result().after().basisT() > previous, "acknowledged in arrival order");
      previous = a.result().after().basisT();
    }
    assertEquals(previous, w.db().basisT());
  }

  @Test
  void aFailedWriteFailsItsGroupAndTheTransactionsBehindItAreStillApplied() {
    HeldSink sink = new HeldSink();
    Writer w = writer(sink);
    long before = w.db().basisT();
    Future<TxResult> first = w.transact("[{:n/v 1}]");
    Future<TxResult> second = w.transact("[{:n/v 2}]");
    Future<TxResult> third = w.transact("[{:n/v 3}]");
    sink.held.poll().fail(Anomaly.unavailable("storage went away", null));
    assertEquals(Category.UNAVAILABLE, ((Anomaly) first.cause()).category());
    assertEquals(before, w.db().basisT(), "the failed transaction changed nothing");
    Promise<Void> next;
    while ((next = sink.held.poll()) != null) {
      next.complete();
    }
    assertTrue(second.succeeded() && third.succeeded());
    assertEquals(third.result().after().basisT(), w.db().basisT());
    Iterator<Datom> values =
        w.db().datoms(IndexOrder.AEVT, new Object[] {w.db().schema().entid(Keyword.of("n/v"))});
    int count = 0;
    for (; values.hasNext(); values.next()) {
      count++;
    }
    assertEquals(2, count, "the values of the second and third transactions, once each");
  }

  @Test
  void aTransactionStillWaitingPastItsDeadlineIsNeverApplied() {
    HeldSink sink = new HeldSink();
    Writer w = writer(sink);
    long t = w.db().basisT();
    Future<TxResult> late = w.transact("[{:n/v 1}]", System.nanoTime() - 1);
    assertEquals(Category.INTERRUPTED, ((Anomaly) late.cause()).category());
    assertEquals(t, w.db().basisT());
    assertTrue(sink.held.isEmpty(), "nothing was written");
  }
}
