package io.vertomic.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark compares like with like: the load workloads, scaled down, leave the same number of
 * persons and of references in Vertomic and in Datomic.
 */
@Tag("slow") // PostgreSQL and Datomic's peer
class BothEnginesDoTheSameWorkTest {
  private static final List<Engine> ENGINES = List.of(new VertomicEngine(), new DatomicEngine());
  private static final DatomicLocalEngine DATOMIC_LOCAL = new DatomicLocalEngine();

  @AfterAll
  static void shutDownDatomic() {
    DATOMIC_LOCAL.deleteStorage();
    datomic.Peer.shutdown(false);
  }

  @Test
  void batchLoadLeavesTheSamePersonsInBothEngines() {
    assertSamePersons(new LoadWorkload("load-batch-small", 300, 100, false), 300);
  }

  @Test
  void aLoadOnSqlStorageLeavesTheSamePersonsAsDatomicOnDisk() {
    assertSamePersons(
        LoadWorkload.loadSingle()
            .on(
                "sql",
                new VertomicEngine(
                    "vertomic-sql", "vertomic:sql://%s?postgresql://postgres@127.0.0.1:5432/test"),
                DATOMIC_LOCAL)
            .withPersons(300, 100),
        300);
  }

  @Test
  void singleLoadLeavesTheSamePersonsInBothEngines() {
    assertSamePersons(new LoadWorkload("load-single-small", 40, 1, false), 40);
  }

  @Test
  void aLoadGivenAsEdnTextLeavesTheSamePersonsInBothEngines() {
    assertSamePersons(LoadWorkload.loadSingleEdn().withPersons(40, 1), 40);
  }

  @Test
  void queriesGiveResultsOfTheSameSizeInBothEngines() {
    LoadWorkload load = new LoadWorkload("load-for-queries", 2_000, 500, false);
    try (Engine.Session v = load.setUp(ENGINES.get(0), "smoke-q");
        Engine.Session d = load.setUp(ENGINES.get(1), "smoke-q")) {
      load.run(v);
      load.run(d);
      for (QueryWorkload w : QueryWorkload.all()) {
        if (!w.name().equals("pull")) {
          assertEquals(w.op().applyAsLong(d), w.op().applyAsLong(v), w.name());
        }
      }
    }
  }

  private static void assertSamePersons(Workload<Engine.Session> w, long expected) {
    for (Engine engine : ENGINES) {
      try (Engine.Session s = w.setUp(engine, "smoke-" + w.name())) {
        w.run(s);
        assertEquals(expected, s.countPersons(), engine.name() + " persons");
      }
    }
  }
}
