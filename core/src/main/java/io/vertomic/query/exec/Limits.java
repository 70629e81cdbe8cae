package io.vertomic.query.exec;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;

/**
 * The budget of one query run: a deadline checked cooperatively from the executor's loops (no extra
 * thread) and a cap on the rows of any intermediate relation, so a runaway query ends with an
 * anomaly instead of exhausting the heap. Not thread-safe: one per run.
 */
final class Limits {
  /** Default cap on the rows of one intermediate relation. */
  static final long DEFAULT_ROW_LIMIT = 10_000_000L;

  private final long deadline;
  private final long timeoutMs;
  private final long rowLimit;
  private int ticks;

  Limits(long timeoutMs, long rowLimit) {
    this.timeoutMs = timeoutMs;
    this.deadline = timeoutMs > 0 ? System.nanoTime() + timeoutMs * 1_000_000L : 0;
    this.rowLimit = rowLimit > 0 ? rowLimit : DEFAULT_ROW_LIMIT;
  }

  static Limits none() {
    return new Limits(0, 0);
  }

  /** Called once per unit of work; reads the clock only every 1024 calls. */
  void tick() {
    if (deadline != 0 && (++ticks & 1023) == 0) {
      checkTime();
    }
  }

  void checkTime() {
    if (deadline != 0 && System.nanoTime() - deadline > 0) {
      throw new Anomaly(
          Category.INTERRUPTED,
          Keyword.of("query.error/timeout"),
          "Query timed out after " + timeoutMs + " ms",
          null);
    }
  }

  /** Fails when a relation under construction grows past the row limit. */
  void rows(long n) {
    if (n > rowLimit) {
      throw Anomaly.incorrect(
          "query.error/too-many-rows",
          "Query intermediate result exceeds "
              + rowLimit
              + " rows (set :row-limit, or bind more variables before this join)");
    }
  }
}
