package io.vertomic.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs keep the order, stay within both bounds, and an item over the byte bound goes alone. */
class ChunksTest {
  @Test
  void runsStayWithinTheCountAndTheBytesInOrder() {
    List<Integer> sizes = List.of(3, 3, 3, 3, 3, 3, 3);
    assertEquals(
        List.of(List.of(3, 3, 3), List.of(3, 3, 3), List.of(3)),
        Chunks.of(sizes, 3, 100, Integer::longValue));
    assertEquals(
        List.of(List.of(3, 3), List.of(3, 3), List.of(3, 3), List.of(3)),
        Chunks.of(sizes, 100, 7, Integer::longValue));
  }

  @Test
  void anItemOverTheByteBoundGoesAlone() {
    assertEquals(
        List.of(List.of(1), List.of(50), List.of(2, 2), List.of(60)),
        Chunks.of(List.of(1, 50, 2, 2, 60), 10, 10, Integer::longValue));
  }

  @Test
  void noItemsNoRuns() {
    assertEquals(List.of(), Chunks.of(List.<Integer>of(), 10, 10, Integer::longValue));
  }
}
