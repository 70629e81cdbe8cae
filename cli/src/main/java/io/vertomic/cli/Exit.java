package io.vertomic.cli;

/** The exit statuses of the tool, the same as {@code BackupMain}'s (docs/cli.md). */
final class Exit {
  /** Done. */
  static final int OK = 0;

  /** Failed: the anomaly's category and message were printed on one line. */
  static final int FAILED = 1;

  /** Bad usage: unknown subcommand or option, missing or extra argument; nothing was changed. */
  static final int USAGE = 2;

  private Exit() {}
}
