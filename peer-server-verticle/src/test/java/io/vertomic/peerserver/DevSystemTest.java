package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.transactor.ChildJvm;
import io.vertomic.transactor.MultiProcessTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a new user does (API.md section 7): {@code ./scripts/dev} on a fresh data directory, then
 * every curl example of docs/http-api.md in order, then transactions, a kill -9 of every process of
 * the system, and {@code ./scripts/dev} again, which must have every acknowledged transaction.
 */
@Tag("slow") // child JVMs
class DevSystemTest extends MultiProcessTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void devSystemAnswersEveryDocumentedExampleAndKeepsAcknowledgedTransactionsAcrossKill9()
      throws Exception {
    Path data = Files.createTempDirectory("vertomic-dev-system");
    Map<String, String> env =
        Map.of(
            "VERTOMIC_DATA_DIR", data.toString(),
            "VERTOMIC_CLASSPATH", System.getProperty("java.class.path"),
            "VERTOMIC_JAVA_OPTS",
                "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dhazelcast.phone.home.enabled=false"
                    + " -Dvertomic.cluster.name=dev-system-"
                    + UUID.randomUUID());
    ChildJvm dev = kept(ChildJvm.command(List.of(ROOT.resolve("scripts/dev").toString()), env));
    dev.await(l -> l.startsWith("vertomic-dev ready at http://127.0.0.1:8998"), 180, "ready line");

    DocExamples doc = DocExamples.read(ROOT.resolve("docs/http-api.md"));
    assertTrue(doc.examples().size() >= 20, "examples: " + doc.examples().size());
    for (DocExamples.Example e : doc.examples()) {
      check(e, curl(e.command()));
    }

    Set<String> acknowledged = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      String title = "Sequel " + i;
      String out =
          curl(
              "curl -s -u dev:dev -X POST http://127.0.0.1:8998/api/databases/movies/transact -d '"
                  + new JsonObject().put("tx-data", "[{:movie/title \"" + title + "\"}]").encode()
                  + "'");
      assertTrue(out.endsWith("\n200"), out);
      acknowledged.add(title);
    }
    dev.kill();

    ChildJvm again = kept(ChildJvm.command(List.of(ROOT.resolve("scripts/dev").toString()), env));
    again.await(l -> l.startsWith("vertomic-dev ready at"), 180, "ready line after kill -9");
    String out =
        curl(
            "curl -s -u dev:dev -X POST http://127.0.0.1:8998/api/databases/movies/query -d '"
                + new JsonObject()
                    .put("query", "[:find [?t ...] :where [_ :movie/title ?t]]")
                    .encode()
                + "'");
    assertTrue(out.endsWith("\n200"), out);
    JsonArray titles =
        new JsonObject(out.substring(0, out.lastIndexOf('\n'))).getJsonArray("result");
    Set<Object> found = new HashSet<>(titles.getList());
    assertTrue(found.containsAll(acknowledged), found.toString());
    assertEquals(3 + acknowledged.size(), found.size(), found.toString());
  }

  /**
   * {@code ./scripts/dev URI} on Cassandra or DynamoDB (dynalite) creates the storage's table when
   * it is missing (the table names are this test's own), and the system it starts takes a
   * transaction and answers a query.
   */
  @ParameterizedTest(name = "on {0}")
  @ValueSource(
      strings = {
        "vertomic:cass://127.0.0.1:9042/vertomic_test.dev_system/*",
        "vertomic:ddb://us-east-1/vertomic-dev-system/*?endpoint=http://127.0.0.1:4567"
      })
  void devSystemRunsOnACassandraOrDynamoDbUri(String storage) throws Exception {
    Path data = Files.createTempDirectory("vertomic-dev-system");
    Map<String, String> env =
        Map.of(
            "VERTOMIC_DATA_DIR",
            data.toString(),
            "VERTOMIC_CLASSPATH",
            System.getProperty("java.class.path"),
            "VERTOMIC_JAVA_OPTS",
            "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dhazelcast.phone.home.enabled=false"
                + " -Dvertomic.cluster.name=dev-system-"
                + UUID.randomUUID(),
            "AWS_ACCESS_KEY_ID",
            "dev",
            "AWS_SECRET_ACCESS_KEY",
            "dev");
    ChildJvm dev =
        kept(ChildJvm.command(List.of(ROOT.resolve("scripts/dev").toString(), storage), env));
    dev.await(l -> l.startsWith("vertomic-dev ready at http://127.0.0.1:8998"), 180, "ready line");

    String db = "dev-" + UUID.randomUUID().toString().substring(0, 8);
    String api = "curl -s -u dev:dev -X POST http://127.0.0.1:8998/api/databases";
    assertTrue(curl(api + " -d '{\"name\": \"" + db + "\"}'").endsWith("\n201"));
    String schema =
        "[{:db/ident :movie/title :db/valueType :db.type/string"
            + " :db/cardinality :db.cardinality/one}]";
    for (String tx : List.of(schema, "[{:movie/title \"Alien\"}]")) {
      String out =
          curl(
              api
                  + "/"
                  + db
                  + "/transact -d '"
                  + new JsonObject().put("tx-data", tx).encode()
                  + "'");
      assertTrue(out.endsWith("\n200"), out);
    }
    String out =
        curl(
            api
                + "/"
                + db
                + "/query -d '"
                + new JsonObject()
                    .put("query", "[:find [?t ...] :where [_ :movie/title ?t]]")
                    .encode()
                + "'");
    assertTrue(out.endsWith("\n200"), out);
    assertEquals(
        List.of("Alien"),
        new JsonObject(out.substring(0, out.lastIndexOf('\n'))).getJsonArray("result").getList());
  }

  /** Runs {@code command} (curl ...) with bash; the answer, then a line with the HTTP status. */
  private static String curl(String command) throws IOException, InterruptedException {
    String script = "curl() { command curl -w '\\n%{http_code}' \"$@\"; }\n" + command.strip();
    Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new String(out, StandardCharsets.UTF_8);
  }

  private static void check(DocExamples.Example e, String out) {
    int cut = out.lastIndexOf('\n');
    String where = "example\n" + e.command() + "answered\n" + out;
    assertTrue(cut >= 0, where);
    assertEquals(e.status(), Integer.parseInt(out.substring(cut + 1).trim()), where);
    String body = out.substring(0, cut);
    if (e.answer().equals("text")) {
      assertFalse(body.isBlank(), where);
      return;
    }
    if (!e.keysOnly()) {
      assertEquals(new JsonObject(e.answer()), new JsonObject(body), where);
      return;
    }
    List<String> lines = new ArrayList<>(List.of(body.split("\n")));
    for (String line : lines) {
      assertEquals(
          new JsonObject(e.answer()).fieldNames(), new JsonObject(line).fieldNames(), where);
    }
  }
}
