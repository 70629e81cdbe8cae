package io.vertomic.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs workloads on both engines in passes: each pass warms a workload up (each engine once per
 * round) and measures its share of the runs; {@link #row} pools the samples of every pass. Every
 * run uses a fresh, uniquely named database that is deleted afterwards.
 *
 * <p>Passes, because this machine's speed drifts: a fixed loop over a TreeMap and an 8 MB array,
 * timed second by second, went from 71 to 133 rounds per second within one minute (both engines
 * move with it). A workload measured in one 1.5 s stretch took whatever state the machine was in:
 * its median moved up to 2× between runs of the same build, Datomic's as well. Measured in a share
 * of its runs in each of several passes minutes apart, its median is taken over the machine's
 * states rather than one of them.
 *
 * <p>Measured runs alternate between the engines in blocks of {@link #BLOCK_NS} per engine (at
 * least one run each), so that slow drifts of the shared machine hit both alike; a block of runs
 * under {@link #DISCARD_BELOW_NS} starts with one run that is not recorded. Datomic's query runs on
 * a pool of 32 threads that goes on using CPU after the query returns: run by run, a 0.25 ms
 * mbrainz query of Vertomic measured 0.3–0.8 ms depending on the JVM, and 0.25 ms (within 1.4× over
 * three JVMs) when it alternated with itself. Workloads used to alternate run by run when a warm-up
 * round of both engines took 20 ms or more: qpred2 and mb-foreign-label, whose rounds took about 20
 * ms, fell on either side of that line from one JVM to the next, and their medians moved 2.3–2.6×
 * (qpred2 1.4 ms in blocks, 3.7 ms run by run after Datomic's).
 *
 * <p>Warm-up goes on past its count until it settles: two windows in a row (each at least {@link
 * #WINDOW_NS} of rounds) in which the JIT compiled for under a tenth of the window and a round took
 * within 20% of the fastest window's. On two cores, measuring while the C2 compiler still works
 * through both engines' code halves the measuring thread's CPU: sub-millisecond queries, whose
 * warm-up count was done in a few milliseconds, were measured with 1.5–2.3 s of compilation in
 * their 2 s. Late recompilations still come now and then: a pass's measurement during which the JIT
 * compiled for over a tenth of its time is taken again (at most {@link #MAX_REMEASURES} times). A
 * later pass warms up with one round and the same settling, since the workloads between may have
 * made the JIT recompile shared code.
 */
final class Runner {
  /**
   * The measured result of one workload, with the median bytes one run allocated on the calling
   * thread per engine (the whole work of a Vertomic query; for Datomic's, whose query pool shares
   * the work, and for loads through a transactor, only the caller's share), the wall time of the
   * measurements (all passes) and the JIT's compilation time in them. {@code reference} names the
   * Datomic measured ({@link Workload#reference}).
   */
  record Row(
      String workload,
      String reference,
      Stats vertomic,
      Stats datomic,
      double vertomicAllocBytes,
      double datomicAllocBytes,
      long wallNs,
      long jitMsMeasuring) {
    /** Datomic median / Vertomic median: above 1 means Vertomic is faster. */
    double ratio() {
      return datomic.medianMs() / vertomic.medianMs();
    }
  }

  /** Warm-up is judged in windows of rounds at least this long. */
  private static final long WINDOW_NS = 250_000_000L;

  private static final long BLOCK_NS = 100_000_000L;

  /** A block of an engine whose last run took less starts with a run that is not recorded. */
  private static final long DISCARD_BELOW_NS = BLOCK_NS / 4;

  /**
   * Measured time the slower engine gets at least, per workload over all passes (so the faster gets
   * many runs).
   */
  private static final long MIN_MEASURED_NS = 1_500_000_000L;

  private static final int MAX_ITERATIONS = 100_000;

  private static final long MAX_EXTRA_WARMUP_NS = 30_000_000_000L;

  private static final int MAX_REMEASURES = 2;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private final List<Engine> engines;
  private final int warmup;
  private final int iterations;
  private final int passes;
  private final Map<String, Pooled> pooled = new HashMap<>();
  private int dbCounter;

  /** Consumed results, printed at the end so no run can be optimised away. */
  long blackhole;

  Runner(List<Engine> engines, int warmup, int iterations, int passes) {
    this.engines = engines;
    this.warmup = warmup;
    this.iterations = iterations;
    this.passes = passes;
  }

  /**
   * One pass over {@code w}: warm-up, then its share of the measured runs, kept for {@link #row}.
   */
  void pass(Workload<?> w) {
    int share = Math.max(1, ceilDiv(iterations * w.samplesFactor(), passes));
    Pooled p = pooled.get(w.name());
    if (p == null) {
      warmUp(w, warmup * w.samplesFactor());
      p = new Pooled();
      pooled.put(w.name(), p);
    } else {
      warmUp(w, 1);
    }
    Measured m = measure(w, share);
    for (int i = 0; i < MAX_REMEASURES && m.jitMs * 1e6 > 0.1 * m.wallNs; i++) {
      warmUp(w, 1);
      m = measure(w, share);
    }
    p.add(m);
  }

  /** The samples of every pass over {@code w}, pooled. */
  Row row(Workload<?> w) {
    Pooled p = pooled.get(w.name());
    return new Row(
        w.name(),
        w.reference(),
        Stats.of(p.samples[0].nanos()),
        Stats.of(p.samples[1].nanos()),
        Stats.median(p.samples[0].bytes()),
        Stats.median(p.samples[1].bytes()),
        p.wallNs,
        p.jitMs);
  }

  /** One pass's measurement: samples per engine, its wall time and the JIT's time in it. */
  private record Measured(Samples[] samples, long wallNs, long jitMs) {}

  /** A workload's measurements over the passes so far. */
  private static final class Pooled {
    final Samples[] samples = {new Samples(16), new Samples(16)};
    long wallNs;
    long jitMs;

    void add(Measured m) {
      for (int e = 0; e < samples.length; e++) {
        samples[e].addAll(m.samples()[e]);
      }
      wallNs += m.wallNs();
      jitMs += m.jitMs();
    }
  }

  private Measured measure(Workload<?> w, int iterations) {
    long jitBefore = JIT.getTotalCompilationTime();
    long wallBefore = System.nanoTime();
    Samples[] samples = new Samples[engines.size()];
    for (int e = 0; e < samples.length; e++) {
      samples[e] = new Samples(iterations);
    }
    // at least `iterations` runs, and more until the slower engine was measured its share of
    // MIN_MEASURED_NS: a median of nine 0.3 ms runs spans 3 ms, which one GC or scheduler hiccup
    // moves
    long minMeasured = MIN_MEASURED_NS / passes;
    long[] last = new long[samples.length];
    while (fewest(samples) < iterations
        || fewest(samples) < MAX_ITERATIONS && longest(samples) < minMeasured) {
      for (int e = 0; e < samples.length; e++) {
        Engine engine = engines.get(e);
        if (last[e] < DISCARD_BELOW_NS) {
          once(w, engine);
        }
        long start = System.nanoTime();
        do {
          long[] run = once(w, engine);
          samples[e].add(run);
          last[e] = run[0];
        } while (System.nanoTime() - start < BLOCK_NS && samples[e].n < MAX_ITERATIONS);
      }
    }
    return new Measured(
        samples, System.nanoTime() - wallBefore, JIT.getTotalCompilationTime() - jitBefore);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /** The measured runs of one engine: nanoseconds and bytes allocated, run by run. */
  private static final class Samples {
    long[] nanos;
    long[] bytes;
    int n;
    long totalNanos;

    Samples(int capacity) {
      nanos = new long[capacity];
      bytes = new long[capacity];
    }

    void add(long[] run) {
      if (n == nanos.length) {
        nanos = Arrays.copyOf(nanos, n * 2);
        bytes = Arrays.copyOf(bytes, n * 2);
      }
      nanos[n] = run[0];
      bytes[n] = run[1];
      totalNanos += run[0];
      n++;
    }

    void addAll(Samples other) {
      for (int i = 0; i < other.n; i++) {
        add(new long[] {other.nanos[i], other.bytes[i]});
      }
    }

    long[] nanos() {
      return Arrays.copyOf(nanos, n);
    }

    long[] bytes() {
      return Arrays.copyOf(bytes, n);
    }
  }

  private static int fewest(Samples[] samples) {
    int min = Integer.MAX_VALUE;
    for (Samples s : samples) {
      min = Math.min(min, s.n);
    }
    return min;
  }

  private static long longest(Samples[] samples) {
    long max = 0;
    for (Samples s : samples) {
      max = Math.max(max, s.totalNanos);
    }
    return max;
  }

  /**
   * At least {@code rounds} rounds, then more until two windows in a row are settled (or {@link
   * #MAX_EXTRA_WARMUP_NS} past the required rounds).
   */
  private void warmUp(Workload<?> w, int rounds) {
    long fastestRound = Long.MAX_VALUE;
    int settled = 0;
    int done = 0;
    long extraSince = 0;
    while (true) {
      long jitBefore = JIT.getTotalCompilationTime();
      long start = System.nanoTime();
      int inWindow = 0;
      long elapsed;
      do {
        for (Engine engine : engines) {
          once(w, engine);
        }
        inWindow++;
        if (++done == rounds) {
          extraSince = System.nanoTime();
        }
        elapsed = System.nanoTime() - start;
      } while (elapsed < WINDOW_NS);
      long round = elapsed / inWindow;
      boolean quiet = (JIT.getTotalCompilationTime() - jitBefore) * 1_000_000 <= elapsed / 10;
      boolean near = fastestRound == Long.MAX_VALUE || round <= fastestRound / 5 * 6;
      settled = quiet && near ? settled + 1 : 0;
      fastestRound = Math.min(fastestRound, round);
      if (done >= rounds
          && (settled >= 2 || System.nanoTime() - extraSince > MAX_EXTRA_WARMUP_NS)) {
        return;
      }
    }
  }

  /** One timed run: its nanoseconds and the bytes it allocated on this thread. */
  private <S extends Workload.Prepared> long[] once(Workload<S> w, Engine engine) {
    try (S s = w.setUp(engine, "bench-" + w.name() + "-" + dbCounter++)) {
      long bytes = THREADS.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      blackhole += w.run(s);
      long nanos = System.nanoTime() - start;
      bytes = THREADS.getCurrentThreadAllocatedBytes() - bytes;
      return new long[] {nanos, bytes};
    }
  }
}
