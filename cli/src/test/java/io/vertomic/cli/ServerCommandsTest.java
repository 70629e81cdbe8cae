package io.vertomic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.peerserver.PeerServerVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subcommands run as a client of a peer server (in this JVM, on {@code vertomic:mem://*}, with
 * access key {@code ops} and secret {@code s3cret}), in a child process; and what a peer server
 * cannot do refused on one line.
 */
@Tag("slow") // child JVMs
class ServerCommandsTest {
  @TempDir static Path dir;
  static Vertomic vertomic;
  static Vertx vertx;
  static String url;
  static final Map<String, String> CREDENTIALS =
      Map.of("VERTOMIC_ACCESS_KEY", "ops", "VERTOMIC_SECRET", "s3cret");

  @BeforeAll
  static void peerServer() {
    vertx = Vertx.vertx();
    PeerServerVerticle v = new PeerServerVerticle();
    JsonObject config =
        new JsonObject()
            .put("storage", "vertomic:mem://*")
            .put("port", 0)
            .put("accessKey", "ops")
            .put("secret", "s3cret");
    vertx
        .deployVerticle(v, new DeploymentOptions().setConfig(config))
        .toCompletionStage()
        .toCompletableFuture()
        .join();
    url = "http://127.0.0.1:" + v.port();
    vertomic = new Vertomic(dir);
  }

  @AfterAll
  static void stop() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private static Vertomic.Run run(String... args) {
    return vertomic.runWithInput(null, CREDENTIALS, args);
  }

  private static void ok(Vertomic.Run r, String out) {
    assertEquals(0, r.exit(), r.toString());
    assertEquals(out, r.out());
  }

  private static void failsOneLine(Vertomic.Run r, int exit, String err) {
    assertEquals(exit, r.exit(), r.toString());
    assertEquals(List.of(err), r.err().lines().toList());
  }

  @Test
  void createTransactQueryPullStatsListAndDeleteThroughThePeerServer() {
    String db = url + "/people";
    ok(run("db", "create", db), "created\n");
    Vertomic.Run tx =
        vertomic.runWithInput(
            "[{:db/ident :person/name :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one :db/unique :db.unique/identity}]",
            CREDENTIALS,
            "transact",
            db,
            "-");
    assertEquals(0, tx.exit(), tx.toString());
    tx = vertomic.runWithInput("[{:person/name \"Ivan\"}]", CREDENTIALS, "transact", db, "-");
    assertEquals(0, tx.exit(), tx.toString());
    // the name, the tx instant and the access key the peer server adds (docs/security.md)
    assertTrue(tx.out().startsWith("{:datoms 3, "), tx.out());
    ok(
        run("q", db, "[:find ?n :where [_ :person/name ?n]]"),
        """
        ?n
        ----
        Ivan
        (1 row)
        """);
    ok(run("pull", db, "[:person/name]", "[:person/name \"Ivan\"]"), "{:person/name \"Ivan\"}\n");
    Vertomic.Run stats = run("db", "stats", db);
    assertEquals(0, stats.exit(), stats.toString());
    assertTrue(stats.out().contains(":person/name {:count 1}"), stats.out());
    assertTrue(run("db", "list", url).out().lines().toList().contains("people"));
    ok(run("db", "delete", db), "deleted\n");
    assertTrue(!run("db", "list", url).out().lines().toList().contains("people"));
  }

  @Test
  void aCsvImportsThroughThePeerServer() throws IOException {
    String db = url + "/imported";
    ok(run("db", "create", db), "created\n");
    Vertomic.Run schema =
        vertomic.runWithInput(
            "[{:db/ident :city/name :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one}"
                + " {:db/ident :city/people :db/valueType :db.type/long"
                + " :db/cardinality :db.cardinality/one}]",
            CREDENTIALS,
            "transact",
            db,
            "-");
    assertEquals(0, schema.exit(), schema.toString());
    Path csv =
        Files.writeString(
            dir.resolve("cities.csv"), ":city/name,:city/people\nLyon,522000\nNice,348000\n");
    Vertomic.Run r = run("import", db, csv.toString());
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("imported 2 rows in 1 transactions ("), r.out());
    ok(
        run("q", db, "[:find ?n ?p :where [?c :city/name ?n] [?c :city/people ?p]]", "--edn"),
        "#{[\"Lyon\" 522000] [\"Nice\" 348000]}\n");
  }

  @Test
  void theKeyFromItsOptionAndTheSecretFromTheEnvironmentAreUsedAndWrongOnesAreForbidden() {
    Vertomic.Run r =
        vertomic.runWithInput(
            null, Map.of("VERTOMIC_SECRET", "s3cret"), "db", "list", url, "--access-key", "ops");
    assertEquals(0, r.exit(), r.toString());
    Vertomic.Run wrong =
        vertomic.runWithInput(
            null, Map.of("VERTOMIC_SECRET", "no"), "db", "list", url, "--access-key", "ops");
    assertEquals(1, wrong.exit(), wrong.toString());
    assertEquals(1, wrong.err().lines().count(), wrong.err());
    assertTrue(wrong.err().startsWith("vertomic db list failed (forbidden): "), wrong.err());
  }

  @Test
  void aSecretOnTheCommandLineIsRefusedWithoutUsingOrShowingIt() {
    Vertomic.Run r = vertomic.run("db", "list", url, "--access-key", "ops", "--secret", "s3cret");
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.err().contains("set VERTOMIC_SECRET"), r.err());
    assertTrue(!r.err().contains("s3cret") && !r.out().contains("s3cret"), r.toString());
  }

  @Test
  void whatOnlyAPeerCanDoIsRefusedOnOneLine() {
    failsOneLine(
        run("backup", url + "/people", dir.resolve("bk").toString()),
        2,
        "vertomic: backup works only on storage URIs and directories, not a peer server URL: "
            + url
            + "/people");
    failsOneLine(
        run("request-index", url + "/people"),
        2,
        "vertomic: request-index works only against a storage URI (as a peer), not a peer server"
            + " URL: "
            + url
            + "/people");
    failsOneLine(
        run("db", "rename", url + "/people", "persons"),
        2,
        "vertomic: db rename works only against a storage URI (as a peer), not a peer server URL: "
            + url
            + "/people");
  }
}
