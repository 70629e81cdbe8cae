package io.vertomic.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A read workload on the loaded "people" database: all 20,000 persons, loaded once per engine
 * (untimed) and shared by every run of every query workload, since reads change nothing.
 */
record QueryWorkload(String name, ToLongFunction<Engine.Session> op)
    implements Workload<Engine.Session> {
  private static final Map<String, Loaded> LOADED = new HashMap<>();

  /** The loaded database of one engine and the entity ids of its persons. */
  record Loaded(Engine.Session session, long[] ids) {}

  static final String Q2 = "[:find ?e ?a :where [?e :person/name \"Ivan\"] [?e :person/age ?a]]";
  static final String Q3 =
      "[:find ?e ?a :where [?e :person/name \"Ivan\"] [?e :person/age ?a] [?e :person/sex :male]]";
  static final String Q4 =
      "[:find ?e ?l ?a :where [?e :person/name \"Ivan\"] [?e :person/age ?a]"
          + " [?e :person/sex :male] [?e :person/last-name ?l]]";
  static final String Q1 = "[:find ?e :where [?e :person/name \"Ivan\"]]";

  static QueryWorkload[] all() {
    return new QueryWorkload[] {
      q("q1", Q1),
      q("q2", Q2),
      q("q3", Q3),
      q("q4", Q4),
      filtered("q1-filter", Q1),
      filtered("q2-filter", Q2),
      filtered("q3-filter", Q3),
      filtered("q4-filter", Q4),
      q("qpred1", "[:find ?e ?s :where [?e :person/salary ?s] [(> ?s 50000)]]"),
      new QueryWorkload(
          "qpred2",
          s ->
              s.q("[:find ?e ?s :in $ ?min :where [?e :person/salary ?s] [(> ?s ?min)]]", 50_000L)),
      q(
          "agg",
          "[:find ?sex (avg ?age) (count ?e) :where [?e :person/sex ?sex] [?e :person/age ?age]]"),
      new QueryWorkload(
          "pull",
          s ->
              s.pull(
                  "[:person/name :person/age {:person/follows [:person/name]}]", first(s, 1_000))),
      new QueryWorkload("datoms", s -> s.walkAevt(":person/age")),
      new QueryWorkload(
          "indexpull", s -> s.indexPull("[:person/name :person/age]", ":person/name", 10_000)),
      new QueryWorkload(
          "qseq",
          s -> s.qseq("[:find (pull ?e [:person/name :person/age]) :where [?e :person/salary]]"))
    };
  }

  private static QueryWorkload q(String name, String query) {
    return new QueryWorkload(name, s -> s.q(query));
  }

  /** {@code query} through a filter that keeps everything (issue 16: what filtering costs). */
  private static QueryWorkload filtered(String name, String query) {
    return new QueryWorkload(name, s -> s.qFiltered(query));
  }

  private static long[] first(Engine.Session s, int n) {
    for (Loaded l : LOADED.values()) {
      if (l.session() == s) {
        return java.util.Arrays.copyOf(l.ids(), n);
      }
    }
    throw new IllegalStateException("session not loaded");
  }

  @Override
  public Engine.Session setUp(Engine engine, String dbName) {
    Loaded l =
        LOADED.computeIfAbsent(
            engine.name(),
            k -> {
              Engine.Session s = engine.fresh("people-" + engine.name());
              long[] ids = LoadWorkload.loadBatch().load(s);
              return new Loaded(s, ids);
            });
    return new Shared(l.session());
  }

  @Override
  public int samplesFactor() {
    return 10;
  }

  @Override
  public long run(Engine.Session session) {
    return op.applyAsLong(((Shared) session).inner());
  }

  /** The shared loaded session; closing a run's view keeps the database. */
  private record Shared(Engine.Session inner) implements Engine.Session {
    @Override
    public long[] transactPersons(
        java.util.List<People.Person> persons, java.util.function.IntFunction<Long> idOf) {
      return inner.transactPersons(persons, idOf);
    }

    @Override
    public long[] transactPersonsEdn(
        java.util.List<People.Person> persons, java.util.function.IntFunction<Long> idOf) {
      return inner.transactPersonsEdn(persons, idOf);
    }

    @Override
    public long countPersons() {
      return inner.countPersons();
    }

    @Override
    public long q(String query, Object... inputs) {
      return inner.q(query, inputs);
    }

    @Override
    public long qFiltered(String query) {
      return inner.qFiltered(query);
    }

    @Override
    public long pull(String selector, long[] ids) {
      return inner.pull(selector, ids);
    }

    @Override
    public long walkAevt(String attr) {
      return inner.walkAevt(attr);
    }

    @Override
    public long indexPull(String selector, String attr, int n) {
      return inner.indexPull(selector, attr, n);
    }

    @Override
    public long qseq(String query) {
      return inner.qseq(query);
    }

    @Override
    public void close() {}
  }
}
