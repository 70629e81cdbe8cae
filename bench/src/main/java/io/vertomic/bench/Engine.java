package io.vertomic.bench;

import io.vertomic.bench.People.Person;
import java.util.List;
import java.util.function.IntFunction;

/** One database engine under test: Vertomic or Datomic, each through its own peer API. */
interface Engine {
  String name();

  /** Creates an empty database named {@code name} with the people schema installed. */
  Session fresh(String name);

  /** A connection to one database of the engine. */
  interface Session extends Workload.Prepared {
    /**
     * Transacts {@code persons} as one transaction, each with tempid {@link Person#tempid()};
     * {@code idOf} gives the entity id of a person created earlier, or null when that person is
     * created in this same transaction. Returns the entity id of each person, in order.
     */
    long[] transactPersons(List<Person> persons, IntFunction<Long> idOf);

    /**
     * As {@link #transactPersons}, the transaction given as EDN text ({@link PersonTx#ednText}) and
     * read by the engine's own EDN reader on each call.
     */
    long[] transactPersonsEdn(List<Person> persons, IntFunction<Long> idOf);

    /** How many datoms the AEVT index holds for {@code :person/name} (= persons loaded). */
    long countPersons();

    /**
     * Runs {@code query} (EDN) against the current database, followed by {@code inputs}; returns
     * the size of the result.
     */
    long q(String query, Object... inputs);

    /**
     * Runs {@code query} against the current database through a filter that keeps every datom: the
     * cost of filtering itself; returns the number of results.
     */
    long qFiltered(String query);

    /** Pulls {@code selector} (EDN) for each of {@code ids}; returns the number of maps. */
    long pull(String selector, long[] ids);

    /** Walks the AEVT index of {@code attr}; returns the sum of the long values. */
    long walkAevt(String attr);

    /**
     * Pulls {@code selector} for the first {@code n} entities of the AVET index of {@code attr}
     * (index-pull from {@code [attr]}); returns the total size of the maps.
     */
    long indexPull(String selector, String attr, int n);

    /**
     * Walks the lazy answer of {@code query} ({@code qseq}), pulls consumed one row at a time;
     * returns the number of rows.
     */
    long qseq(String query);

    /** Deletes the database. */
    @Override
    void close();
  }
}
