package io.vertomic.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The meters of the Datalog queries run in this process ({@code Peer.q}, {@code Peer.query}, {@code
 * Peer.qseq}): how long each took and how many rows it found. A {@code qseq} is timed until its
 * rows are found; the pulls it runs as they are consumed are the consumer's time, not counted.
 * Thread-safe.
 */
public final class QueryMeters {
  private final Timer latency;
  private final DistributionSummary rows;

  QueryMeters(MeterRegistry registry) {
    latency =
        Timer.builder("vertomic_query_latency_seconds")
            .description("Time to run a query to its full result (failed ones too)")
            .publishPercentileHistogram()
            .register(registry);
    rows =
        DistributionSummary.builder("vertomic_query_rows")
            .description("Rows (or elements) in a query's result")
            .publishPercentileHistogram()
            .register(registry);
  }

  /** A query ran for {@code nanos} and found {@code rowCount} rows (-1: it failed). */
  public void ran(long nanos, long rowCount) {
    latency.record(nanos, TimeUnit.NANOSECONDS);
    if (rowCount >= 0) {
      rows.record(rowCount);
    }
  }
}
