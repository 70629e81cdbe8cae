package io.vertomic.transactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transactor's config: a classpath of jars it can read, or no start. */
class TransactorOptionsTest {
  private static final JsonObject BASE = new JsonObject().put("storage", "vertomic:dev://h:1/*");

  @TempDir Path dir;

  @Test
  void noClasspathKeyLoadsNoJars() {
    assertEquals(List.of(), TransactorOptions.from(BASE, Map.of()).classpath());
  }

  @Test
  void aClasspathJarThatDoesNotExistIsIncorrectNamingIt() {
    Path missing = dir.resolve("bank.jar");
    Anomaly a =
        assertThrows(
            Anomaly.class,
            () ->
                TransactorOptions.from(BASE.copy().put("classpath", missing.toString()), Map.of()));
    assertEquals(Category.INCORRECT, a.category());
    assertEquals(Keyword.of("vertomic.error/invalid-config"), a.code());
    assertEquals("Bad transactor config: classpath: " + missing + " is not a file", a.getMessage());
    a =
        assertThrows(
            Anomaly.class,
            () -> TransactorOptions.from(BASE, Map.of("VERTOMIC_EXTENSIONS", missing.toString())));
    assertTrue(a.getMessage().contains(missing.toString()), a.getMessage());
  }
}
