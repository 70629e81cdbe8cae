package io.vertomic.cli;

import java.util.Map;

/**
 * The access key and secret a client shows a peer server: the options, else the environment ({@code
 * VERTOMIC_ACCESS_KEY}, {@code VERTOMIC_SECRET}), else {@code dev}/{@code dev} as {@code
 * ./scripts/dev} starts it. Never printed.
 */
record Credentials(String accessKey, String secret) {
  static Credentials of(Args args, Map<String, String> env) {
    return new Credentials(
        args.option("access-key", env.getOrDefault("VERTOMIC_ACCESS_KEY", "dev")),
        args.option("secret", env.getOrDefault("VERTOMIC_SECRET", "dev")));
  }

  @Override
  public String toString() {
    return "Credentials[accessKey=" + accessKey + ", secret=***]";
  }
}
