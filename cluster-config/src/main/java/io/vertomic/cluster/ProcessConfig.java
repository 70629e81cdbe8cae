package io.vertomic.cluster;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;

/**
 * The configuration of a Vertomic process (transactor, peer server): the launcher's {@code -conf}
 * JSON, with environment variables over it, and {@code -D} system properties ({@code vertomic.KEY})
 * over those, so one file serves many machines and a variable or a flag changes one setting.
 * Immutable.
 *
 * <pre>{@code
 * ProcessConfig c = ProcessConfig.of(config(), System.getenv(), System.getProperties())
 *     .override("port", "VERTOMIC_PORT");
 * int port = (int) c.positive("port", 8998);
 * }</pre>
 */
public final class ProcessConfig {
  private final JsonObject values;
  private final Map<String, String> env;
  private final Properties props;

  private ProcessConfig(JsonObject values, Map<String, String> env, Properties props) {
    this.values = values;
    this.env = env;
    this.props = props;
  }

  /** The configuration {@code config} (null: empty), with {@code env} for the overrides. */
  public static ProcessConfig of(JsonObject config, Map<String, String> env) {
    return of(config, env, new Properties());
  }

  /**
   * The configuration {@code config} (null: empty), with {@code env} and then the system properties
   * {@code props} for the overrides.
   */
  public static ProcessConfig of(JsonObject config, Map<String, String> env, Properties props) {
    return new ProcessConfig(config == null ? new JsonObject() : config.copy(), env, props);
  }

  /**
   * This configuration with {@code key} taken from the variable {@code var} when it is set, and
   * from the system property {@code vertomic.KEY} when that is.
   */
  public ProcessConfig override(String key, String var) {
    String v = props.getProperty("vertomic." + key, env.get(var));
    if (v == null || v.isBlank()) {
      return this;
    }
    JsonObject copy = values.copy().put(key, v);
    return new ProcessConfig(copy, env, props);
  }

  /** The text of {@code key}, or {@code fallback} when absent. */
  public String string(String key, String fallback) {
    Object v = values.getValue(key);
    return v == null ? fallback : v.toString();
  }

  /**
   * The switch at {@code key} (a JSON boolean, or the text {@code true} or {@code false} as an
   * environment variable gives it), or {@code fallback} when absent. Fails with {@link
   * IllegalArgumentException} naming the key for anything else.
   */
  public boolean bool(String key, boolean fallback) {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(key + " must be true or false, not '" + v + "'");
    };
  }

  /**
   * The number at {@code key}, or {@code fallback} when absent. Fails with {@link
   * IllegalArgumentException} naming the key when it is not a positive whole number.
   */
  public long positive(String key, long fallback) {
    return atLeast(key, 1, fallback);
  }

  /**
   * The number at {@code key}, or {@code fallback} when absent. Fails with {@link
   * IllegalArgumentException} naming the key when it is not a whole number of at least {@code min}.
   */
  public long atLeast(String key, long min, long fallback) {
    String v = string(key, null);
    long n;
    try {
      n = v == null ? fallback : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'");
    }
    if (n < min) {
      throw new IllegalArgumentException(key + " must be at least " + min + ", not " + n);
    }
    return n;
  }

  /**
   * The jar files listed at {@code key}, separated by the platform's path separator ({@code :} or
   * {@code ;}), as absolute paths in their order; empty when absent. Relative paths are against the
   * working directory. Fails with {@link IllegalArgumentException} naming the key and the path when
   * one is not a file or not a readable jar, so a process never starts without code it was told to
   * load.
   */
  public List<Path> jars(String key) {
    String v = string(key, "");
    List<Path> jars = new ArrayList<>();
    for (String entry : v.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path jar = Path.of(entry.trim()).toAbsolutePath().normalize();
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException(key + ": " + jar + " is not a file");
      }
      try (JarFile open = new JarFile(jar.toFile())) {
        jars.add(jar);
      } catch (IOException | SecurityException e) {
        throw new IllegalArgumentException(
            key + ": " + jar + " is not a readable jar (" + e.getMessage() + ")");
      }
    }
    return List.copyOf(jars);
  }
}
