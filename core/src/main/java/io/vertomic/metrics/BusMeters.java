package io.vertomic.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The meters of a remote peer's event-bus round trips to the transactor: one request carries as
 * many transactions as were issued while the previous one was on its way. Thread-safe.
 */
public final class BusMeters {
  private final Timer roundTrips;
  private final Counter failures;

  BusMeters(MeterRegistry registry) {
    roundTrips =
        Timer.builder("vertomic_bus_tx_round_trip_seconds")
            .description("Request to answer of one event-bus message of transactions")
            .publishPercentileHistogram()
            .register(registry);
    failures =
        Counter.builder("vertomic_bus_tx_failures")
            .description("Messages of transactions with no answer (timeout, no transactor)")
            .register(registry);
  }

  /** A message of transactions was answered after {@code nanos}, or failed. */
  public void roundTrip(long nanos, boolean answered) {
    roundTrips.record(nanos, TimeUnit.NANOSECONDS);
    if (!answered) {
      failures.increment();
    }
  }
}
