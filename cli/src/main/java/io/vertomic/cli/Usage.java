package io.vertomic.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a subcommand is called, which arguments and options it takes, and its help text. {@code
 * arguments} is the synopsis of the positional arguments ({@code "TARGET FILE|-"}), of which there
 * are {@code minArgs} to {@code maxArgs} ({@code -1}: no limit). Commands that open a target also
 * accept the credential options, and every one {@code --help}.
 */
record Usage(
    String name,
    String arguments,
    String summary,
    String details,
    int minArgs,
    int maxArgs,
    boolean opensTarget,
    List<Option> options) {

  /** Every option accepted: the command's own, then the credentials, then {@code --help}. */
  List<Option> allOptions() {
    List<Option> all = new ArrayList<>(options);
    if (opensTarget) {
      all.add(Option.ACCESS_KEY);
    }
    all.add(Option.HELP);
    return all;
  }

  void printHelp(PrintStream out) {
    out.println("usage: vertomic " + name + " " + arguments + " [options]");
    out.println();
    out.println(summary);
    if (!details.isEmpty()) {
      out.println();
      out.println(details.strip());
    }
    if (opensTarget) {
      out.println();
      out.println(TARGETS);
    }
    out.println();
    out.println("options:");
    for (Option o : allOptions()) {
      out.printf("  %-22s %s%n", o.synopsis(), o.help());
    }
    out.println();
    out.println(EXIT_STATUS);
  }

  static final String TARGETS =
      """
      TARGET is a storage URI, used as a peer in this process
        (vertomic:dev://localhost:4334/NAME, vertomic:sql://NAME?postgresql://..., ...),
      or a peer server URL with the database name as its path, used as a client
        (http://127.0.0.1:8998/NAME); a * as the name means every database (db list).""";

  static final String EXIT_STATUS =
      "exit status: 0 done, 1 failed (the anomaly's category and message on one line),"
          + " 2 bad usage";
}
