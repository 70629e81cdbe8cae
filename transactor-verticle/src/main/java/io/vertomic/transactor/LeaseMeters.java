package io.vertomic.transactor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of this transactor's lease: renewals (one every tenth of the lease time while active),
 * takeovers (becoming the active transactor, the first activation on a storage included) and losses
 * (a renewal that came too late, or met someone else's lease). Thread-safe.
 */
final class LeaseMeters {
  private final Counter renewals;
  private final Counter takeovers;
  private final Counter losses;

  LeaseMeters(MeterRegistry registry) {
    renewals =
        Counter.builder("vertomic_lease_renewals")
            .description("Lease renewals this transactor wrote")
            .register(registry);
    takeovers =
        Counter.builder("vertomic_lease_takeovers")
            .description("Times this transactor took the lease and became active")
            .register(registry);
    losses =
        Counter.builder("vertomic_lease_losses")
            .description("Times this transactor lost the lease and stopped writing")
            .register(registry);
  }

  void renewed() {
    renewals.increment();
  }

  void tookOver() {
    takeovers.increment();
  }

  void lost() {
    losses.increment();
  }
}
