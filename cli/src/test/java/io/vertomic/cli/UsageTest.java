package io.vertomic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --help}, and bad usage answered with one line and exit status 2. */
@Tag("slow") // child JVMs
class UsageTest {
  @TempDir static Path dir;

  static final List<String> SUBCOMMANDS =
      List.of(
          "db list",
          "db create",
          "db delete",
          "db rename",
          "db stats",
          "transact",
          "q",
          "pull",
          "import",
          "backup",
          "restore",
          "list-backups",
          "verify-backup",
          "gc",
          "request-index");

  private static void failsOneLine(Vertomic.Run r, String err) {
    assertEquals(2, r.exit(), r.toString());
    assertEquals("", r.out());
    assertEquals(List.of(err), r.err().lines().toList());
  }

  @Test
  void helpListsEverySubcommandAndTheExitStatuses() {
    Vertomic.Run r = new Vertomic(dir).run("--help");
    assertEquals(0, r.exit(), r.toString());
    for (String s : SUBCOMMANDS) {
      assertTrue(r.out().contains("\n  " + s + " "), s + " in\n" + r.out());
    }
    assertTrue(r.out().contains("exit status: 0 done, 1 failed"), r.out());
  }

  @Test
  void anUnknownSubcommandIsBadUsage() {
    failsOneLine(
        new Vertomic(dir).run("frobnicate", "x"),
        "vertomic: unknown subcommand 'frobnicate' (see vertomic --help)");
  }

  @Test
  void anUnknownOptionIsBadUsage() {
    failsOneLine(
        new Vertomic(dir).run("q", "vertomic:dev://localhost:4334/x", "[:find]", "--table"),
        "vertomic: unknown option --table for q (see vertomic q --help)");
  }

  @Test
  void aMissingArgumentIsBadUsage() {
    failsOneLine(
        new Vertomic(dir).run("pull", "vertomic:dev://localhost:4334/x", "[*]"),
        "vertomic: missing argument: vertomic pull TARGET SELECTOR EID (see vertomic pull --help)");
  }

  @Test
  void noSubcommandIsBadUsage() {
    failsOneLine(new Vertomic(dir).run(), "vertomic: missing subcommand (see vertomic --help)");
  }
}
