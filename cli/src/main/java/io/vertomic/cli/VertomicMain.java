package io.vertomic.cli;

import io.vertomic.anomaly.Anomalies;
import io.vertomic.anomaly.Anomaly;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./scripts/vertomic SUBCOMMAND ARGS...}: finds the subcommand, parses its arguments, runs
 * it and turns every failure into one line on stderr and an exit status (docs/cli.md): 0 done, 1
 * failed, 2 bad usage. No stack trace is ever printed.
 */
public final class VertomicMain {
  private VertomicMain() {}

  public static void main(String[] args) {
    // the libraries' logs (Hazelcast's through java.util.logging when joining a transactor's
    // cluster, the drivers' through SLF4J, bound to its no-op backend) would interleave with the
    // tool's own output and break its one-line errors: a command-line tool speaks for itself
    Logger.getLogger("").setLevel(Level.OFF);
    int status = run(args, System.in, System.out, System.err, System.getenv());
    System.out.flush();
    System.exit(status);
  }

  /** Runs {@code args} as {@link #main} does; answers the exit status. */
  public static int run(
      String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    List<String> tokens = Arrays.asList(args);
    String name = tokens.isEmpty() ? "" : tokens.get(0);
    try {
      if (tokens.isEmpty()) {
        throw new UsageException("missing subcommand (see vertomic --help)");
      }
      if (name.equals("--help") || name.equals("help")) {
        Commands.printHelp(out);
        return Exit.OK;
      }
      Commands.Found found = Commands.find(tokens);
      name = found.command().usage().name();
      Args parsed =
          found.command().passesArgumentsThrough()
              ? Args.unparsed(found.rest())
              : Args.parse(found.command().usage(), found.rest());
      if (parsed.has("help")) {
        found.command().usage().printHelp(out);
        return Exit.OK;
      }
      return found.command().run(new Invocation(parsed, in, out, err, env));
    } catch (UsageException e) {
      err.println("vertomic: " + oneLine(e.getMessage()));
      return Exit.USAGE;
    } catch (RuntimeException | Error e) {
      // a fault too (a bug, or the JVM out of memory) is one line: the tool's user cannot act on
      // a stack trace
      Anomaly a = Anomalies.from(e);
      err.println(
          "vertomic "
              + name
              + " failed ("
              + a.category().name().toLowerCase().replace('_', '-')
              + "): "
              + oneLine(a.getMessage()));
      return Exit.FAILED;
    }
  }

  private static String oneLine(String message) {
    return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
