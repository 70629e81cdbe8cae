package io.vertomic.bench;

/**
 * One benchmark workload. Each measured run gets a fresh {@link Engine.Session} from {@link #setUp}
 * (not timed), then {@link #run} is timed; its result is consumed so nothing is optimised away.
 * Query workloads of later issues set up a loaded database the same way.
 */
interface Workload {
  String name();

  /** Untimed preparation; returns the session the timed part uses. */
  Engine.Session setUp(Engine engine, String dbName);

  /** The timed operation; returns a number derived from its result. */
  long run(Engine.Session session);

  /**
   * How many times the runner's warm-up and measured run counts are multiplied for this workload:
   * millisecond queries need many more samples than second-long loads for a stable median.
   */
  default int samplesFactor() {
    return 1;
  }
}
