package io.vertomic.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./scripts/vertomic} as a user does, in a child JVM on this test's class path, with
 * {@code VERTOMIC_DATA_DIR} set to a test's directory (where {@code vertomic:dev://} databases
 * live), and answers its exit status, stdout and stderr.
 */
final class Vertomic {
  private static final Path SCRIPT = Path.of("..", "scripts", "vertomic").toAbsolutePath();

  private final Path dataDir;

  Vertomic(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** What one run printed and answered. */
  record Run(int exit, String out, String err) {
    /** Stderr's lines but the progress bar's (redrawn after a carriage return). */
    List<String> errLines() {
      return err.lines().filter(l -> !l.isEmpty() && !l.startsWith("[")).toList();
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  Run run(String... args) {
    return runWithInput(null, Map.of(), args);
  }

  Run runWithInput(String stdin, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(SCRIPT.toString());
    cmd.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(dataDir, "out", ".txt");
      Path err = Files.createTempFile(dataDir, "err", ".txt");
      ProcessBuilder b =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
      b.environment().put("VERTOMIC_CLASSPATH", System.getProperty("java.class.path"));
      b.environment().put("VERTOMIC_DATA_DIR", dataDir.toString());
      b.environment().put("VERTOMIC_JAVA_OPTS", "-Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
      b.environment().remove("VERTOMIC_ACCESS_KEY");
      b.environment().remove("VERTOMIC_SECRET");
      b.environment().putAll(env);
      if (stdin == null) {
        b.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      }
      Process p = b.start();
      if (stdin != null) {
        try (var in = p.getOutputStream()) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("vertomic " + String.join(" ", args) + " did not end");
      }
      Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
