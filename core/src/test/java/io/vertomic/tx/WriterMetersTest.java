package io.vertomic.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertomic.db.DbValue;
import io.vertomic.metrics.EngineMeters;
import org.junit.jupiter.api.Test;

/**
 * A writer's meters follow its transactions as they happen: what waits is the queue depth, a
 * transaction past the bound is a busy answer, and the transactions one log write takes are one
 * group.
 */
class WriterMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private double value(String name) {
    return registry.find(name).meter().measure().iterator().next().getValue();
  }

  @Test
  void aWriterCountsWhatWaitsWhatItRefusesAndTheGroupsItWrites() {
    HeldSink sink = new HeldSink();
    Writer w =
        new Writer(
            DbValue.bootstrap(),
            new TxProcessor(db -> null),
            sink,
            Runnable::run,
            3,
            new EngineMeters(registry).tx());
    w.transact(
        "[{:db/ident :n/v :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    for (int i = 0; i < 4; i++) {
      w.transact("[{:n/v " + i + "}]");
    }
    assertEquals(3, value("vertomic_tx_queue_depth"), "the schema being written, two behind it");
    assertEquals(2, value("vertomic_tx_busy_answers"));

    sink.held.poll().complete();
    assertEquals(1, value("vertomic_transactions_committed"));
    sink.held.poll().complete();
    assertEquals(3, value("vertomic_transactions_committed"));
    assertEquals(0, value("vertomic_tx_queue_depth"));
    assertEquals(2, registry.find("vertomic_tx_group_size").summary().count());
    assertEquals(3, registry.find("vertomic_tx_group_size").summary().totalAmount());
  }
}
