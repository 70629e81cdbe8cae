package io.vertomic.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.db.DbValue;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A writer whose storage is slower than its submitters holds a bounded number of transactions: past
 * the bound, a transaction is answered {@code busy} at once, and every transaction it did accept is
 * written and acknowledged in the order it arrived.
 */
class WriterFlowControlTest {
  @Test
  void pastItsBoundAWriterAnswersBusyAndLosesNoAcceptedTransaction() {
    HeldSink sink = new HeldSink();
    Writer w = new Writer(DbValue.bootstrap(), new TxProcessor(db -> null), sink, Runnable::run, 5);
    w.transact(
        "[{:db/ident :n/v :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    sink.held.poll().complete();
    List<Future<TxResult>> answers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      answers.add(w.transact("[{:n/v " + i + "}]"));
    }
    long busy =
        answers.stream()
            .filter(f -> f.failed() && ((Anomaly) f.cause()).category() == Category.BUSY)
            .count();
    assertEquals(7, busy);
    assertTrue(answers.get(11).cause().getMessage().contains("5 transactions"));
    Promise<Void> next;
    while ((next = sink.held.poll()) != null) {
      next.complete();
    }
    List<Long> acked = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      assertTrue(answers.get(i).succeeded(), "accepted transaction " + i);
      acked.add(answers.get(i).result().after().basisT());
    }
    assertEquals(acked.stream().sorted().toList(), acked, "acknowledged in arrival order");
    assertEquals(w.db().basisT(), acked.get(4));
    Future<TxResult> again = w.transact("[{:n/v 99}]");
    sink.held.poll().complete();
    assertTrue(again.succeeded(), "accepts again once the queue has drained");
  }
}
