package io.vertomic.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hazelcast.config.ClasspathXmlConfig;
import com.hazelcast.config.Config;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every shipped cluster configuration is a valid Hazelcast configuration of cluster vertomic. */
class ClusterConfigsTest {
  @ParameterizedTest
  @ValueSource(strings = {"cluster.xml", "cluster-multicast.xml", "cluster-kubernetes.xml"})
  void parsesAsAHazelcastConfigurationOfTheVertomicCluster(String resource) {
    Config config = new ClasspathXmlConfig(resource);
    assertEquals("vertomic", config.getClusterName());
  }
}
