package io.vertomic.conformance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs generated cases on both engines. Case {@code i} of seed {@code s} is read {@code i %
 * readsPerHistory} of history {@code i / readsPerHistory}; each is generated from its own random
 * source, so any case is reproduced from {@code (s, i)} alone. One fresh database per history and
 * engine serves all of its reads.
 */
public final class DiffRunner implements AutoCloseable {
  private final FeatureSet features;
  private final int readsPerHistory;
  private final long timeoutMillis;
  private ExecutorService worker = newWorker();
  private final long[] nanos = new long[3];

  public DiffRunner(FeatureSet features, int readsPerHistory, long timeoutMillis) {
    this.features = features;
    this.readsPerHistory = readsPerHistory;
    this.timeoutMillis = timeoutMillis;
  }

  /** What a run did. */
  /** What a run did: {@code readsUsing} counts the reads that used each feature. */
  public record Summary(
      long cases,
      long histories,
      List<Difference> differences,
      long millis,
      Map<Feature, Long> readsUsing) {
    public TreeMap<String, Integer> byCategory() {
      TreeMap<String, Integer> out = new TreeMap<>();
      differences.forEach(d -> out.merge(d.category(), 1, Integer::sum));
      return out;
    }
  }

  /** Runs cases {@code [first, first + count)} of {@code seed}. */
  public Summary run(long seed, long first, long count, Consumer<String> progress) {
    long start = System.currentTimeMillis();
    List<Difference> diffs = new ArrayList<>();
    Map<Feature, Long> using = new EnumMap<>(Feature.class);
    long cases = 0;
    long histories = 0;
    long end = first + count;
    long next = first;
    while (next < end) {
      long hIndex = next / readsPerHistory;
      long hFirst = hIndex * readsPerHistory;
      long hEnd = Math.min(end, hFirst + readsPerHistory);
      History h = HistoryGen.generate(random(seed, hIndex, 1), features);
      histories++;
      long t0 = System.nanoTime();
      try (Loaded l = Loaded.load(h, seed, hFirst)) {
        nanos[0] += System.nanoTime() - t0;
        if (l.rejected != null) {
          diffs.add(l.rejected);
          cases++;
        } else {
          Pool pool = Pool.of(l.history);
          List<Object> withTx = HistoryGen.withTx(random(seed, hIndex, 2), features, l.history);
          for (long c = Math.max(next, hFirst); c < hEnd; c++) {
            Read read = ReadGen.generate(random(seed, c, 3), features, l.history, pool, withTx);
            Difference d = compare(l, read, seed, c);
            read.features().forEach(f -> using.merge(f, 1L, Long::sum));
            cases++;
            if (d != null) {
              diffs.add(d);
            }
          }
        }
      }
      next = hEnd;
      if (histories % 20 == 0) {
        progress.accept(
            String.format(
                "%,d cases, %,d differences, %.1f s",
                cases, diffs.size(), (System.currentTimeMillis() - start) / 1000.0));
      }
    }
    progress.accept(
        String.format(
            "time: loading %.1f s, Datomic reads %.1f s, Vertomic reads %.1f s",
            nanos[0] / 1e9, nanos[1] / 1e9, nanos[2] / 1e9));
    return new Summary(cases, histories, diffs, System.currentTimeMillis() - start, using);
  }

  /** Runs {@code read} on both engines of {@code l}; the difference, or null when they agree. */
  Difference compare(Loaded l, Read read, long seed, long caseIndex) {
    long t0 = System.nanoTime();
    Outcome d = timed(() -> l.datomic.run(read, true));
    long t1 = System.nanoTime();
    Outcome v = timed(() -> l.vertomic.run(read, false));
    nanos[1] += t1 - t0;
    nanos[2] += System.nanoTime() - t1;
    String category = Difference.category(read.kind(), d, v);
    return category == null
        ? null
        : new Difference(seed, caseIndex, l.history, read, d, v, category);
  }

  /** The difference {@code read} shows on a fresh load of {@code h}, or null. */
  public Difference check(History h, Read read) {
    try (Loaded l = Loaded.load(h, 0, 0)) {
      if (l.rejected != null) {
        return l.rejected;
      }
      if (read.kind().equals("transact")) {
        // a transaction (or schema) difference's history ends with that transaction: loaded
        // without a rejection, both engines took it (or both refused it and it was dropped)
        return null;
      }
      return compare(l, read, 0, 0);
    }
  }

  /**
   * Both engines' outcomes of {@code read} on a fresh load of {@code h}, Datomic's first; empty
   * when loading {@code h} already differed or {@code read} is a transaction.
   */
  public List<Outcome> outcomes(History h, Read read) {
    try (Loaded l = Loaded.load(h, 0, 0)) {
      if (l.rejected != null || read.kind().equals("transact")) {
        return List.of();
      }
      return List.of(
          timed(() -> l.datomic.run(read, true)), timed(() -> l.vertomic.run(read, false)));
    }
  }

  private Outcome timed(java.util.concurrent.Callable<Outcome> task) {
    Future<Outcome> f = worker.submit(task);
    try {
      return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      return Outcome.timeout();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      return Outcome.crash(String.valueOf(e.getCause()));
    }
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "difftest-read");
          t.setDaemon(true);
          return t;
        });
  }

  static Random random(long seed, long index, long stream) {
    return new Random(seed * 0x9E3779B97F4A7C15L + index * 1_000_003L + stream);
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
