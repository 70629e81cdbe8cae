package io.vertomic.cluster;

import java.util.Map;
import java.util.Properties;

/**
 * How a process joins the cluster: the Hazelcast configuration ({@code cluster.xml}, TCP-IP on
 * 127.0.0.1; {@code cluster-multicast.xml}, {@code cluster-kubernetes.xml} or an operator's own
 * file or class-path resource) and the cluster name over the configuration's (null: the
 * configuration's; tests use their own so they never join another cluster on the machine).
 */
public record ClusterOptions(String config, String name) {
  /** System property: the Hazelcast configuration, a file path or a class-path resource. */
  public static final String CONFIG = "vertomic.cluster.config";

  /** System property: the cluster name, overriding the configuration's. */
  public static final String NAME = "vertomic.cluster.name";

  public static final ClusterOptions DEFAULT = new ClusterOptions("cluster.xml", null);

  public ClusterOptions {
    config = config == null || config.isBlank() ? "cluster.xml" : config;
    name = name == null || name.isBlank() ? null : name;
  }

  /**
   * The options this process starts with: the environment variables {@code VERTOMIC_CLUSTER_CONFIG}
   * and {@code VERTOMIC_CLUSTER_NAME}, with the system properties {@value #CONFIG} and {@value
   * #NAME} over them.
   */
  public static ClusterOptions fromProcess() {
    return from(System.getenv(), System.getProperties());
  }

  /** As {@link #fromProcess}, from the given environment and system properties. */
  public static ClusterOptions from(Map<String, String> env, Properties props) {
    return new ClusterOptions(
        props.getProperty(CONFIG, env.get("VERTOMIC_CLUSTER_CONFIG")),
        props.getProperty(NAME, env.get("VERTOMIC_CLUSTER_NAME")));
  }
}
