package io.vertomic.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark compares like with like: the load workloads, scaled down, leave the same number of
 * persons and of references in Vertomic and in Datomic.
 */
class BothEnginesDoTheSameWorkTest {
  private static final List<Engine> ENGINES = List.of(new VertomicEngine(), new DatomicEngine());

  @AfterAll
  static void shutDownDatomic() {
    datomic.Peer.shutdown(false);
  }

  @Test
  void batchLoadLeavesTheSamePersonsInBothEngines() {
    assertSamePersons(new LoadWorkload("load-batch-small", 300, 100), 300);
  }

  @Test
  void singleLoadLeavesTheSamePersonsInBothEngines() {
    assertSamePersons(new LoadWorkload("load-single-small", 40, 1), 40);
  }

  private static void assertSamePersons(Workload w, long expected) {
    for (Engine engine : ENGINES) {
      try (Engine.Session s = w.setUp(engine, "smoke-" + w.name())) {
        w.run(s);
        assertEquals(expected, s.countPersons(), engine.name() + " persons");
      }
    }
  }
}
