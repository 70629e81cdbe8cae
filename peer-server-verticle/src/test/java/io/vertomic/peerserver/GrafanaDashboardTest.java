package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.transactor.ChildJvm;
import io.vertomic.transactor.MultiProcessTest;
import io.vertomic.transactor.Scrape;
import io.vertomic.transactor.Systems;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/grafana/vertomic.json loads, and every query of every panel names only metrics that a real
 * transactor and a real peer server (a remote peer of it) expose after a load: a renamed meter
 * shows up here, not as an empty panel in production. The metrics docs/operations.md explains and
 * alerts on are checked the same way.
 */
class GrafanaDashboardTest extends MultiProcessTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path DASHBOARD = ROOT.resolve("docs/grafana/vertomic.json");
  private static final Path GUIDE = ROOT.resolve("docs/operations.md");
  // a metric name in PromQL: the families the processes export (functions and labels are not)
  private static final Pattern METRIC = Pattern.compile("\\b(?:vertomic|jvm|process)_[a-z0-9_]+");
  private static final String METRICS_ON = " metrics on http://127.0.0.1:";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static void post(int port, String path, JsonObject body) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("content-type", "application/json")
                .header(
                    "authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString("dev:dev".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(2, r.statusCode() / 100, path + ": " + r.body());
  }

  @Test
  void everyPanelQueryAndTheOperationsGuideNameMetricsTheProcessesExposeAfterALoad()
      throws Exception {
    JsonObject dashboard = new JsonObject(Files.readString(DASHBOARD));
    JsonArray panels = dashboard.getJsonArray("panels");
    assertFalse(panels.isEmpty());

    String cluster = "grafana-" + UUID.randomUUID();
    String storage = Systems.sqlSystem();
    ChildJvm transactor = kept(Systems.transactor(cluster, storage, 3000, "\"metricsPort\": 0"));
    String line = transactor.await(l -> l.contains(METRICS_ON), 120, "metrics port");
    int metricsPort =
        Integer.parseInt(line.substring(line.indexOf(METRICS_ON) + METRICS_ON.length()));
    transactor.await(l -> l.contains(" active epoch "), 120, "active transactor");
    int port = RemoteSystem.port(kept(RemoteSystem.peerServer(cluster, storage, "256m", "")));

    String db = "grafana-" + UUID.randomUUID().toString().substring(0, 8);
    post(port, "/api/databases", new JsonObject().put("name", db));
    String api = "/api/databases/" + db;
    post(
        port,
        api + "/transact",
        new JsonObject()
            .put(
                "tx-data",
                "[{:db/ident :item/name :db/valueType :db.type/string"
                    + " :db/cardinality :db.cardinality/one}]"));
    for (int i = 0; i < 5; i++) {
      post(
          port,
          api + "/transact",
          new JsonObject().put("tx-data", "[{:item/name \"i" + i + "\"}]"));
    }
    post(
        port, api + "/query", new JsonObject().put("query", "[:find ?n :where [_ :item/name ?n]]"));

    Set<String> exposed = new HashSet<>();
    exposed.addAll(Scrape.of("http://127.0.0.1:" + metricsPort + "/metrics").names());
    exposed.addAll(Scrape.of("http://127.0.0.1:" + port + "/metrics").names());

    List<String> missing = new ArrayList<>();
    for (int i = 0; i < panels.size(); i++) {
      JsonObject panel = panels.getJsonObject(i);
      JsonArray targets = panel.getJsonArray("targets");
      assertFalse(targets.isEmpty(), panel.getString("title"));
      for (int j = 0; j < targets.size(); j++) {
        String expr = targets.getJsonObject(j).getString("expr");
        Matcher m = METRIC.matcher(expr);
        boolean named = false;
        while (m.find()) {
          named = true;
          if (!exposed.contains(m.group())) {
            missing.add(panel.getString("title") + ": " + m.group());
          }
        }
        assertTrue(named, "a query of " + panel.getString("title") + " names no metric: " + expr);
      }
    }
    assertEquals(List.of(), missing, "metrics no process exposes");

    // the guide names a histogram by its family (its samples are _count, _sum, _bucket)
    Set<String> unexplained = new java.util.TreeSet<>();
    Matcher guide = METRIC.matcher(Files.readString(GUIDE));
    while (guide.find()) {
      String name = guide.group();
      if (!exposed.contains(name) && !exposed.contains(name + "_count")) {
        unexplained.add(name);
      }
    }
    assertEquals(Set.of(), unexplained, "metrics docs/operations.md names that no process exposes");
  }
}
