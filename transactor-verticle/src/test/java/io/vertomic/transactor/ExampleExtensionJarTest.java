package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import io.vertx.core.Future;
import io.vertx.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example extension of docs/extensions.md, built into a jar from its source and named only by
 * the transactor's {@code classpath} config key (the jar is on no JVM's class path): the transactor
 * runs its function and its predicate for a peer that has neither.
 */
@Tag("slow") // child JVMs
class ExampleExtensionJarTest extends MultiProcessTest {
  private static final String SCHEMA =
      "[{:db/ident :account/id :db/valueType :db.type/string :db/cardinality"
          + " :db.cardinality/one :db/unique :db.unique/identity}"
          + " {:db/ident :account/balance :db/valueType :db.type/long :db/cardinality"
          + " :db.cardinality/one :db.attr/preds bank/non-negative?}]";

  @TempDir Path dir;

  @Test
  void theDocumentShowsTheExampleAsTheTestBuildsIt() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "extensions.md"));
    String source = ExampleExtensionJar.resource(ExampleExtensionJar.SOURCE);
    String services = ExampleExtensionJar.resource(ExampleExtensionJar.SERVICES);
    assertTrue(doc.contains("```java\n" + source + "```\n"), "the source, as the resource has it");
    assertTrue(doc.contains("```\n" + services + "```\n"), "the services file");
    assertTrue(doc.contains(ExampleExtensionJar.ROOT), "where the files are");
  }

  @Test
  void aTransactorRunsTheFunctionsAndPredicatesOfTheJarsItsClasspathKeyNames() throws Exception {
    Path jar = ExampleExtensionJar.build(dir);
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("com.example.bank.BankExtension"),
        "the jar is not on this JVM's class path (nor on the transactor's: it has this one's)");
    String cluster = "ext-jar-" + UUID.randomUUID();
    String system = Systems.devSystem();
    String uri = system.replace("*", "ext-jar-" + UUID.randomUUID().toString().substring(0, 8));
    assertTrue(Peer.createDatabase(uri));
    ChildJvm transactor =
        kept(
            Systems.transactor(
                cluster,
                system,
                5000,
                "\"txTimeoutMillis\": 10000, \"classpath\": " + Json.encode(jar.toString())));
    transactor.await(l -> l.contains(" active epoch "), 120, "transactor activation");
    System.setProperty("vertomic.cluster.name", cluster);
    try {
      Connection conn = Peer.connect(uri);
      assertEquals("RemoteConnection", conn.getClass().getSimpleName());
      await(conn.transact(SCHEMA));
      await(conn.transact("[{:account/id \"alice\" :account/balance 100}]"));
      Anomaly local =
          assertThrows(
              Anomaly.class,
              () -> conn.db().with("[[bank/deposit [:account/id \"alice\"] 50]]"),
              "this peer has no extension registering bank/deposit");
      assertEquals(Keyword.of("db.error/not-a-data-function"), local.code());

      TxReport deposit = await(conn.transact("[[bank/deposit [:account/id \"alice\"] 50]]"));
      assertEquals(150L, balance(deposit, "alice"));

      Anomaly unknown = refused(conn.transact("[[bank/withdraw [:account/id \"alice\"] 50]]"));
      assertEquals(Category.INCORRECT, unknown.category());
      assertEquals(Keyword.of("db.error/not-a-data-function"), unknown.code());
      assertTrue(unknown.getMessage().contains("bank/withdraw"), unknown.getMessage());

      Anomaly negative = refused(conn.transact("[{:account/id \"bob\" :account/balance -5}]"));
      assertEquals(Category.INCORRECT, negative.category());
      assertEquals(Keyword.of("db.error/attr-pred"), negative.code());
      assertTrue(negative.getMessage().contains("bank/non-negative?"), negative.getMessage());
      Anomaly overdrawn = refused(conn.transact("[[bank/deposit [:account/id \"alice\"] -500]]"));
      assertEquals(Keyword.of("db.error/attr-pred"), overdrawn.code());
      assertEquals(150L, conn.db().entity(List.of(":account/id", "alice")).get(":account/balance"));
    } finally {
      System.clearProperty("vertomic.cluster.name");
    }
  }

  @Test
  void aTransactorWhoseClasspathKeyNamesNoJarDoesNotStart() throws Exception {
    Path missing = dir.resolve("missing.jar");
    ChildJvm transactor =
        kept(
            Systems.transactor(
                "ext-jar-" + UUID.randomUUID(),
                Systems.devSystem(),
                5000,
                "\"classpath\": " + Json.encode(missing.toString())));
    transactor.await(l -> l.contains(missing.toString()), 120, "the refusal naming the jar");
    assertTrue(transactor.awaitExit(60) != 0, "a failed start exits with an error");
    assertTrue(
        transactor.output().stream().noneMatch(l -> l.startsWith("vertomic-transactor ")),
        "never standby nor active: " + transactor.output());
  }

  private static long balance(TxReport r, String account) {
    return (Long) r.dbAfter().entity(List.of(":account/id", account)).get(":account/balance");
  }

  private static TxReport await(Future<TxReport> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static Anomaly refused(Future<TxReport> f) throws Exception {
    try {
      await(f);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Anomaly a) {
        return a;
      }
      throw e;
    }
    throw new AssertionError("accepted");
  }
}
