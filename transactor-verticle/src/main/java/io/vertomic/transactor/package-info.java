/**
 * The transactor process: {@link io.vertomic.transactor.TransactorVerticle} started by the Vert.x
 * launcher ({@link io.vertomic.transactor.TransactorMain}), its configuration ({@link
 * io.vertomic.transactor.TransactorOptions}) and the lease that makes one transactor active and the
 * others standbys ({@link io.vertomic.transactor.LeaseKeeper}, measured by {@link
 * io.vertomic.transactor.LeaseMeters}), and the operators' port that serves {@code /health} and
 * {@code /metrics} ({@link io.vertomic.transactor.MetricsServer}). The writing itself is core's.
 */
package io.vertomic.transactor;
