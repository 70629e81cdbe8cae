package io.vertomic.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extensions a process loads besides its classpath's (its config's jars): each registers once
 * whoever finds it, and one that does not load is refused naming it.
 */
class ExtensionsLoadTest {
  @TempDir Path dir;

  // a jar holding only a services file that lists classes
  private Path jarListing(String name, String... classes) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("META-INF/services/" + Extension.class.getName()));
      out.write((String.join("\n", classes) + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  @Test
  void anExtensionTheJarsListRegistersOnceHoweverOftenItIsFound() throws IOException {
    assertNull(Extensions.txFunction("vertomic.counting/nothing"), "not on the classpath");
    Path a = jarListing("a.jar", CountingExtension.class.getName());
    Path b = jarListing("b.jar", CountingExtension.class.getName());
    Registry r = Extensions.loadJars(List.of(a, b));
    assertSame(Extensions.registry(), r);
    assertNotNull(Extensions.txFunction("vertomic.counting/nothing"));
    Extensions.loadJars(List.of(b));
    Extensions.load(getClass().getClassLoader());
    assertEquals(1, CountingExtension.REGISTRATIONS.get());
    assertNotNull(Extensions.txFunction("vertomic.test/named"), "the classpath's still there");
  }

  @Test
  void anExtensionClassThatDoesNotLoadIsIncorrectNamingIt() throws IOException {
    Path jar = jarListing("bad.jar", "com.example.Missing");
    Anomaly a = assertThrows(Anomaly.class, () -> Extensions.loadJars(List.of(jar)));
    assertEquals(Category.INCORRECT, a.category());
    assertEquals(Keyword.of("vertomic.error/invalid-config"), a.code());
    assertTrue(a.getMessage().contains("com.example.Missing"), a.getMessage());
    assertTrue(a.getMessage().contains(jar.toString()), a.getMessage());
  }

  @Test
  void noJarsLoadNothing() {
    assertSame(Extensions.registry(), Extensions.loadJars(List.of()));
  }
}
