package io.vertomic.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * When a load's warm-up may end: once its rate has settled. The JIT of both JVMs goes on compiling
 * the write path for tens of seconds, longer through the peer server (64 SDK callers: 1,023 tx/s in
 * the first 20,000 transactions, 2,520 in the next, 3,846 in the third), so a fixed warm-up
 * measured some loads half compiled. The rate climbs a few percent a second while it compiles, and
 * can stall for seconds before a jump, so it is compared over windows of 5 s.
 */
final class SteadyRate {
  private static final long WINDOW_MILLIS = 5_000;
  private static final long MIN_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final double TOLERANCE = 0.10;

  private SteadyRate() {}

  /**
   * Returns once {@code done} (a count of transactions sent) has grown by amounts within 10% of
   * each other in two consecutive windows of 5 s, no sooner than 10 s and {@code minDone}, at the
   * latest after 60 s.
   */
  static void await(LongSupplier done, long minDone) throws InterruptedException {
    long start = System.nanoTime();
    long last = done.getAsLong();
    long lastGain = -1;
    while (true) {
      Thread.sleep(WINDOW_MILLIS);
      long now = done.getAsLong();
      long gain = now - last;
      last = now;
      long elapsed = System.nanoTime() - start;
      boolean steady =
          lastGain > 0 && Math.abs(gain - lastGain) <= TOLERANCE * Math.max(gain, lastGain);
      if (elapsed >= MAX_NANOS || (elapsed >= MIN_NANOS && now >= minDone && steady)) {
        System.err.printf(
            java.util.Locale.ROOT,
            "  warm-up: %d transactions in %.0f s, %s%n",
            now,
            elapsed / 1e9,
            steady ? "steady" : "not steady by the limit");
        return;
      }
      lastGain = gain;
    }
  }
}
