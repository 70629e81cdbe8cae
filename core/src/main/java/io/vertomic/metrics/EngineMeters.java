package io.vertomic.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every meter of the peer library, registered in one registry: the process's catalog makes one per
 * registry it is configured with and hands each subsystem its part. Thread-safe.
 */
public final class EngineMeters {
  private final MeterRegistry registry;
  private final TxMeters tx;
  private final IndexMeters index;
  private final QueryMeters query;
  private final BusMeters bus;
  private final CacheMeters cache;
  private final ConcurrentHashMap<String, StorageMeters> storages = new ConcurrentHashMap<>();

  public EngineMeters(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.tx = new TxMeters(registry);
    this.index = new IndexMeters(registry);
    this.query = new QueryMeters(registry);
    this.bus = new BusMeters(registry);
    this.cache = new CacheMeters(registry);
  }

  /** The registry every meter is in. */
  public MeterRegistry registry() {
    return registry;
  }

  public TxMeters tx() {
    return tx;
  }

  public IndexMeters index() {
    return index;
  }

  public QueryMeters query() {
    return query;
  }

  public BusMeters bus() {
    return bus;
  }

  public CacheMeters cache() {
    return cache;
  }

  /** The meters of storage kind {@code kind} (the URI's: {@code sql}, {@code dev}, ...). */
  public StorageMeters storage(String kind) {
    return storages.computeIfAbsent(kind, k -> new StorageMeters(registry, k));
  }
}
