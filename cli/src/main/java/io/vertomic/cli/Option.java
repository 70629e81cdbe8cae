package io.vertomic.cli;

/**
 * An option a subcommand accepts: {@code --name VALUE} when {@code value} names its value, a flag
 * {@code --name} when it is null.
 */
record Option(String name, String value, String help) {
  static Option flag(String name, String help) {
    return new Option(name, null, help);
  }

  static Option valued(String name, String value, String help) {
    return new Option(name, value, help);
  }

  boolean takesValue() {
    return value != null;
  }

  /** How the option is written in help, e.g. {@code --batch N}. */
  String synopsis() {
    return "--" + name + (value == null ? "" : " " + value);
  }

  static final Option HELP = flag("help", "print this help and exit");
  static final Option ACCESS_KEY =
      valued(
          "access-key",
          "KEY",
          "the peer server's access key (default $VERTOMIC_ACCESS_KEY, else dev; the secret is"
              + " $VERTOMIC_SECRET, else dev)");

  /**
   * Not an option: the secret comes from {@code VERTOMIC_SECRET} only, since {@code ps} shows a
   * command line to every user of the machine. Named so that {@code --secret} is refused saying so.
   */
  static final String SECRET_REFUSED = "secret";
}
