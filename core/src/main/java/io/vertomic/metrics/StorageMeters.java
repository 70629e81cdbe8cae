package io.vertomic.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertomic.anomaly.Anomalies;
import io.vertomic.anomaly.Category;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one kind of storage ({@code storage} tag, the URI's kind: {@code sql}, {@code dev},
 * {@code cass}, {@code ddb}; mem databases have no storage): latency of reads (segments, roots,
 * keys, the log) and writes (segments, root swaps, log appends, deletes), and the calls that failed
 * for want of storage. A refused compare-and-swap or a log {@code t} that exists is the protocol
 * working (a takeover, a fenced writer), not an error. Thread-safe.
 */
public final class StorageMeters {
  private final Timer reads;
  private final Timer writes;
  private final Counter readErrors;
  private final Counter writeErrors;

  StorageMeters(MeterRegistry registry, String kind) {
    reads = latency(registry, "vertomic_storage_read_seconds", "Storage reads", kind);
    writes = latency(registry, "vertomic_storage_write_seconds", "Storage writes", kind);
    readErrors = errors(registry, kind, "read");
    writeErrors = errors(registry, kind, "write");
  }

  private static Timer latency(MeterRegistry registry, String name, String what, String kind) {
    return Timer.builder(name)
        .description(what + " and how long each took, by storage kind")
        .tag("storage", kind)
        .publishPercentileHistogram()
        .register(registry);
  }

  private static Counter errors(MeterRegistry registry, String kind, String op) {
    return Counter.builder("vertomic_storage_errors")
        .description("Storage calls that failed unavailable or fault, by storage kind and op")
        .tag("storage", kind)
        .tag("op", op)
        .register(registry);
  }

  /** {@code f}, a read, timed. */
  <T> Future<T> read(Future<T> f) {
    return timed(f, reads, readErrors);
  }

  /** {@code f}, a write, timed. */
  <T> Future<T> write(Future<T> f) {
    return timed(f, writes, writeErrors);
  }

  private static <T> Future<T> timed(Future<T> f, Timer timer, Counter errors) {
    long start = System.nanoTime();
    return f.andThen(ar -> recorded(ar, System.nanoTime() - start, timer, errors));
  }

  private static void recorded(AsyncResult<?> ar, long nanos, Timer timer, Counter errors) {
    timer.record(nanos, TimeUnit.NANOSECONDS);
    if (ar.failed()) {
      Category c = Anomalies.from(ar.cause()).category();
      if (c == Category.UNAVAILABLE || c == Category.FAULT) {
        errors.increment();
      }
    }
  }
}
