package io.vertomic.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InGroupsTest {
  private static final List<Integer> HUNDRED = IntStream.range(0, 100).boxed().toList();

  @Test
  void keepsAtMostSizeInFlightAndStartsTheNextAsOneEnds() {
    List<Promise<Void>> pending = new ArrayList<>();
    List<Integer> started = new ArrayList<>();
    Future<Void> all =
        InGroups.run(
            HUNDRED,
            4,
            i -> {
              started.add(i);
              Promise<Void> p = Promise.promise();
              pending.add(p);
              return p.future();
            });
    assertEquals(List.of(0, 1, 2, 3), started);
    pending.get(2).complete();
    assertEquals(List.of(0, 1, 2, 3, 4), started, "one ended, one more started");
    for (int i = 0; i < pending.size(); i++) {
      pending.get(i).tryComplete();
    }
    assertEquals(HUNDRED, started);
    assertTrue(all.succeeded());
  }

  @Test
  void failsAtTheFirstFailureAndStartsNoMore() {
    List<Promise<Void>> pending = new ArrayList<>();
    Future<Void> all =
        InGroups.run(
            HUNDRED,
            4,
            i -> {
              Promise<Void> p = Promise.promise();
              pending.add(p);
              return p.future();
            });
    IllegalStateException boom = new IllegalStateException("boom");
    pending.get(1).fail(boom);
    assertSame(boom, all.cause());
    pending.get(0).complete();
    assertEquals(4, pending.size(), "nothing started after the failure");
  }

  @Test
  void operationsThatCompleteAtOnceRunInALoopNotARecursion() {
    List<Integer> many = IntStream.range(0, 200_000).boxed().toList();
    int[] count = {0};
    Future<Void> all =
        InGroups.run(
            many,
            2,
            i -> {
              count[0]++;
              return Future.succeededFuture();
            });
    assertTrue(all.succeeded());
    assertEquals(200_000, count[0]);
  }

  @Test
  void anOperationThatThrowsFailsTheRun() {
    IllegalArgumentException bad = new IllegalArgumentException("bad element");
    Future<Void> all =
        InGroups.run(
            HUNDRED,
            3,
            i -> {
              throw bad;
            });
    assertSame(bad, all.cause());
  }

  @Test
  void nothingToRunSucceeds() {
    assertTrue(InGroups.run(List.<Integer>of(), 4, i -> Future.failedFuture("never")).succeeded());
  }
}
