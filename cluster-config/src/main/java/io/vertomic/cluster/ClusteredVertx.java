package io.vertomic.cluster;

import com.hazelcast.config.ClasspathXmlConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.File;
import java.io.FileNotFoundException;

/**
 * The one way Vertomic's processes start a clustered Vert.x: Hazelcast configured from {@code
 * cluster.xml} (TCP-IP on 127.0.0.1), or from the file or class-path resource named by the system
 * property {@value #CONFIG} ({@code cluster-multicast.xml}, {@code cluster-kubernetes.xml} or an
 * operator's own), with the cluster name from {@value #NAME} when set (tests use their own, so they
 * never join another cluster on the machine). The event bus listens on 127.0.0.1 unless the options
 * say otherwise.
 *
 * <pre>{@code ClusteredVertx.start(new VertxOptions()).onSuccess(vertx -> ...);}</pre>
 */
public final class ClusteredVertx {
  /** System property: the Hazelcast configuration, a file path or a class-path resource. */
  public static final String CONFIG = "vertomic.cluster.config";

  /** System property: the cluster name, overriding the configuration's. */
  public static final String NAME = "vertomic.cluster.name";

  private ClusteredVertx() {}

  /** Starts a Vert.x that has joined the cluster; fails when it cannot join. */
  public static Future<Vertx> start(VertxOptions options) {
    try {
      return builder(options).buildClustered();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * A builder of such a Vert.x, for the Vert.x launcher's {@code createVertxBuilder} hook; throws
   * when the configuration cannot be read.
   */
  public static VertxBuilder builder(VertxOptions options) {
    Config config;
    try {
      config = config(System.getProperty(CONFIG, "cluster.xml"));
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("No Hazelcast configuration " + e.getMessage(), e);
    }
    String name = System.getProperty(NAME);
    if (name != null) {
      config.setClusterName(name);
    }
    VertxOptions o = new VertxOptions(options);
    if (o.getEventBusOptions().getHost() == null) {
      o.getEventBusOptions().setHost("127.0.0.1");
    }
    return Vertx.builder().with(o).withClusterManager(new HazelcastClusterManager(config));
  }

  private static Config config(String where) throws FileNotFoundException {
    File f = new File(where);
    return f.isFile() ? new FileSystemXmlConfig(f) : new ClasspathXmlConfig(where);
  }
}
