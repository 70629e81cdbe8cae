package io.vertomic.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract of a {@link SegmentCache}, run against each kind. */
@ExtendWith(VertxExtension.class)
public abstract class CacheContractTest {
  protected Vertx vertx;
  protected SegmentCache cache;
  protected String ns;

  protected abstract SegmentCache open(Vertx vertx);

  @BeforeEach
  void openCache(Vertx vertx) {
    this.vertx = vertx;
    this.cache = open(vertx);
    this.ns = "c" + UUID.randomUUID() + "/";
  }

  @AfterEach
  void closeCache() {
    await(cache.close());
  }

  @Test
  void aMissIsNull() {
    assertNull(await(cache.get(ns + "nothing")));
  }

  @Test
  void aPutIsReadBack() {
    await(cache.put(ns + "a", bytes("segment a")));
    assertArrayEquals(bytes("segment a"), eventually(ns + "a"));
  }

  @Test
  void largeValuesRoundTripAndTooLargeOnesAreSkipped() {
    byte[] large = new byte[500 * 1024];
    new Random(3).nextBytes(large);
    await(cache.put(ns + "large", large));
    assertArrayEquals(large, eventually(ns + "large"));
    await(cache.put(ns + "huge", new byte[2 * 1024 * 1024]));
  }

  @Test
  void manyKeysAndConcurrentGetsAnswerEach() {
    for (int i = 0; i < 200; i++) {
      await(cache.put(ns + i, bytes("v" + i)));
    }
    eventually(ns + 199);
    List<Future<byte[]>> gets = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      gets.add(cache.get(ns + i));
    }
    for (int i = 0; i < 200; i++) {
      assertArrayEquals(bytes("v" + i), await(gets.get(i)));
    }
  }

  /** The value of {@code key} once the cache has it: puts may be fire-and-forget. */
  protected byte[] eventually(String key) {
    for (int i = 0; i < 100; i++) {
      byte[] v = await(cache.get(key));
      if (v != null) {
        return v;
      }
    }
    throw new AssertionError("never cached: " + key);
  }

  protected static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  protected static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
