package io.vertomic.transactor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;

/**
 * One scrape of a Prometheus endpoint, read the way Prometheus reads it: samples named {@code
 * name{label="value",...} number}, {@code #} lines aside.
 */
public record Scrape(String text) {
  // HTTP/1.1 as Prometheus scrapes: the JDK client's default h2c upgrade met a protocol error on a
  // large scrape of a Vert.x server
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** The body of {@code GET url}; fails unless it answers 200. */
  public static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** A scrape of {@code url}. */
  public static Scrape of(String url) throws IOException, InterruptedException {
    return new Scrape(get(url));
  }

  /**
   * The sum of the samples named exactly {@code name} that carry every one of {@code labels}
   * ({@code "storage=sql"}, ...); 0 when there is none.
   */
  public double value(String name, String... labels) {
    double sum = 0;
    for (String line : text.split("\n")) {
      if (!line.startsWith("#") && name(line).equals(name) && hasAll(line, labels)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** Whether some sample is named {@code name}. */
  public boolean has(String name) {
    return names().contains(name);
  }

  /** The names of every sample. */
  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(name(line));
      }
    }
    return names;
  }

  private static String name(String line) {
    int end = line.indexOf('{');
    return line.substring(0, end >= 0 ? end : line.indexOf(' '));
  }

  private static boolean hasAll(String line, String... labels) {
    int close = line.indexOf('}');
    String tags = close < 0 ? "" : line.substring(0, close);
    for (String l : labels) {
      int eq = l.indexOf('=');
      if (!tags.contains(l.substring(0, eq) + "=\"" + l.substring(eq + 1) + "\"")) {
        return false;
      }
    }
    return true;
  }
}
