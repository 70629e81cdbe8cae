package io.vertomic.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr, redrawn in place ({@code \r}) at most ten times a second:
 * {@code [########------------] 40% 400000/1000000 rows 95000 rows/s}. Off when {@code err} is null
 * (the {@code --no-progress} option).
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream err;
  private final long total;
  private final String unit;
  private final long start = System.nanoTime();
  private long lastDrawn;
  private long done;

  ProgressBar(PrintStream err, long total, String unit) {
    this.err = err;
    this.total = Math.max(total, 1);
    this.unit = unit;
  }

  /** {@code n} more units are done. */
  void advance(long n) {
    done += n;
    long now = System.nanoTime();
    if (err != null && now - lastDrawn >= REDRAW_NANOS) {
      lastDrawn = now;
      draw(now);
    }
  }

  /** Draws the final state and ends the line. */
  void finish() {
    if (err != null) {
      draw(System.nanoTime());
      err.println();
    }
  }

  /** Units per second since the start. */
  long rate() {
    double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
    return Math.round(done / seconds);
  }

  private void draw(long now) {
    int filled = (int) Math.min(WIDTH, done * WIDTH / total);
    err.printf(
        "\r[%s%s] %3d%%  %d/%d %s  %d %s/s",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        Math.min(100, done * 100 / total),
        done,
        total,
        unit,
        rate(),
        unit);
    err.flush();
  }
}
