package io.vertomic.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every subcommand of the tool, by name ({@code "db list"} for the two-word ones), and its help.
 */
final class Commands {
  private Commands() {}

  private static final List<Command> ALL =
      List.of(
          new DbList(),
          new DbCreate(),
          new DbDelete(),
          new DbRename(),
          new DbStats(),
          new TransactCommand(),
          new QueryCommand(),
          new PullCommand(),
          new ImportCommand(),
          new BackupCommand(BackupCommand.BACKUP),
          new BackupCommand(BackupCommand.RESTORE),
          new BackupCommand(BackupCommand.LIST_BACKUPS),
          new BackupCommand(BackupCommand.VERIFY_BACKUP),
          new GcCommand(),
          new RequestIndexCommand(),
          new AccessKeyAdd());

  private static final Map<String, Command> BY_NAME = new LinkedHashMap<>();

  static {
    ALL.forEach(c -> BY_NAME.put(c.usage().name(), c));
  }

  /** A subcommand and the tokens after its name. */
  record Found(Command command, List<String> rest) {}

  /**
   * The subcommand {@code tokens} start with.
   *
   * @throws UsageException when there is none of that name
   */
  static Found find(List<String> tokens) {
    String first = tokens.get(0);
    if (first.equals("db")) {
      if (tokens.size() == 1 || tokens.get(1).startsWith("--")) {
        return new Found(new DbGroup(), tokens.subList(1, tokens.size()));
      }
      Command c = BY_NAME.get("db " + tokens.get(1));
      if (c == null) {
        throw unknown("db " + tokens.get(1));
      }
      return new Found(c, tokens.subList(2, tokens.size()));
    }
    if (first.equals("access-key")) {
      // one subcommand so far: its help stands for the group's
      boolean named = tokens.size() > 1 && !tokens.get(1).startsWith("--");
      Command c = BY_NAME.get(named ? "access-key " + tokens.get(1) : "access-key add");
      if (c == null) {
        throw unknown("access-key " + tokens.get(1));
      }
      return new Found(c, tokens.subList(named ? 2 : 1, tokens.size()));
    }
    Command c = BY_NAME.get(first);
    if (c == null || first.contains(" ")) {
      throw unknown(first);
    }
    return new Found(c, tokens.subList(1, tokens.size()));
  }

  private static UsageException unknown(String name) {
    return new UsageException("unknown subcommand '" + name + "' (see vertomic --help)");
  }

  /** The summaries of the subcommands whose names start with {@code prefix}. */
  static void printSummaries(PrintStream out, String prefix) {
    for (Command c : ALL) {
      Usage u = c.usage();
      if (u.name().startsWith(prefix)) {
        out.printf("  %-30s %s%n", u.name() + " " + u.arguments(), u.summary());
      }
    }
  }

  static void printHelp(PrintStream out) {
    out.println("usage: vertomic SUBCOMMAND ARGS... [options]");
    out.println();
    out.println("Administers, queries and loads Vertomic databases (docs/cli.md).");
    out.println();
    out.println("subcommands:");
    printSummaries(out, "");
    out.println();
    out.println(Usage.TARGETS);
    out.println();
    out.println("vertomic SUBCOMMAND --help tells more of each.");
    out.println(Usage.EXIT_STATUS);
  }
}
