package io.vertomic.bench;

import java.util.Arrays;

/** Median and p99 of a set of measured durations, in milliseconds. */
record Stats(double medianMs, double p99Ms, int samples) {
  static Stats of(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    double median = medianOfSorted(s);
    int p99 = (int) Math.min(s.length - 1, Math.ceil(0.99 * s.length) - 1);
    return new Stats(median / 1e6, s[Math.max(p99, 0)] / 1e6, s.length);
  }

  /** The median of any measured quantity (e.g. bytes allocated per run). */
  static double median(long[] values) {
    long[] s = values.clone();
    Arrays.sort(s);
    return medianOfSorted(s);
  }

  private static double medianOfSorted(long[] s) {
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
  }
}
