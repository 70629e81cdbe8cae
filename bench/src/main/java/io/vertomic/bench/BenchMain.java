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
 * JVM, prints a table with both medians and p99s, the ratio Datomic / Vertomic and the bytes one
 * run allocated on the calling thread per engine, and writes the same as JSON to {@code
 * bench/results/} (with the JIT's compilation time while each workload was measured).
 *
 * <p>Workloads {@code storage-queries}, {@code transactor} and {@code remote} are sections of their
 * own ({@link StorageQueryBench}, {@link TransactorBench}, {@link RemoteBench}); so is {@code
 * storages}, which only runs when named.
 *
 * <p>Arguments: {@code --workloads load-batch,load-single} {@code --warmup N} {@code --iterations
 * N} {@code --quick} (one warm-up, two measured runs) {@code --out DIR}.
 */
public final class BenchMain {
  private static final Map<String, Workload<?>> WORKLOADS = new LinkedHashMap<>();
  private static final Map<String, RealWorkload> REAL =
      RealWorkload.all(Integer.getInteger("bench.social.users", 300));

  static final String DEV_DIR =
      System.getProperty("java.io.tmpdir") + "/vertomic-bench-dev-" + ProcessHandle.current().pid();

  static {
    Engine dev = new VertomicEngine("vertomic-dev", "vertomic:dev://127.0.0.1:4334/%s");
    Engine sql =
        new VertomicEngine(
            "vertomic-sql", "vertomic:sql://%s?postgresql://postgres@127.0.0.1:5432/test");
    for (LoadWorkload w :
        List.of(
            LoadWorkload.loadBatch(), LoadWorkload.loadSingle(), LoadWorkload.loadSingleEdn())) {
      WORKLOADS.put(w.name(), w);
    }
    for (LoadWorkload w : List.of(LoadWorkload.loadBatch(), LoadWorkload.loadSingle())) {
      WORKLOADS.put(w.name() + "-dev", w.on("dev", dev));
      WORKLOADS.put(w.name() + "-sql", w.on("sql", sql));
    }
    for (Workload<?> w : QueryWorkload.all()) {
      WORKLOADS.put(w.name(), w);
    }
    WORKLOADS.putAll(REAL);
  }

  private BenchMain() {}

  public static void main(String[] args) {
    int status = 1;
    try {
      run(args);
      status = 0;
    } catch (Exception | Error e) {
      e.printStackTrace();
    } finally {
      // the peer's and Datomic's threads would keep a failed run alive
      System.exit(status);
    }
  }

  private static void run(String[] args) throws Exception {
    System.setProperty("vertomic.dev.dir", DEV_DIR);
    String names = String.join(",", WORKLOADS.keySet()) + ",storage-queries,transactor,remote";
    int warmup = 3;
    int iterations = 9;
    boolean quick = false;
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
          quick = true;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Runner runner =
        new Runner(List.of(new VertomicEngine(), new DatomicEngine()), warmup, iterations);
    List<Runner.Row> rows = new ArrayList<>();
    System.out.printf(
        "%-12s %12s %12s %12s %12s %8s %12s %12s%n",
        "workload",
        "vertomic p50",
        "vertomic p99",
        "datomic p50",
        "datomic p99",
        "ratio",
        "vertomic KB",
        "datomic KB");
    String storage = null;
    String transactor = null;
    String remote = null;
    String storages = null;
    for (String name : RealWorkload.expandGroups(names, REAL).split(",")) {
      if (name.trim().equals("remote")) {
        RemoteBench b =
            new RemoteBench(quick ? 500 : 3_000, quick ? 200 : 2_000, quick ? 2_000 : 20_000);
        remote = b.run();
        runner.blackhole += b.blackhole;
        continue;
      }
      if (name.trim().equals("transactor")) {
        transactor =
            new TransactorBench(
                    quick ? 200 : 5_000,
                    quick ? 5 : 20,
                    quick ? 1_000 : 10_000,
                    quick ? 20_000 : 150_000,
                    quick ? 20 : 330)
                .run();
        continue;
      }
      if (name.trim().equals("storage-queries")) {
        StorageQueryBench b = new StorageQueryBench(quick ? 2 : 5, quick ? 20 : 200, "sql");
        storage = "\"storage\": " + b.run();
        runner.blackhole += b.blackhole;
        continue;
      }
      if (name.trim().equals("storages")) {
        storages = storages(quick);
        continue;
      }
      Workload<?> w = WORKLOADS.get(name.trim());
      if (w == null) {
        throw new IllegalArgumentException(
            "unknown workload " + name + "; known: " + WORKLOADS.keySet());
      }
      if (w instanceof RealWorkload real && !real.check()) {
        continue;
      }
      Runner.Row r = runner.run(w);
      rows.add(r);
      System.out.printf(
          Locale.ROOT,
          "%-12s %10.2fms %10.2fms %10.2fms %10.2fms %8.2f %12.1f %12.1f%s%n",
          r.workload(),
          r.vertomic().medianMs(),
          r.vertomic().p99Ms(),
          r.datomic().medianMs(),
          r.datomic().p99Ms(),
          r.ratio(),
          r.vertomicAllocBytes() / 1024,
          r.datomicAllocBytes() / 1024,
          r.jitMsMeasuring() * 1e6 > 0.1 * r.wallNs()
              ? "  (JIT " + r.jitMsMeasuring() + " ms while measured)"
              : "");
    }
    System.out.println(
        "(ratio = Datomic median / Vertomic median; above 1 means Vertomic is faster;"
            + " KB = median kilobytes one run allocated on the calling thread)");
    RealWorkload.problems().forEach(p -> System.out.println("PROBLEM " + p));
    System.out.println("checksum " + runner.blackhole);
    write(out, rows, warmup, iterations, storage, transactor, remote, storages);
    datomic.Peer.shutdown(false);
  }

  /**
   * The section {@code storages}: the same loads through a transactor, and q4 on a million datoms,
   * on dev, sql, cass and ddb side by side (issue 18). Not in the default run: it needs Cassandra
   * and dynalite, which {@code scripts/bench} starts only for it.
   */
  private static String storages(boolean quick) throws Exception {
    List<String> kinds = List.of("dev", "sql", "cass", "ddb");
    String transactor =
        new TransactorBench(quick ? 200 : 3_000, quick ? 3 : 10, 0, 0, 0).runOn(kinds);
    List<String> queries = new ArrayList<>();
    for (String kind : kinds) {
      queries.add(new StorageQueryBench(quick ? 2 : 5, quick ? 20 : 200, kind).run());
    }
    return "{\"transactor\": " + transactor + ", \"queries\": [" + String.join(",", queries) + "]}";
  }

  private static void write(
      Path dir,
      List<Runner.Row> rows,
      int warmup,
      int iterations,
      String storage,
      String transactor,
      String remote,
      String storages)
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
                      + "\"datomic_median_ms\": %.3f, \"datomic_p99_ms\": %.3f, \"ratio\": %.3f, "
                      + "\"vertomic_alloc_bytes\": %.0f, \"datomic_alloc_bytes\": %.0f, "
                      + "\"measured_ms\": %d, \"jit_ms_while_measured\": %d}",
                  r.workload(),
                  r.vertomic().medianMs(),
                  r.vertomic().p99Ms(),
                  r.datomic().medianMs(),
                  r.datomic().p99Ms(),
                  r.ratio(),
                  r.vertomicAllocBytes(),
                  r.datomicAllocBytes(),
                  r.wallNs() / 1_000_000,
                  r.jitMsMeasuring()));
    }
    json.append("\n]")
        .append(storage == null ? "" : ",\n" + storage)
        .append(transactor == null ? "" : ",\n\"transactor\": " + transactor)
        .append(remote == null ? "" : ",\n\"remote\": " + remote)
        .append(storages == null ? "" : ",\n\"storages\": " + storages)
        .append("}\n");
    String stamp = Instant.now().toString().replace(':', '-');
    Files.writeString(dir.resolve(stamp + ".json"), json);
    Files.writeString(dir.resolve("latest.json"), json);
  }
}
