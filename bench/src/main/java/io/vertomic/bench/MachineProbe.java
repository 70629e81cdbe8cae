package io.vertomic.bench;

import java.util.Random;
import java.util.TreeMap;

/**
 * The machine's speed at one moment: how many rounds per second a fixed loop of TreeMap lookups and
 * reads from an 8 MB array makes (the kind of work both engines' queries do). Taken at the start of
 * every pass of the benchmark, so a run's JSON shows how far the machine itself moved while the
 * workloads were measured.
 */
final class MachineProbe {
  private static final long PROBE_NS = 500_000_000L;
  private static final int LOOKUPS_PER_ROUND = 10_000;

  private final long[] array = new long[1 << 20];
  private final Long[] keys;
  private final TreeMap<Long, Long> map = new TreeMap<>();

  /** Consumed results, so the loop cannot be optimised away. */
  long blackhole;

  MachineProbe() {
    Random random = new Random(1);
    for (int i = 0; i < array.length; i++) {
      array[i] = random.nextLong();
    }
    for (int i = 0; i < 200_000; i++) {
      map.put(random.nextLong(), (long) i);
    }
    keys = map.keySet().toArray(new Long[0]);
    roundsPerSecond(); // compiled before the first measurement
  }

  /** Rounds per second of the fixed loop, over half a second. */
  double roundsPerSecond() {
    long start = System.nanoTime();
    long sink = blackhole;
    int rounds = 0;
    long elapsed;
    do {
      for (int k = 0; k < LOOKUPS_PER_ROUND; k++) {
        sink += map.get(keys[(int) ((sink + k * 7919L) & 0x7fffffff) % keys.length]);
        sink += array[(int) (sink & (array.length - 1))];
      }
      rounds++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < PROBE_NS);
    blackhole = sink;
    return rounds * 1e9 / elapsed;
  }
}
