package io.vertomic.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters of the index jobs this process runs (the transactor's, or an embedded peer's): jobs
 * and their duration, the datoms they moved from novelty into the durable index, the segments they
 * wrote, and the novelty every written database holds now. Thread-safe.
 */
public final class IndexMeters {
  private final Timer jobs;
  private final Counter failures;
  private final Counter datoms;
  private final Counter segments;
  // the novelty of each database this process writes, summed by the gauge
  private final Set<AtomicLong> novelties = ConcurrentHashMap.newKeySet();

  IndexMeters(MeterRegistry registry) {
    jobs =
        Timer.builder("vertomic_index_job_duration_seconds")
            .description("Index jobs that moved the root on, and how long each took")
            .publishPercentileHistogram()
            .register(registry);
    failures =
        Counter.builder("vertomic_index_jobs_failed")
            .description("Index jobs that failed (the next commit or request tries again)")
            .register(registry);
    datoms =
        Counter.builder("vertomic_index_datoms")
            .description("Novelty datoms index jobs moved into the durable index")
            .register(registry);
    segments =
        Counter.builder("vertomic_index_segments_written")
            .description("Segments index jobs wrote to storage")
            .register(registry);
    Gauge.builder("vertomic_novelty_datoms", novelties, IndexMeters::sum)
        .description("Datoms in memory not yet in the durable index, over every written database")
        .register(registry);
  }

  private static double sum(Set<AtomicLong> novelties) {
    long total = 0;
    for (AtomicLong n : novelties) {
      total += n.get();
    }
    return total;
  }

  /** Counts {@code novelty} (a database's novelty datoms) in the gauge until {@link #forget}. */
  public void watch(AtomicLong novelty) {
    novelties.add(novelty);
  }

  /** Stops counting {@code novelty}: its database is closed. */
  public void forget(AtomicLong novelty) {
    novelties.remove(novelty);
  }

  /** An index job wrote {@code segmentCount} segments holding {@code datomCount} new datoms. */
  public void indexed(long nanos, long datomCount, int segmentCount) {
    jobs.record(nanos, TimeUnit.NANOSECONDS);
    datoms.increment(datomCount);
    segments.increment(segmentCount);
  }

  /** An index job failed. */
  public void failed() {
    failures.increment();
  }
}
