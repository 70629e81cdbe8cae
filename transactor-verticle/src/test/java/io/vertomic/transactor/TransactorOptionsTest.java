package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transactor's config file with environment variables over it: the database functions switch,
 * the metrics port, and a classpath of jars it can read, or no start.
 */
class TransactorOptionsTest {
  private static final JsonObject STORAGE =
      new JsonObject().put("storage", "vertomic:dev://127.0.0.1:4334/*");

  @Test
  void databaseFunctionsAreOffUnlessTheConfigOrTheEnvironmentTurnsThemOn() {
    assertFalse(TransactorOptions.from(STORAGE, Map.of()).databaseFunctions());
    assertTrue(
        TransactorOptions.from(STORAGE.copy().put("databaseFunctions", true), Map.of())
            .databaseFunctions());
    assertTrue(
        TransactorOptions.from(STORAGE, Map.of("VERTOMIC_DATABASE_FUNCTIONS", "true"))
            .databaseFunctions());
    assertFalse(
        TransactorOptions.from(
                STORAGE.copy().put("databaseFunctions", true),
                Map.of("VERTOMIC_DATABASE_FUNCTIONS", "false"))
            .databaseFunctions());
  }

  @Test
  void aSwitchThatIsNeitherTrueNorFalseIsRefusedNamingTheKey() {
    Anomaly a =
        assertThrows(
            Anomaly.class,
            () -> TransactorOptions.from(STORAGE.copy().put("databaseFunctions", "yes"), Map.of()));
    assertEquals(Category.INCORRECT, a.category());
    assertTrue(a.getMessage().contains("databaseFunctions must be true or false"), a.getMessage());
  }

  @Test
  void theMetricsPortIs8999UnlessTheConfigOrTheEnvironmentSaysAnother() {
    assertEquals(8999, TransactorOptions.from(STORAGE, Map.of()).metricsPort());
    assertEquals(
        0, TransactorOptions.from(STORAGE.copy().put("metricsPort", 0), Map.of()).metricsPort());
    assertEquals(
        9100,
        TransactorOptions.from(
                STORAGE.copy().put("metricsPort", 0), Map.of("VERTOMIC_METRICS_PORT", "9100"))
            .metricsPort());
    for (Object bad : List.of(-1, 70_000, "http")) {
      Anomaly a =
          assertThrows(
              Anomaly.class,
              () -> TransactorOptions.from(STORAGE.copy().put("metricsPort", bad), Map.of()));
      assertEquals(Category.INCORRECT, a.category());
      assertTrue(a.getMessage().contains("metricsPort"), a.getMessage());
    }
  }

  @TempDir Path dir;

  @Test
  void noClasspathKeyLoadsNoJars() {
    assertEquals(List.of(), TransactorOptions.from(STORAGE, Map.of()).classpath());
  }

  @Test
  void aClasspathJarThatDoesNotExistIsIncorrectNamingIt() {
    Path missing = dir.resolve("bank.jar");
    Anomaly a =
        assertThrows(
            Anomaly.class,
            () ->
                TransactorOptions.from(
                    STORAGE.copy().put("classpath", missing.toString()), Map.of()));
    assertEquals(Category.INCORRECT, a.category());
    assertEquals(Keyword.of("vertomic.error/invalid-config"), a.code());
    assertEquals("Bad transactor config: classpath: " + missing + " is not a file", a.getMessage());
    a =
        assertThrows(
            Anomaly.class,
            () ->
                TransactorOptions.from(STORAGE, Map.of("VERTOMIC_EXTENSIONS", missing.toString())));
    assertTrue(a.getMessage().contains(missing.toString()), a.getMessage());
  }

  @Test
  void aDashDFlagWinsOverTheEnvironmentWhichWinsOverTheFile() {
    Properties flags = new Properties();
    flags.setProperty("vertomic.txQueueMax", "30");
    TransactorOptions o =
        TransactorOptions.from(
            STORAGE.copy().put("txQueueMax", 10).put("leaseMillis", 1000),
            Map.of("VERTOMIC_TX_QUEUE_MAX", "20", "VERTOMIC_LEASE_MILLIS", "2000"),
            flags);
    assertEquals(30, o.txQueueMax());
    assertEquals(2000, o.leaseMillis());
  }
}
