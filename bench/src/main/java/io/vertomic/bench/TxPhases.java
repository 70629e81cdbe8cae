package io.vertomic.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the transactions of a load spent their time, as means over the load: each phase in the
 * transactor (its {@code vertomic_tx_latency_seconds} histograms, scraped from its {@code
 * /metrics}), its group size, and this peer's event-bus round trips ({@code
 * vertomic_bus_tx_round_trip_seconds}). Take a {@link #now} before the load and print {@link
 * #since} after it.
 */
final class TxPhases {
  private static final List<String> PHASES =
      List.of("queued", "processing", "log_write", "acknowledgement");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String metricsUrl;
  private final MeterRegistry peer;

  /** The sums and counts of every series, by name (a phase's series named after it). */
  record Snapshot(Map<String, double[]> sumAndCount) {}

  TxPhases(String metricsUrl, MeterRegistry peer) {
    this.metricsUrl = metricsUrl;
    this.peer = peer;
  }

  Snapshot now() throws Exception {
    Map<String, double[]> out = new HashMap<>();
    String text =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(metricsUrl + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    for (String line : text.split("\n")) {
      for (String phase : PHASES) {
        String series = "{phase=\"" + phase + "\"";
        if (line.startsWith("vertomic_tx_latency_seconds_sum" + series)) {
          at(out, phase)[0] = value(line);
        } else if (line.startsWith("vertomic_tx_latency_seconds_count" + series)) {
          at(out, phase)[1] = value(line);
        }
      }
      if (line.startsWith("vertomic_tx_group_size_sum")) {
        at(out, "group")[0] = value(line);
      } else if (line.startsWith("vertomic_tx_group_size_count")) {
        at(out, "group")[1] = value(line);
      }
    }
    double[] bus = at(out, "bus");
    for (Timer t : peer.find("vertomic_bus_tx_round_trip_seconds").timers()) {
      bus[0] += t.totalTime(java.util.concurrent.TimeUnit.SECONDS);
      bus[1] += t.count();
    }
    return new Snapshot(out);
  }

  /** The means since {@code before}: each phase and the bus round trip in ms, the group size. */
  String since(Snapshot before) throws Exception {
    Snapshot after = now();
    StringBuilder b = new StringBuilder("  where the time went (means):");
    for (String phase : PHASES) {
      b.append(
          String.format(Locale.ROOT, " %s %.3f ms,", phase, 1000 * mean(before, after, phase)));
    }
    return b.append(
            String.format(
                Locale.ROOT,
                " bus round trip %.3f ms, group of %.1f",
                1000 * mean(before, after, "bus"),
                mean(before, after, "group")))
        .toString();
  }

  private static double mean(Snapshot before, Snapshot after, String series) {
    double[] a = after.sumAndCount().getOrDefault(series, new double[2]);
    double[] b = before.sumAndCount().getOrDefault(series, new double[2]);
    double count = a[1] - b[1];
    return count == 0 ? 0 : (a[0] - b[0]) / count;
  }

  private static double[] at(Map<String, double[]> m, String series) {
    return m.computeIfAbsent(series, k -> new double[2]);
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }
}
