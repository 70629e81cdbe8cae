package io.vertomic.cli;

import java.util.Map;

/**
 * The access key and secret a client shows a peer server: the key from {@code --access-key}, else
 * {@code VERTOMIC_ACCESS_KEY}; the secret from {@code VERTOMIC_SECRET} only (never a command line,
 * which {@code ps} shows); each else {@code dev} as {@code ./scripts/dev} starts it. Never printed.
 */
record Credentials(String accessKey, String secret) {
  static Credentials of(Args args, Map<String, String> env) {
    return new Credentials(
        args.option("access-key", env.getOrDefault("VERTOMIC_ACCESS_KEY", "dev")),
        env.getOrDefault("VERTOMIC_SECRET", "dev"));
  }

  @Override
  public String toString() {
    return "Credentials[accessKey=" + accessKey + ", secret=***]";
  }
}
