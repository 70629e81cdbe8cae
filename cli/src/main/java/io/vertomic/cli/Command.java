package io.vertomic.cli;

/**
 * One subcommand of the tool. {@link #run} answers the exit status, or throws: an {@link
 * io.vertomic.anomaly.Anomaly} (exit 1) or a {@link UsageException} (exit 2), which {@link
 * VertomicMain} prints as one line.
 */
interface Command {
  Usage usage();

  int run(Invocation invocation);

  /**
   * True when the tokens after the name reach {@link #run} as positional arguments unparsed (except
   * a {@code --help}), because another tool reads them.
   */
  default boolean passesArgumentsThrough() {
    return false;
  }
}
