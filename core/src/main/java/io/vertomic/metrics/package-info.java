/**
 * The peer library's meters, one class per subsystem ({@link TxMeters}, {@link IndexMeters}, {@link
 * StorageMeters}, {@link CacheMeters}, {@link QueryMeters}, {@link BusMeters}), all registered once
 * in the registry {@code PeerOptions.setMeterRegistry} names and gathered in {@link EngineMeters}.
 * Names follow Prometheus's conventions ({@code vertomic_} prefix, base units, counters end in
 * {@code _total} once exported); {@code docs/operations.md} says what each means. Meters are
 * created when their subsystem is, so the hot paths only record. Internal; may use Micrometer, the
 * storage SPI and Vert.x core's futures.
 */
package io.vertomic.metrics;
