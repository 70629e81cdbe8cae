package io.vertomic.bench;

import io.vertomic.edn.Edn;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transactor's memory under load (issue 17): a transactor child JVM at {@code -Xmx256m} on sql
 * takes single-person transactions from 16 submitters for a given time, index jobs included, and
 * its GC log gives the old generation (old and humongous regions) after each GC. Printed per minute
 * of the transactor's uptime: the lowest and highest, so growth shows as rising minima.
 *
 * <p>The segment cache is set to {@link #CACHE_BYTES}: at its default (a quarter of the heap) it
 * takes minutes of new segments to fill, and its filling would read as growth; full within the
 * first minute, it leaves the rest of the heap to be measured.
 */
final class TransactorMemoryBench {
  private static final int SUBMITTERS = 16;
  private static final String HEAP = "256m";
  private static final long CACHE_BYTES = 16L << 20;
  private static final Pattern REGION_SIZE = Pattern.compile("Heap Region Size: (\\d+)M");
  private static final Pattern REGIONS =
      Pattern.compile(
          "\\[(\\d+\\.\\d+)s\\].* GC\\((\\d+)\\) (Old|Humongous) regions: \\d+->(\\d+)");
  private static final Pattern FULL = Pattern.compile(" GC\\(\\d+\\) Pause Full");

  private TransactorMemoryBench() {}

  /** Runs the load for {@code seconds}; prints a line and returns it as JSON. */
  static String run(String cluster, String system, int seconds) throws Exception {
    Path gcLog = Files.createTempFile("bench-transactor-gc", ".log");
    gcLog.toFile().deleteOnExit();
    Process transactor =
        TransactorBench.startTransactor(
            cluster,
            system,
            List.of(
                "-Xmx" + HEAP,
                "-Dvertomic.objectCacheBytes=" + CACHE_BYTES,
                "-XX:+UseG1GC",
                "-Xlog:gc*:file=" + gcLog + ":uptime"));
    long done;
    try {
      done = load(system, seconds);
    } finally {
      TransactorBench.stop(transactor);
      Peer.shutdown();
    }
    List<String> lines = Files.readAllLines(gcLog);
    Map<Integer, long[]> perMinute = oldAfterGcPerMinute(lines);
    long fullGcs = lines.stream().filter(l -> FULL.matcher(l).find()).count();
    StringBuilder minutes = new StringBuilder();
    List<String> jsonMinutes = new ArrayList<>();
    perMinute.forEach(
        (m, mm) -> {
          minutes.append(String.format(Locale.ROOT, " %d: %d-%d", m + 1, mm[0], mm[1]));
          jsonMinutes.add("[" + mm[0] + ", " + mm[1] + "]");
        });
    System.out.printf(
        Locale.ROOT,
        "%-14s %-6s %5d %10.0f   -Xmx%s, segment cache %d MB, %d tx in %d s; old generation after GC"
            + " per minute (MB, min-max):%s; full GCs: %d%n",
        "load-memory",
        "sql",
        SUBMITTERS,
        (double) done / seconds,
        HEAP,
        CACHE_BYTES >> 20,
        done,
        seconds,
        minutes,
        fullGcs);
    return String.format(
        Locale.ROOT,
        "{\"workload\": \"load-memory\", \"storage\": \"sql\", \"submitters\": %d, \"heap\":"
            + " \"%s\", \"cache_mb\": %d, \"seconds\": %d, \"vertomic_tx_per_s\": %.1f,"
            + " \"old_after_gc_mb_per_minute\": [%s], \"full_gcs\": %d}",
        SUBMITTERS,
        HEAP,
        CACHE_BYTES >> 20,
        seconds,
        (double) done / seconds,
        String.join(", ", jsonMinutes),
        fullGcs);
  }

  /** How many transactions 16 submitters, each awaiting its own, got through in {@code seconds}. */
  private static long load(String system, int seconds) throws Exception {
    String uri = system.replace("*", "memory-" + UUID.randomUUID().toString().substring(0, 8));
    Peer.createDatabase(uri);
    Connection conn = Peer.connect(uri);
    conn.transact(People.SCHEMA).toCompletionStage().toCompletableFuture().get();
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS);
    List<Future<?>> running = new ArrayList<>();
    for (int s = 0; s < SUBMITTERS; s++) {
      running.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  int i = (int) next.getAndIncrement();
                  Object tx = Edn.read(TransactorBench.txText(1, i));
                  conn.transact(tx).toCompletionStage().toCompletableFuture().get();
                  done.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    return done.get();
  }

  /** Minute of uptime -> lowest and highest old generation (MB) after a GC in it. */
  static Map<Integer, long[]> oldAfterGcPerMinute(List<String> gcLog) {
    long regionMb = 1;
    Map<String, Long> regionsAfter = new TreeMap<>();
    Map<String, Integer> minuteOf = new TreeMap<>();
    for (String line : gcLog) {
      Matcher size = REGION_SIZE.matcher(line);
      if (size.find()) {
        regionMb = Long.parseLong(size.group(1));
      }
      Matcher m = REGIONS.matcher(line);
      if (m.find()) {
        regionsAfter.merge(m.group(2), Long.parseLong(m.group(4)), Long::sum);
        minuteOf.put(m.group(2), (int) (Double.parseDouble(m.group(1)) / 60));
      }
    }
    Map<Integer, long[]> out = new TreeMap<>();
    for (Map.Entry<String, Long> e : regionsAfter.entrySet()) {
      long mb = e.getValue() * regionMb;
      out.merge(
          minuteOf.get(e.getKey()),
          new long[] {mb, mb},
          (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }
    return out;
  }
}
