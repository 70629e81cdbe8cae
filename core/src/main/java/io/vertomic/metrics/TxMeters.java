package io.vertomic.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters of the writers of this process (a transactor's, or an embedded peer's): how long a
 * transaction spends in each phase of {@code io.vertomic.tx.Writer}, how many commit or fail, how
 * many the queue refused {@code busy}, how many each log write takes, and how many wait. One
 * instance per registry, shared by every writer. Thread-safe.
 */
public final class TxMeters {
  static final String LATENCY = "vertomic_tx_latency_seconds";

  private final Timer queued;
  private final Timer processing;
  private final Timer logWrite;
  private final Timer acknowledgement;
  private final Counter committed;
  private final Counter failed;
  private final Counter busy;
  private final DistributionSummary groupSize;
  private final AtomicLong waiting = new AtomicLong();

  TxMeters(MeterRegistry registry) {
    queued = phase(registry, "queued");
    processing = phase(registry, "processing");
    logWrite = phase(registry, "log_write");
    acknowledgement = phase(registry, "acknowledgement");
    committed =
        Counter.builder("vertomic_transactions_committed")
            .description("Transactions durable in the log and acknowledged")
            .register(registry);
    failed =
        Counter.builder("vertomic_transactions_failed")
            .description("Transactions answered with an anomaly (busy refusals aside)")
            .register(registry);
    busy =
        Counter.builder("vertomic_tx_busy_answers")
            .description("Transactions refused busy because the writer's queue was full")
            .register(registry);
    groupSize =
        DistributionSummary.builder("vertomic_tx_group_size")
            .description("Transactions per log write (group commit)")
            .publishPercentileHistogram()
            .minimumExpectedValue(1.0)
            .maximumExpectedValue(256.0)
            .register(registry);
    Gauge.builder("vertomic_tx_queue_depth", waiting, AtomicLong::get)
        .description("Transactions taken by a writer and not answered yet")
        .register(registry);
  }

  /** Meters in a registry of their own that nobody reads: for writers nobody measures. */
  public static TxMeters unrecorded() {
    return new TxMeters(new CompositeMeterRegistry());
  }

  private static Timer phase(MeterRegistry registry, String phase) {
    return Timer.builder(LATENCY)
        .description("Time a transaction spends in each phase of the writer")
        .tag("phase", phase)
        .publishPercentileHistogram()
        .register(registry);
  }

  /** A transaction was taken into a queue. */
  public void arrived() {
    waiting.incrementAndGet();
  }

  /** A transaction was refused busy. */
  public void refused() {
    busy.increment();
  }

  /** A transaction started processing {@code nanos} after it arrived. */
  public void queued(long nanos) {
    queued.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A transaction took {@code nanos} to process. */
  public void processed(long nanos) {
    processing.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A group of {@code size} transactions was written to the log in {@code nanos}. */
  public void written(int size, long nanos) {
    groupSize.record(size);
    for (int i = 0; i < size; i++) {
      logWrite.record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /** A transaction was answered {@code nanos} after its group was durable. */
  public void committed(long nanos) {
    acknowledgement.record(nanos, TimeUnit.NANOSECONDS);
    committed.increment();
    waiting.decrementAndGet();
  }

  /** A transaction that had been queued failed. */
  public void failed() {
    failed.increment();
    waiting.decrementAndGet();
  }
}
