package io.vertomic.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The spread of medians over benchmark runs made in separate JVMs ({@code scripts/bench-spread}):
 * reads each run's JSON and prints, per workload, the lowest and highest median of each engine and
 * their quotient highest / lowest, flagging Vertomic's above {@value #LIMIT} (issue 15 asks that no
 * median move more than that between three runs), and the range of the ratio Datomic / Vertomic.
 * Prints the range of the machine's own speed too ({@link MachineProbe}, taken at the start of
 * every pass of every run). Writes the same as {@code spread.json} next to the first run's
 * directory.
 *
 * <p>Usage: {@code BenchSpread RUN1.json RUN2.json ...}.
 */
public final class BenchSpread {
  static final double LIMIT = 1.5;

  private BenchSpread() {}

  public static void main(String[] args) throws IOException {
    Map<String, List<JsonObject>> byWorkload = new LinkedHashMap<>();
    double probeMin = Double.MAX_VALUE;
    double probeMax = 0;
    for (String file : args) {
      JsonObject run = new JsonObject(Files.readString(Path.of(file)));
      JsonArray probes = run.getJsonArray("machine_probe_rounds_per_s", new JsonArray());
      for (int i = 0; i < probes.size(); i++) {
        probeMin = Math.min(probeMin, probes.getDouble(i));
        probeMax = Math.max(probeMax, probes.getDouble(i));
      }
      JsonArray rows = run.getJsonArray("workloads");
      for (int i = 0; i < rows.size(); i++) {
        JsonObject r = rows.getJsonObject(i);
        byWorkload.computeIfAbsent(r.getString("workload"), k -> new ArrayList<>()).add(r);
      }
    }
    System.out.printf(
        "%-24s %5s %21s %8s %21s %8s %15s%n",
        "workload",
        "runs",
        "vertomic p50 min-max",
        "max/min",
        "datomic p50 min-max",
        "max/min",
        "ratio min-max");
    JsonArray out = new JsonArray();
    int unstable = 0;
    for (Map.Entry<String, List<JsonObject>> e : byWorkload.entrySet()) {
      double[] v = range(e.getValue(), "vertomic_median_ms");
      double[] d = range(e.getValue(), "datomic_median_ms");
      double[] ratio = range(e.getValue(), "ratio");
      boolean over = v[1] / v[0] > LIMIT;
      unstable += over ? 1 : 0;
      System.out.printf(
          Locale.ROOT,
          "%-24s %5d %9.2f-%9.2fms %7.2fx %9.2f-%9.2fms %7.2fx %6.2f-%6.2f%s%n",
          e.getKey(),
          e.getValue().size(),
          v[0],
          v[1],
          v[1] / v[0],
          d[0],
          d[1],
          d[1] / d[0],
          ratio[0],
          ratio[1],
          over ? "  UNSTABLE" : "");
      out.add(
          new JsonObject()
              .put("workload", e.getKey())
              .put("runs", e.getValue().size())
              .put("vertomic_median_min_ms", v[0])
              .put("vertomic_median_max_ms", v[1])
              .put("vertomic_spread", v[1] / v[0])
              .put("datomic_median_min_ms", d[0])
              .put("datomic_median_max_ms", d[1])
              .put("datomic_spread", d[1] / d[0])
              .put("ratio_min", ratio[0])
              .put("ratio_max", ratio[1]));
    }
    System.out.printf(
        "%d of %d workloads have a Vertomic median spread (max/min) above %.1fx%n",
        unstable, byWorkload.size(), LIMIT);
    if (probeMax > 0) {
      System.out.printf(
          Locale.ROOT,
          "the machine itself (MachineProbe, at the start of every pass): %.1f-%.1f rounds/s,"
              + " %.2fx%n",
          probeMin,
          probeMax,
          probeMax / probeMin);
    }
    if (args.length > 0) {
      Path dir = Path.of(args[0]).toAbsolutePath().getParent().getParent();
      Files.writeString(dir.resolve("spread.json"), out.encodePrettily() + "\n");
      System.out.println("written " + dir.resolve("spread.json"));
    }
  }

  private static double[] range(List<JsonObject> rows, String field) {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (JsonObject r : rows) {
      double x = r.getDouble(field);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return new double[] {min, max};
  }
}
