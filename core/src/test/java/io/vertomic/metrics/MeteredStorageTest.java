package io.vertomic.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.Storage;
import io.vertomic.storage.mem.MemStorage;
import io.vertx.core.Future;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A metered storage times every read and write under its kind, and counts as errors only the calls
 * that failed for want of storage: a refused compare-and-swap is the protocol at work.
 */
class MeteredStorageTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final EngineMeters meters = new EngineMeters(registry);

  private long timed(String name, String kind) {
    return registry.find(name).tag("storage", kind).timer().count();
  }

  private double errors(String kind, String op) {
    return registry
        .find("vertomic_storage_errors")
        .tags("storage", kind, "op", op)
        .counter()
        .count();
  }

  @Test
  void readsAndWritesAreTimedAndARefusedSwapIsNoError() {
    Storage s = new MeteredStorage(new MemStorage(), meters.storage("dev"));
    s.put("k", new byte[] {1});
    s.get("k");
    s.root("r");
    s.cas("r", 0, new byte[] {2});
    Future<Long> refused = s.cas("r", 0, new byte[] {3});

    assertEquals(Anomaly.class, refused.cause().getClass());
    assertEquals(2, timed("vertomic_storage_read_seconds", "dev"));
    assertEquals(3, timed("vertomic_storage_write_seconds", "dev"));
    assertEquals(0, errors("dev", "write"));

    s.putAll(List.of(Map.entry("a", new byte[] {4}), Map.entry("b", new byte[] {5})));
    assertEquals(
        4, timed("vertomic_storage_write_seconds", "dev"), "segments put together: one call");
  }

  @Test
  void callsThatFindNoStorageAreErrorsOfTheirKindAndOp() {
    Storage down =
        (Storage)
            Proxy.newProxyInstance(
                Storage.class.getClassLoader(),
                new Class<?>[] {Storage.class},
                (proxy, method, args) ->
                    Future.failedFuture(Anomaly.unavailable("storage is down", null)));
    Storage s = new MeteredStorage(down, meters.storage("sql"));
    meters.storage("dev");
    s.get("k");
    s.readLog("db", 0, 10, 10);
    s.appendLog("db", 1, new byte[] {1});

    assertEquals(2, errors("sql", "read"));
    assertEquals(1, errors("sql", "write"));
    assertEquals(0, errors("dev", "read"), "other kinds are apart");
  }
}
