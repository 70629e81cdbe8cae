package io.vertomic.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Runs one workload on both engines, alternating them run by run (A B A B) so that noise on the
 * shared machine hits both alike: warm-up runs first, then measured ones (at least the given
 * number, and as many as 1.5 s of the slower engine takes). Every run uses a fresh, uniquely named
 * database that is deleted afterwards.
 *
 * <p>Warm-up goes on past its count until the rounds settle (the JIT quiet and the round time near
 * the fastest so far): on two cores the first workload of a JVM otherwise ran while the C2 compiler
 * was still working through both engines' code, and load-single measured 276 ms first in a JVM and
 * 31 ms second (Datomic 355 and 103 ms); its rounds took about 18 rounds (12 s) to settle.
 */
final class Runner {
  /** The measured result of one workload. */
  record Row(String workload, Stats vertomic, Stats datomic) {
    /** Datomic median / Vertomic median: above 1 means Vertomic is faster. */
    double ratio() {
      return datomic.medianMs() / vertomic.medianMs();
    }
  }

  /** Compilation time under which a warm-up round counts as quiet, whatever its length. */
  private static final long JIT_QUIET_MS = 20;

  private static final int MAX_WARMUP_FACTOR = 10;

  /** Measured time the slower engine gets at least, per workload (so the faster gets many runs). */
  private static final long MIN_MEASURED_NS = 1_500_000_000L;

  private static final int MAX_ITERATIONS = 100_000;

  private static final long MAX_EXTRA_WARMUP_NS = 30_000_000_000L;

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
    warmUp(w, warmup);
    // at least `iterations` runs, and more until the slower engine was measured MIN_MEASURED_NS: a
    // median of nine 0.3 ms runs spans 3 ms, which one GC or scheduler hiccup moves
    long[][] times = new long[engines.size()][iterations];
    long[] measured = new long[engines.size()];
    int n = 0;
    while (n < iterations || n < MAX_ITERATIONS && max(measured) < MIN_MEASURED_NS) {
      for (int e = 0; e < engines.size(); e++) {
        if (n == times[e].length) {
          times[e] = java.util.Arrays.copyOf(times[e], n * 2);
        }
        long t = once(w, engines.get(e));
        times[e][n] = t;
        measured[e] += t;
      }
      n++;
    }
    return new Row(
        w.name(),
        Stats.of(java.util.Arrays.copyOf(times[0], n)),
        Stats.of(java.util.Arrays.copyOf(times[1], n)));
  }

  private static long max(long[] xs) {
    long m = 0;
    for (long x : xs) {
      m = Math.max(m, x);
    }
    return m;
  }

  /**
   * At least {@code rounds} rounds, then more until two rounds in a row are settled (at most 10x as
   * many rounds, or {@link #MAX_EXTRA_WARMUP_NS} past the required ones).
   */
  private void warmUp(Workload<?> w, int rounds) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long fastest = Long.MAX_VALUE;
    int settled = 0;
    long extraSince = 0;
    for (int i = 0; i < rounds * MAX_WARMUP_FACTOR; i++) {
      long jitBefore = jit.getTotalCompilationTime();
      long start = System.nanoTime();
      for (Engine engine : engines) {
        once(w, engine);
      }
      long round = System.nanoTime() - start;
      long jitMs = jit.getTotalCompilationTime() - jitBefore;
      settled = settled(round, fastest, jitMs) ? settled + 1 : 0;
      fastest = Math.min(fastest, round);
      if (i + 1 == rounds) {
        extraSince = System.nanoTime();
      }
      if (i + 1 >= rounds
          && (settled >= 2 || System.nanoTime() - extraSince > MAX_EXTRA_WARMUP_NS)) {
        return;
      }
    }
  }

  /**
   * A round is settled when the JIT was quiet during it (compilation took under a tenth of the
   * round, or under {@link #JIT_QUIET_MS}) and it ran within 20% of the fastest round before it.
   */
  private static boolean settled(long roundNs, long fastestNs, long jitMs) {
    long roundMs = roundNs / 1_000_000;
    return jitMs <= Math.max(JIT_QUIET_MS, roundMs / 10)
        && (fastestNs == Long.MAX_VALUE || roundNs <= fastestNs * 6 / 5);
  }

  private <S extends Workload.Prepared> long once(Workload<S> w, Engine engine) {
    try (S s = w.setUp(engine, "bench-" + w.name() + "-" + dbCounter++)) {
      long start = System.nanoTime();
      blackhole += w.run(s);
      return System.nanoTime() - start;
    }
  }
}
