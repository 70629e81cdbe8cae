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
import java.nio.file.Path;

/**
 * The one way Vertomic's processes start a clustered Vert.x: Hazelcast configured as {@link
 * ClusterOptions} say. The event bus listens on 127.0.0.1 unless the options say otherwise, and
 * speaks mutual TLS when the options name a cluster certificate ({@link ClusterTls}).
 *
 * <pre>{@code
 * ClusteredVertx.start(new VertxOptions(), ClusterOptions.DEFAULT).onSuccess(vertx -> ...);
 * }</pre>
 */
public final class ClusteredVertx {
  private ClusteredVertx() {}

  /** Starts a Vert.x that has joined the cluster; fails when it cannot join. */
  public static Future<Vertx> start(VertxOptions options, ClusterOptions cluster) {
    try {
      return builder(options, cluster).buildClustered();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * A builder of such a Vert.x, for the Vert.x launcher's {@code createVertxBuilder} hook; throws
   * when the configuration cannot be read.
   */
  public static VertxBuilder builder(VertxOptions options, ClusterOptions cluster) {
    Config config;
    try {
      config = config(cluster.config());
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("No Hazelcast configuration " + e.getMessage(), e);
    }
    if (cluster.name() != null) {
      config.setClusterName(cluster.name());
    }
    VertxOptions o = new VertxOptions(options);
    if (o.getEventBusOptions().getHost() == null) {
      o.getEventBusOptions().setHost("127.0.0.1");
    }
    if (cluster.tls() != null) {
      ClusterTls.in(Path.of(cluster.tls())).apply(o.getEventBusOptions());
    }
    return Vertx.builder().with(o).withClusterManager(new HazelcastClusterManager(config));
  }

  private static Config config(String where) throws FileNotFoundException {
    File f = new File(where);
    return f.isFile() ? new FileSystemXmlConfig(f) : new ClasspathXmlConfig(where);
  }
}
