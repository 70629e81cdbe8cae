package io.vertomic.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A load's warm-up: the indices of its transactions, handed out until its rate has settled. The JIT
 * of both JVMs goes on compiling the write path for tens of seconds, longer through the peer server
 * (64 SDK callers: 1,023 tx/s in the first 20,000 transactions, 2,520 in the next, 3,846 in the
 * third), so a fixed warm-up measured some loads half compiled. The rate climbs a few percent a
 * second while it compiles, so it is compared over windows of 5 s. It can also stay flat for
 * seconds before a jump, which the windows do not always see: one run ended the SDK load's warm-up
 * after 10 s at about 1,260 tx/s and measured 1,526. Such a load is given a longer minimum.
 */
final class SteadyRate {
  private static final long WINDOW_MILLIS = 5_000;
  private static final double TOLERANCE = 0.10;

  private final long minNanos;
  private final long maxNanos;
  private final AtomicInteger sent = new AtomicInteger();
  private volatile boolean warm;

  /** A warm-up of at least 10 s and at most 60 s. */
  SteadyRate() {
    this(10);
  }

  /** A warm-up of at least {@code minSeconds} and at most 50 s more. */
  SteadyRate(int minSeconds) {
    minNanos = TimeUnit.SECONDS.toNanos(minSeconds);
    maxNanos = TimeUnit.SECONDS.toNanos(minSeconds + 50L);
  }

  /**
   * The index of the next warm-up transaction to send, 0, 1, 2..., or -1 once the rate is steady:
   * the loop of every submitter of the warm-up.
   */
  IntSupplier next() {
    return () -> warm ? -1 : sent.getAndIncrement();
  }

  /**
   * Returns once the count of transactions {@link #next} gave out has grown by amounts within 10%
   * of each other in two consecutive windows of 5 s, no sooner than the minimum and {@code
   * minSent}, at the latest at the maximum; from then on {@link #next} gives -1.
   */
  void await(long minSent) throws InterruptedException {
    long start = System.nanoTime();
    long last = sent.get();
    long lastGain = -1;
    while (true) {
      Thread.sleep(WINDOW_MILLIS);
      long now = sent.get();
      long gain = now - last;
      last = now;
      long elapsed = System.nanoTime() - start;
      boolean steady =
          lastGain > 0 && Math.abs(gain - lastGain) <= TOLERANCE * Math.max(gain, lastGain);
      if (elapsed >= maxNanos || (elapsed >= minNanos && now >= minSent && steady)) {
        warm = true;
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
