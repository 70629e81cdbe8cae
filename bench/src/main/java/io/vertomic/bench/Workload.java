package io.vertomic.bench;

/**
 * One benchmark workload. Each measured run gets a fresh {@code S} from {@link #setUp} (not timed),
 * then {@link #run} is timed; its result is consumed so nothing is optimised away. Most workloads
 * prepare an {@link Engine.Session}; a real-data workload prepares only its one query.
 */
interface Workload<S extends Workload.Prepared> {

  /** What a run needs, prepared before it and closed after it. */
  interface Prepared extends AutoCloseable {
    @Override
    void close();
  }

  String name();

  /** Untimed preparation; returns what the timed part uses. */
  S setUp(Engine engine, String dbName);

  /** The timed operation; returns a number derived from its result. */
  long run(S prepared);

  /**
   * How many times the runner's warm-up and measured run counts are multiplied for this workload:
   * millisecond queries need many more samples than second-long loads for a stable median.
   */
  default int samplesFactor() {
    return 1;
  }

  /** The Datomic this workload is measured against: the in-memory peer unless it says otherwise. */
  default String reference() {
    return "datomic-mem";
  }
}
