package io.vertomic.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A process's cluster options: the environment, with -D flags over it, over the defaults. */
class ClusterOptionsTest {
  @Test
  void withNothingSetAProcessJoinsWithCluster_xmlAndItsName() {
    assertEquals(ClusterOptions.DEFAULT, ClusterOptions.from(Map.of(), new Properties()));
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironmentVariable() {
    Properties props = new Properties();
    props.setProperty(ClusterOptions.NAME, "from-flag");
    ClusterOptions o =
        ClusterOptions.from(
            Map.of(
                "VERTOMIC_CLUSTER_NAME", "from-env",
                "VERTOMIC_CLUSTER_CONFIG", "cluster-multicast.xml"),
            props);
    assertEquals(new ClusterOptions("cluster-multicast.xml", "from-flag"), o);
  }

  @Test
  void theTlsDirectoryComesFromTheEnvironmentAndOffTurnsItOff() {
    ClusterOptions o =
        ClusterOptions.from(Map.of("VERTOMIC_CLUSTER_TLS", "/etc/vertomic/tls"), new Properties());
    assertEquals("/etc/vertomic/tls", o.tls());
    Properties props = new Properties();
    props.setProperty(ClusterOptions.TLS, ClusterOptions.TLS_OFF);
    assertEquals(
        null,
        ClusterOptions.from(Map.of("VERTOMIC_CLUSTER_TLS", "/etc/vertomic/tls"), props).tls());
  }
}
