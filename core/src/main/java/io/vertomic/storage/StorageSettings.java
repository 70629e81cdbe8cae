package io.vertomic.storage;

import java.util.Map;
import java.util.Properties;

/**
 * What a process tells its storage backends beyond a URI: the directory under which the dev storage
 * keeps {@code vertomic:dev://HOST:PORT/...} as {@code HOST_PORT} (default {@code data}).
 */
public record StorageSettings(String dataDir) {
  /**
   * System property: the dev storage's directory, over the environment's {@code VERTOMIC_DATA_DIR}.
   */
  public static final String DATA_DIR = "vertomic.dev.dir";

  public static final StorageSettings DEFAULT = new StorageSettings("data");

  public StorageSettings {
    dataDir = dataDir == null || dataDir.isBlank() ? "data" : dataDir;
  }

  /**
   * The settings this process starts with: {@code VERTOMIC_DATA_DIR}, with {@value #DATA_DIR} over
   * it.
   */
  public static StorageSettings fromProcess() {
    return from(System.getenv(), System.getProperties());
  }

  /** As {@link #fromProcess}, from the given environment and system properties. */
  public static StorageSettings from(Map<String, String> env, Properties props) {
    return new StorageSettings(props.getProperty(DATA_DIR, env.get("VERTOMIC_DATA_DIR")));
  }
}
