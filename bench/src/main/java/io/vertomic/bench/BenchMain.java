package io.vertomic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark: runs the chosen workloads on Vertomic and Datomic's in-memory peer in this one
 * JVM, prints a table with both medians and p99s and the ratio Datomic / Vertomic, and writes the
 * same as JSON to {@code bench/results/}.
 *
 * <p>Arguments: {@code --workloads load-batch,load-single} {@code --warmup N} {@code --iterations
 * N} {@code --quick} (one warm-up, two measured runs) {@code --out DIR}.
 */
public final class BenchMain {
  private static final Map<String, Workload> WORKLOADS = new LinkedHashMap<>();

  static {
    for (Workload w : List.of(LoadWorkload.loadBatch(), LoadWorkload.loadSingle())) {
      WORKLOADS.put(w.name(), w);
    }
    for (Workload w : QueryWorkload.all()) {
      WORKLOADS.put(w.name(), w);
    }
  }

  private BenchMain() {}

  public static void main(String[] args) throws IOException {
    String names = String.join(",", WORKLOADS.keySet());
    int warmup = 3;
    int iterations = 9;
    Path out = Path.of("bench", "results");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--workloads" -> names = args[++i];
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--quick" -> {
          warmup = 1;
          iterations = 2;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Runner runner =
        new Runner(List.of(new VertomicEngine(), new DatomicEngine()), warmup, iterations);
    List<Runner.Row> rows = new ArrayList<>();
    System.out.printf(
        "%-12s %12s %12s %12s %12s %8s%n",
        "workload", "vertomic p50", "vertomic p99", "datomic p50", "datomic p99", "ratio");
    for (String name : names.split(",")) {
      Workload w = WORKLOADS.get(name.trim());
      if (w == null) {
        throw new IllegalArgumentException(
            "unknown workload " + name + "; known: " + WORKLOADS.keySet());
      }
      Runner.Row r = runner.run(w);
      rows.add(r);
      System.out.printf(
          Locale.ROOT,
          "%-12s %10.2fms %10.2fms %10.2fms %10.2fms %8.2f%n",
          r.workload(),
          r.vertomic().medianMs(),
          r.vertomic().p99Ms(),
          r.datomic().medianMs(),
          r.datomic().p99Ms(),
          r.ratio());
    }
    System.out.println(
        "(ratio = Datomic median / Vertomic median; above 1 means Vertomic is faster)");
    System.out.println("checksum " + runner.blackhole);
    write(out, rows, warmup, iterations);
    datomic.Peer.shutdown(false);
    System.exit(0);
  }

  private static void write(Path dir, List<Runner.Row> rows, int warmup, int iterations)
      throws IOException {
    Files.createDirectories(dir);
    StringBuilder json = new StringBuilder();
    json.append("{\"time\": \"")
        .append(Instant.now())
        .append("\", \"warmup\": ")
        .append(warmup)
        .append(", \"iterations\": ")
        .append(iterations)
        .append(", \"workloads\": [");
    for (int i = 0; i < rows.size(); i++) {
      Runner.Row r = rows.get(i);
      json.append(i == 0 ? "\n  " : ",\n  ")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"workload\": \"%s\", \"vertomic_median_ms\": %.3f, \"vertomic_p99_ms\": %.3f, "
                      + "\"datomic_median_ms\": %.3f, \"datomic_p99_ms\": %.3f, \"ratio\": %.3f}",
                  r.workload(),
                  r.vertomic().medianMs(),
                  r.vertomic().p99Ms(),
                  r.datomic().medianMs(),
                  r.datomic().p99Ms(),
                  r.ratio()));
    }
    json.append("\n]}\n");
    String stamp = Instant.now().toString().replace(':', '-');
    Files.writeString(dir.resolve(stamp + ".json"), json);
    Files.writeString(dir.resolve("latest.json"), json);
  }
}
