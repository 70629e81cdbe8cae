package io.vertomic.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactorMemoryBenchTest {

  @Test
  void oldGenerationAfterEachGcIsOldPlusHumongousRegionsGroupedByMinute() {
    List<String> log =
        List.of(
            "[0.004s] Heap Region Size: 2M",
            "[30.100s] GC(1) Old regions: 3->10",
            "[30.100s] GC(1) Humongous regions: 0->1",
            "[45.000s] GC(2) Old regions: 10->8",
            "[45.000s] GC(2) Humongous regions: 1->0",
            "[61.500s] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 100M->40M(256M) 4.1ms",
            "[61.500s] GC(3) Old regions: 8->12",
            "[61.500s] GC(3) Humongous regions: 0->0");
    Map<Integer, long[]> perMinute = TransactorMemoryBench.oldAfterGcPerMinute(log);
    assertEquals(2, perMinute.size());
    assertArrayEquals(new long[] {16, 22}, perMinute.get(0));
    assertArrayEquals(new long[] {24, 24}, perMinute.get(1));
  }
}
