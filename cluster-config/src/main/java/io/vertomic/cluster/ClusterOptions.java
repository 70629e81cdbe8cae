package io.vertomic.cluster;

import java.util.Map;
import java.util.Properties;

/**
 * How a process joins the cluster: the Hazelcast configuration ({@code cluster.xml}, TCP-IP on
 * 127.0.0.1; {@code cluster-multicast.xml}, {@code cluster-kubernetes.xml} or an operator's own
 * file or class-path resource), the cluster name over the configuration's (null: the
 * configuration's; tests use their own so they never join another cluster on the machine) and the
 * directory of the cluster certificate that makes the event bus mutual TLS ({@link ClusterTls};
 * null: plain TCP).
 */
public record ClusterOptions(String config, String name, String tls) {
  /** System property: the Hazelcast configuration, a file path or a class-path resource. */
  public static final String CONFIG = "vertomic.cluster.config";

  /** System property: the cluster name, overriding the configuration's. */
  public static final String NAME = "vertomic.cluster.name";

  /**
   * System property: the directory of the cluster certificate ({@link ClusterTls}); {@value
   * #TLS_OFF} or blank for none.
   */
  public static final String TLS = "vertomic.cluster.tls";

  /** The value of {@link #TLS} that asks for a plain-TCP event bus. */
  public static final String TLS_OFF = "off";

  public static final ClusterOptions DEFAULT = new ClusterOptions("cluster.xml", null, null);

  public ClusterOptions {
    config = config == null || config.isBlank() ? "cluster.xml" : config;
    name = name == null || name.isBlank() ? null : name;
    tls = tls == null || tls.isBlank() || tls.trim().equals(TLS_OFF) ? null : tls.trim();
  }

  /** Without TLS. */
  public ClusterOptions(String config, String name) {
    this(config, name, null);
  }

  /**
   * The options this process starts with: the environment variables {@code
   * VERTOMIC_CLUSTER_CONFIG}, {@code VERTOMIC_CLUSTER_NAME} and {@code VERTOMIC_CLUSTER_TLS}, with
   * the system properties {@value #CONFIG}, {@value #NAME} and {@value #TLS} over them.
   */
  public static ClusterOptions fromProcess() {
    return from(System.getenv(), System.getProperties());
  }

  /** As {@link #fromProcess}, from the given environment and system properties. */
  public static ClusterOptions from(Map<String, String> env, Properties props) {
    return new ClusterOptions(
        props.getProperty(CONFIG, env.get("VERTOMIC_CLUSTER_CONFIG")),
        props.getProperty(NAME, env.get("VERTOMIC_CLUSTER_NAME")),
        props.getProperty(TLS, env.get("VERTOMIC_CLUSTER_TLS")));
  }
}
