package io.vertomic.bench;

import io.vertomic.bench.People.Person;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Loading persons in transactions of {@code batch} persons, each awaited before the next:
 * load-batch (all 20,000 in transactions of 1,000), load-single (2,000 transactions of one) and
 * load-single-edn (the same, each transaction given as EDN text that the engine reads).
 */
record LoadWorkload(
    String name, int persons, int batch, Engine storage, Engine durableReference, boolean edn)
    implements Workload<Engine.Session> {
  LoadWorkload(String name, int persons, int batch, boolean edn) {
    this(name, persons, batch, null, null, edn);
  }

  static LoadWorkload loadBatch() {
    return new LoadWorkload("load-batch", People.COUNT, 1_000, false);
  }

  static LoadWorkload loadSingle() {
    return new LoadWorkload("load-single", 2_000, 1, false);
  }

  static LoadWorkload loadSingleEdn() {
    return new LoadWorkload("load-single-edn", 2_000, 1, true);
  }

  /**
   * The same load with Vertomic on a durable storage ({@code storage}) and Datomic on disk too
   * ({@code durableReference}, Datomic Local): both answer each transaction once it is durable.
   */
  LoadWorkload on(String suffix, Engine storage, Engine durableReference) {
    return new LoadWorkload(name + "-" + suffix, persons, batch, storage, durableReference, edn);
  }

  /** This load with fewer persons (for tests). */
  LoadWorkload withPersons(int n, int batchSize) {
    return new LoadWorkload(name, n, batchSize, storage, durableReference, edn);
  }

  @Override
  public Engine.Session setUp(Engine engine, String dbName) {
    if (storage == null) {
      return engine.fresh(dbName);
    }
    return engine instanceof VertomicEngine
        ? storage.fresh(dbName)
        : durableReference.fresh(dbName);
  }

  @Override
  public String reference() {
    return storage == null ? Workload.super.reference() : durableReference.name();
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
