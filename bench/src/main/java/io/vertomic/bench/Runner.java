package io.vertomic.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one workload on both engines, alternating them run by run (A B A B) so that noise on the
 * shared machine hits both alike: warm-up runs first, then measured ones. Every run uses a fresh,
 * uniquely named database that is deleted afterwards.
 */
final class Runner {
  /** The measured result of one workload. */
  record Row(String workload, Stats vertomic, Stats datomic) {
    /** Datomic median / Vertomic median: above 1 means Vertomic is faster. */
    double ratio() {
      return datomic.medianMs() / vertomic.medianMs();
    }
  }

  private final List<Engine> engines;
  private final int warmup;
  private final int iterations;
  private int dbCounter;

  /** Consumed results, printed at the end so no run can be optimised away. */
  long blackhole;

  Runner(List<Engine> engines, int warmup, int iterations) {
    this.engines = engines;
    this.warmup = warmup;
    this.iterations = iterations;
  }

  Row run(Workload<?> w) {
    int warmup = this.warmup * w.samplesFactor();
    int iterations = this.iterations * w.samplesFactor();
    List<long[]> times = new ArrayList<>();
    for (int e = 0; e < engines.size(); e++) {
      times.add(new long[iterations]);
    }
    for (int i = 0; i < warmup + iterations; i++) {
      for (int e = 0; e < engines.size(); e++) {
        long t = once(w, engines.get(e));
        if (i >= warmup) {
          times.get(e)[i - warmup] = t;
        }
      }
    }
    return new Row(w.name(), Stats.of(times.get(0)), Stats.of(times.get(1)));
  }

  private <S extends Workload.Prepared> long once(Workload<S> w, Engine engine) {
    try (S s = w.setUp(engine, "bench-" + w.name() + "-" + dbCounter++)) {
      long start = System.nanoTime();
      blackhole += w.run(s);
      return System.nanoTime() - start;
    }
  }
}
