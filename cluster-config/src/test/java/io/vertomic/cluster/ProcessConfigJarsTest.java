package io.vertomic.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list of jars in a process's config: every path a readable jar, or the key and the path named.
 */
class ProcessConfigJarsTest {
  @TempDir Path dir;

  private static List<Path> jars(String value, Map<String, String> env) {
    return ProcessConfig.of(new JsonObject().put("classpath", value), env)
        .override("classpath", "VERTOMIC_EXTENSIONS")
        .jars("classpath");
  }

  private Path jar(String name) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      // an empty jar is a jar
    }
    return jar;
  }

  @Test
  void listsTheJarsInTheirOrderSeparatedByThePathSeparator() throws IOException {
    Path a = jar("a.jar");
    Path b = jar("b.jar");
    assertEquals(List.of(a, b), jars(a + File.pathSeparator + b, Map.of()));
    assertEquals(List.of(), ProcessConfig.of(null, Map.of()).jars("classpath"), "none: empty");
    assertEquals(List.of(b), jars(a.toString(), Map.of("VERTOMIC_EXTENSIONS", b.toString())));
  }

  @Test
  void refusesAPathThatIsNoFileNamingIt() throws IOException {
    Path a = jar("a.jar");
    Path missing = dir.resolve("missing.jar");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> jars(a + File.pathSeparator + missing, Map.of()));
    assertEquals("classpath: " + missing + " is not a file", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> jars(dir.toString(), Map.of()));
    assertEquals("classpath: " + dir + " is not a file", e.getMessage());
  }

  @Test
  void refusesAFileThatIsNoJarNamingIt() throws IOException {
    Path text = Files.writeString(dir.resolve("bank.jar"), "not a zip");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> jars(text.toString(), Map.of()));
    assertTrue(
        e.getMessage().startsWith("classpath: " + text + " is not a readable jar"), e.getMessage());
  }
}
