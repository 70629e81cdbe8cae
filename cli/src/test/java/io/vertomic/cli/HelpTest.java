package io.vertomic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --help} of every subcommand and bad usage, in this JVM (UsageTest runs the same as a user
 * does, in child processes).
 */
class HelpTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        VertomicMain.run(
            args,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "db list", "db create", "db delete", "db rename", "db stats", "transact", "q", "pull",
        "import", "backup", "restore", "list-backups", "verify-backup", "gc", "request-index", "db",
        "access-key add"
      })
  void everySubcommandHasHelp(String subcommand) {
    Run r = run((subcommand + " --help").split(" "));
    String help = r.out();
    assertEquals(0, r.exit(), r.err());
    assertTrue(help.startsWith("usage: vertomic " + subcommand + " "), help);
    assertTrue(help.contains("--help"), help);
    assertTrue(help.contains("exit status: 0 done, 1 failed"), help);
  }

  @Test
  void badUsageIsOneLineAndExitStatusTwo() {
    for (String[] args :
        List.of(
            new String[] {"frobnicate"},
            new String[] {"db", "shrink", "vertomic:mem://x"},
            new String[] {"q", "vertomic:mem://x", "[:find ?e]", "--table"},
            new String[] {"import", "vertomic:mem://x", "f.csv", "--batch", "0"},
            new String[] {"import", "vertomic:mem://x", "f.csv", "--batch"},
            new String[] {"transact", "vertomic:mem://x"},
            new String[] {"db", "create", "ftp://x/y"},
            new String[] {})) {
      Run r = run(args);
      assertEquals(2, r.exit(), String.join(" ", args) + ": " + r);
      assertEquals("", r.out());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("vertomic: "), r.err());
    }
  }
}
