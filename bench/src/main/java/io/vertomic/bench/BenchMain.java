package io.vertomic.bench;

import io.vertomic.peer.Peer;
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
 * The benchmark: runs the chosen workloads on Vertomic and Datomic's in-memory peer in this one JVM
 * (the loads onto a durable storage against Datomic Local on disk, {@link DatomicLocalEngine}),
 * prints a table with both medians and p99s, the ratio Datomic / Vertomic and the bytes one run
 * allocated on the calling thread per engine, and writes the same as JSON to {@code bench/results/}
 * (with the JIT's compilation time while each workload was measured).
 *
 * <p>Workloads {@code storage-queries}, {@code transactor}, {@code remote} and {@code
 * fulltext-cold} are sections of their own ({@link StorageQueryBench}, {@link TransactorBench},
 * {@link RemoteBench}, {@link FulltextColdBench}). The sections {@code storages} and {@code
 * fulltext} (the group of the fulltext workloads of {@link FulltextWorkload} and {@code
 * fulltext-cold}) only run when named; the groups {@code mbrainz} and {@code social} name the
 * real-data workloads.
 *
 * <p>Arguments: {@code --workloads load-batch,load-single} (or the names alone, as {@code
 * fulltext}) {@code --warmup N} {@code --iterations N} {@code --passes N} (3 by default: each
 * workload is measured in a share of its runs in each pass over the chosen workloads, see {@link
 * Runner}; sections run once, in the first) {@code --quick} (one warm-up, two measured runs, one
 * pass) {@code --out DIR} {@code --kinds dev,sql} (the storages of the section {@code storages},
 * all four by default).
 */
public final class BenchMain {
  private static final Map<String, Workload<?>> WORKLOADS = new LinkedHashMap<>();
  private static final Map<String, RealWorkload> REAL =
      RealWorkload.all(Integer.getInteger("bench.social.users", 300));

  static final String DEV_DIR =
      System.getProperty("java.io.tmpdir") + "/vertomic-bench-dev-" + ProcessHandle.current().pid();

  /** Datomic on disk, the reference of the loads onto Vertomic's durable storages. */
  private static final DatomicLocalEngine DATOMIC_LOCAL = new DatomicLocalEngine();

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
      WORKLOADS.put(w.name() + "-dev", w.on("dev", dev, DATOMIC_LOCAL));
      WORKLOADS.put(w.name() + "-sql", w.on("sql", sql, DATOMIC_LOCAL));
    }
    for (Workload<?> w : QueryWorkload.all()) {
      WORKLOADS.put(w.name(), w);
    }
    WORKLOADS.putAll(REAL);
  }

  /**
   * The fulltext workloads: named only, not in the default run (with fulltext-cold they take 7 to
   * 10 minutes; loading their 200,000 values into Datomic's in-memory peer alone takes 40 s to 2
   * min).
   */
  private static final Map<String, FulltextWorkload> FULLTEXT_WORKLOADS = FulltextWorkload.byName();

  /** The group {@code fulltext}: the three fulltext workloads and the cold peer on sql. */
  private static final String FULLTEXT =
      String.join(",", FULLTEXT_WORKLOADS.keySet()) + ",fulltext-cold";

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
    Peer.configure(Peer.options().setDataDir(DEV_DIR));
    String names = String.join(",", WORKLOADS.keySet()) + ",storage-queries,transactor,remote";
    int warmup = 3;
    int iterations = 9;
    int passes = 3;
    boolean quick = false;
    List<String> kinds = List.of("dev", "sql", "cass", "ddb");
    Path out = Path.of("bench", "results");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--workloads" -> names = args[++i];
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        case "--passes" -> passes = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--kinds" -> kinds = List.of(args[++i].split(","));
        case "--quick" -> {
          warmup = 1;
          iterations = 2;
          passes = 1;
          quick = true;
        }
        default -> {
          if (args[i].startsWith("-")) {
            throw new IllegalArgumentException("unknown argument " + args[i]);
          }
          names = args[i];
        }
      }
    }
    Runner runner =
        new Runner(List.of(new VertomicEngine(), new DatomicEngine()), warmup, iterations, passes);
    MachineProbe probe = new MachineProbe();
    List<Double> probes = new ArrayList<>();
    List<Workload<?>> measured = new ArrayList<>();
    Map<String, String> sections = new LinkedHashMap<>();
    List<String> groups = new ArrayList<>();
    for (String name : names.split(",")) {
      groups.add(name.trim().equals("fulltext") ? FULLTEXT : name.trim());
    }
    List<String> all =
        List.of(RealWorkload.expandGroups(String.join(",", groups), REAL).split(","));
    for (int pass = 0; pass < passes; pass++) {
      probes.add(probe.roundsPerSecond());
      boolean lastPass = pass == passes - 1;
      for (int n = 0; n < all.size(); n++) {
        String name = all.get(n).trim();
        if (SECTIONS.containsKey(name)) {
          if (pass == 0) {
            sections.put(SECTIONS.get(name), section(name, quick, kinds, runner));
          }
          continue;
        }
        Workload<?> w = WORKLOADS.getOrDefault(name, FULLTEXT_WORKLOADS.get(name));
        if (w == null) {
          throw new IllegalArgumentException(
              "unknown workload "
                  + name
                  + "; known: "
                  + WORKLOADS.keySet()
                  + ", "
                  + FULLTEXT
                  + ", groups fulltext, mbrainz, social");
        }
        if (w instanceof RealWorkload real && !real.check()) {
          continue;
        }
        if (w instanceof FulltextWorkload f) {
          f.check();
        }
        System.err.printf("pass %d of %d: %s%n", pass + 1, passes, name);
        runner.pass(w);
        if (pass == 0) {
          measured.add(w);
        }
        if (lastPass
            && w instanceof FulltextWorkload
            && all.subList(n + 1, all.size()).stream()
                .noneMatch(x -> FULLTEXT_WORKLOADS.containsKey(x.trim()))) {
          FulltextWorkload.closeAll(); // frees both engines' 200,000 values
        }
      }
    }
    List<Runner.Row> rows = new ArrayList<>();
    measured.forEach(w -> rows.add(runner.row(w)));
    print(rows);
    System.out.println(
        "(ratio = Datomic median / Vertomic median; above 1 means Vertomic is faster;"
            + " KB = median kilobytes one run allocated on the calling thread)");
    RealWorkload.problems().forEach(p -> System.out.println("PROBLEM " + p));
    System.out.println("checksum " + runner.blackhole);
    write(out, rows, warmup, iterations, passes, probes, sections);
    DATOMIC_LOCAL.deleteStorage();
    datomic.Peer.shutdown(false);
  }

  /** The sections, by name, and the key of each one's result in the JSON. */
  private static final Map<String, String> SECTIONS =
      Map.of(
          "remote", "remote",
          "transactor", "transactor",
          "storage-queries", "storage",
          "storages", "storages",
          "fulltext-cold", "fulltext_cold");

  /** Runs the section {@code name} (measured once, in the first pass); returns its JSON. */
  private static String section(String name, boolean quick, List<String> kinds, Runner runner)
      throws Exception {
    switch (name) {
      case "remote" -> {
        RemoteBench b =
            new RemoteBench(quick ? 500 : 3_000, quick ? 200 : 2_000, quick ? 2_000 : 20_000);
        String json = b.run();
        runner.blackhole += b.blackhole;
        return json;
      }
      case "transactor" -> {
        // 300 batches of 1,000 entities: 20, then 100, took a fraction of a second (100 at 16
        // submitters, 0.5-0.7 s, shorter than the time between two young GCs of this JVM), so one
        // index job or GC pause in a row moved its rate by half
        return new TransactorBench(
                quick ? 200 : 5_000,
                quick ? 5 : 300,
                quick ? 1_000 : 10_000,
                quick ? 20_000 : 150_000,
                quick ? 20 : 330)
            .run();
      }
      case "storage-queries" -> {
        StorageQueryBench b = new StorageQueryBench(quick ? 2 : 5, quick ? 20 : 200, "sql");
        String json = b.run();
        runner.blackhole += b.blackhole;
        return json;
      }
      case "storages" -> {
        return storages(quick, kinds);
      }
      case "fulltext-cold" -> {
        FulltextColdBench b = new FulltextColdBench(quick ? 1 : 3, quick ? 10 : 50);
        String json = b.run();
        runner.blackhole += b.blackhole;
        return json;
      }
      default -> throw new IllegalArgumentException("not a section: " + name);
    }
  }

  private static void print(List<Runner.Row> rows) {
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
    for (Runner.Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          "%-12s %10.2fms %10.2fms %10.2fms %10.2fms %8.2f %12.1f %12.1f%s%s%n",
          r.workload(),
          r.vertomic().medianMs(),
          r.vertomic().p99Ms(),
          r.datomic().medianMs(),
          r.datomic().p99Ms(),
          r.ratio(),
          r.vertomicAllocBytes() / 1024,
          r.datomicAllocBytes() / 1024,
          r.reference().equals("datomic-mem") ? "" : "  (against " + r.reference() + ")",
          r.jitMsMeasuring() * 1e6 > 0.1 * r.wallNs()
              ? "  (JIT " + r.jitMsMeasuring() + " ms while measured)"
              : "");
    }
  }

  /**
   * The section {@code storages}: the same loads through a transactor, and q4 on a million datoms,
   * on {@code kinds} (of dev, sql, cass and ddb) side by side (issue 18). Not in the default run:
   * it needs Cassandra and dynalite, which {@code scripts/bench} starts only for it.
   */
  private static String storages(boolean quick, List<String> kinds) throws Exception {
    String transactor =
        new TransactorBench(quick ? 200 : 10_000, quick ? 3 : 10, 0, 0, 0).runOn(kinds);
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
      int passes,
      List<Double> probes,
      Map<String, String> sections)
      throws IOException {
    Files.createDirectories(dir);
    StringBuilder json = new StringBuilder();
    json.append("{\"time\": \"")
        .append(Instant.now())
        .append("\", \"warmup\": ")
        .append(warmup)
        .append(", \"iterations\": ")
        .append(iterations)
        .append(", \"passes\": ")
        .append(passes)
        .append(", \"machine_probe_rounds_per_s\": [")
        .append(
            String.join(
                ", ", probes.stream().map(p -> String.format(Locale.ROOT, "%.1f", p)).toList()))
        .append("], \"workloads\": [");
    for (int i = 0; i < rows.size(); i++) {
      Runner.Row r = rows.get(i);
      json.append(i == 0 ? "\n  " : ",\n  ")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"workload\": \"%s\", \"reference\": \"%s\", \"vertomic_median_ms\": %.3f, \"vertomic_p99_ms\": %.3f, "
                      + "\"datomic_median_ms\": %.3f, \"datomic_p99_ms\": %.3f, \"ratio\": %.3f, "
                      + "\"vertomic_alloc_bytes\": %.0f, \"datomic_alloc_bytes\": %.0f, "
                      + "\"measured_ms\": %d, \"jit_ms_while_measured\": %d}",
                  r.workload(),
                  r.reference(),
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
    json.append("\n]");
    sections.forEach((key, value) -> json.append(",\n\"").append(key).append("\": ").append(value));
    json.append("}\n");
    String stamp = Instant.now().toString().replace(':', '-');
    Files.writeString(dir.resolve(stamp + ".json"), json);
    Files.writeString(dir.resolve("latest.json"), json);
  }
}
