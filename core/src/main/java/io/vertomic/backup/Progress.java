package io.vertomic.backup;

import java.io.PrintStream;

/** A one-line progress bar on a terminal stream, redrawn at most once per percent. */
final class Progress {
  private static final int WIDTH = 40;
  private final PrintStream out;
  private final String what;
  private final long total;
  private long done;
  private int shown = -1;

  Progress(PrintStream out, String what, long total) {
    this.out = out;
    this.what = what;
    this.total = total;
  }

  void step() {
    done++;
    int pct = total == 0 ? 100 : (int) (done * 100 / total);
    if (pct != shown) {
      shown = pct;
      int bar = pct * WIDTH / 100;
      out.printf(
          "\r%-10s [%s%s] %3d%% %d/%d",
          what, "#".repeat(bar), " ".repeat(WIDTH - bar), pct, done, total);
      out.flush();
    }
  }

  void finish() {
    if (shown != 100) {
      done = total - 1;
      step();
    }
    out.println();
  }
}
