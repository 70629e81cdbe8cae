package io.vertomic.transactor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The example extension of docs/extensions.md, built from its source as the document says ({@code
 * javac}, then {@code jar}): the source and its {@code META-INF/services} file are the test
 * resources under {@value #ROOT}, the ones the document shows.
 */
public final class ExampleExtensionJar {
  public static final String ROOT = "extension-example";
  public static final String SOURCE = "com/example/bank/BankExtension.java";
  public static final String SERVICES = "META-INF/services/io.vertomic.tx.Extension";

  private ExampleExtensionJar() {}

  /** The text of the example's file {@code path} (under {@value #ROOT}). */
  public static String resource(String path) throws IOException {
    try (InputStream in =
        ExampleExtensionJar.class.getClassLoader().getResourceAsStream(ROOT + "/" + path)) {
      if (in == null) {
        throw new IOException("no test resource " + ROOT + "/" + path);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** {@code bank.jar} in {@code dir}, compiled against this JVM's class path. */
  public static Path build(Path dir) throws IOException {
    Path src = dir.resolve("src").resolve(SOURCE);
    Files.createDirectories(src.getParent());
    Files.writeString(src, resource(SOURCE));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean ok =
        javac
            .getTask(
                errors,
                null,
                null,
                List.of(
                    "--release",
                    "17",
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    classes.toString()),
                null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(src))
            .call();
    if (!ok) {
      throw new IOException("the example does not compile:\n" + errors);
    }
    Path jar = dir.resolve("bank.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> compiled = Files.walk(classes)) {
      for (Path c : compiled.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(c));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry(SERVICES));
      out.write(resource(SERVICES).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
