package io.vertomic.bench;

import io.vertomic.bench.People.Person;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Loading persons in transactions of {@code batch} persons, each awaited before the next:
 * load-batch (all 20,000 in transactions of 1,000), load-single (2,000 transactions of one) and
 * load-single-edn (the same, each transaction given as EDN text that the engine reads).
 */
record LoadWorkload(String name, int persons, int batch, Engine storage, boolean edn)
    implements Workload<Engine.Session> {
  static LoadWorkload loadBatch() {
    return new LoadWorkload("load-batch", People.COUNT, 1_000, null, false);
  }

  static LoadWorkload loadSingle() {
    return new LoadWorkload("load-single", 2_000, 1, null, false);
  }

  static LoadWorkload loadSingleEdn() {
    return new LoadWorkload("load-single-edn", 2_000, 1, null, true);
  }

  /**
   * The same load with Vertomic on a durable storage ({@code storage}) and Datomic, the reference,
   * still in memory: Datomic's durable storages need its transactor process, which is not on Maven
   * Central.
   */
  LoadWorkload on(String suffix, Engine storage) {
    return new LoadWorkload(name + "-" + suffix, persons, batch, storage, edn);
  }

  /** This load with fewer persons (for tests). */
  LoadWorkload withPersons(int n, int batchSize) {
    return new LoadWorkload(name, n, batchSize, storage, edn);
  }

  @Override
  public Engine.Session setUp(Engine engine, String dbName) {
    return storage != null && engine instanceof VertomicEngine
        ? storage.fresh(dbName)
        : engine.fresh(dbName);
  }

  @Override
  public long run(Engine.Session session) {
    long[] ids = load(session);
    return ids[ids.length - 1];
  }

  /** Loads the persons; returns their entity ids, by person index. */
  long[] load(Engine.Session session) {
    List<Person> all = People.all();
    long[] ids = new long[persons];
    for (int start = 0; start < persons; start += batch) {
      int end = Math.min(persons, start + batch);
      int first = start;
      List<Person> some = all.subList(start, end);
      IntFunction<Long> idOf = i -> i < first ? ids[i] : null;
      long[] created =
          edn ? session.transactPersonsEdn(some, idOf) : session.transactPersons(some, idOf);
      System.arraycopy(created, 0, ids, start, created.length);
    }
    return ids;
  }
}
