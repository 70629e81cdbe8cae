package io.vertomic.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * One run of a subcommand: its parsed arguments, the streams it reads and prints to (results on
 * {@code out}; progress and failures on {@code err}) and the environment.
 */
record Invocation(
    Args args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {

  /** Opens the target named by positional argument {@code i}; the caller closes it. */
  Target target(int i) {
    return Target.open(args.get(i), Credentials.of(args, env));
  }
}
