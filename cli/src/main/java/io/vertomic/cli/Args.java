package io.vertomic.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one subcommand run, checked against its {@link Usage}: positional arguments in
 * order, and options written {@code --name VALUE}, {@code --name=VALUE} or {@code --name} (a flag).
 * {@code --} ends the options; {@code -} alone is a positional argument (standard input).
 */
final class Args {
  private final List<String> positional;
  private final Map<String, String> options;

  private Args(List<String> positional, Map<String, String> options) {
    this.positional = positional;
    this.options = options;
  }

  /**
   * Parses {@code tokens} (what follows the subcommand's name).
   *
   * @throws UsageException on an unknown option, an option missing its value, or a count of
   *     positional arguments the usage does not allow (unless {@code --help} is present)
   */
  static Args parse(Usage usage, List<String> tokens) {
    Map<String, Option> known = new HashMap<>();
    usage.allOptions().forEach(o -> known.put(o.name(), o));
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new HashMap<>();
    boolean optionsEnded = false;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (optionsEnded || !t.startsWith("--")) {
        positional.add(t);
        continue;
      }
      if (t.equals("--")) {
        optionsEnded = true;
        continue;
      }
      int eq = t.indexOf('=');
      String name = t.substring(2, eq < 0 ? t.length() : eq);
      Option o = known.get(name);
      if (name.equals(Option.SECRET_REFUSED)) {
        throw new UsageException(
            "--secret is refused: a command line is visible to every user of the machine (ps);"
                + " set VERTOMIC_SECRET instead");
      }
      if (o == null) {
        throw new UsageException(
            "unknown option --" + name + " for " + usage.name() + " (see " + helpOf(usage) + ")");
      }
      if (!o.takesValue()) {
        if (eq >= 0) {
          throw new UsageException("option --" + name + " takes no value");
        }
        options.put(name, "true");
      } else if (eq >= 0) {
        options.put(name, t.substring(eq + 1));
      } else if (i + 1 < tokens.size()) {
        options.put(name, tokens.get(++i));
      } else {
        throw new UsageException("option --" + name + " needs a value: " + o.synopsis());
      }
    }
    Args a = new Args(positional, options);
    if (!a.has("help")) {
      int n = positional.size();
      if (n < usage.minArgs() || (usage.maxArgs() >= 0 && n > usage.maxArgs())) {
        throw new UsageException(
            (n < usage.minArgs() ? "missing argument" : "too many arguments")
                + ": vertomic "
                + usage.name()
                + " "
                + usage.arguments()
                + " (see "
                + helpOf(usage)
                + ")");
      }
    }
    return a;
  }

  /** {@code tokens} as positional arguments, but for a {@code --help} among them. */
  static Args unparsed(List<String> tokens) {
    List<String> positional = new ArrayList<>(tokens);
    Map<String, String> options = new HashMap<>();
    if (positional.remove("--help")) {
      options.put("help", "true");
    }
    return new Args(positional, options);
  }

  private static String helpOf(Usage usage) {
    return "vertomic " + usage.name() + " --help";
  }

  /** The positional argument at {@code i}. */
  String get(int i) {
    return positional.get(i);
  }

  /** The positional arguments from {@code from} on. */
  List<String> from(int from) {
    return positional.subList(Math.min(from, positional.size()), positional.size());
  }

  int count() {
    return positional.size();
  }

  boolean has(String option) {
    return options.containsKey(option);
  }

  /** The value of {@code option}, or {@code otherwise} when it was not given. */
  String option(String option, String otherwise) {
    return options.getOrDefault(option, otherwise);
  }

  /**
   * The value of {@code option} as a positive number, or {@code otherwise} when not given.
   *
   * @throws UsageException when it is not a positive whole number
   */
  long positive(String option, long otherwise) {
    String v = options.get(option);
    if (v == null) {
      return otherwise;
    }
    try {
      long n = Long.parseLong(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, as for a number that is not positive
    }
    throw new UsageException("--" + option + " needs a positive whole number, not " + v);
  }
}
