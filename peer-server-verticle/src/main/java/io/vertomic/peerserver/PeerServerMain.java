package io.vertomic.peerserver;

import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.function.Supplier;

/**
 * Starts a peer server with the Vert.x launcher: {@code java io.vertomic.peerserver.PeerServerMain
 * -conf peer-server.json} (see {@link PeerServerOptions}), with Vert.x's Micrometer metrics on. The
 * server's own Vert.x is not clustered: the peer library joins the transactor's cluster by itself
 * when a database it connects to is served by one.
 */
public final class PeerServerMain implements VertxApplicationHooks {
  public static void main(String[] args) {
    int code = new VertxApplication(args, new PeerServerMain()).launch();
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public VertxBuilder createVertxBuilder(VertxOptions options) {
    options.setMetricsOptions(
        new MicrometerMetricsOptions()
            .setEnabled(true)
            .setJvmMetricsEnabled(true)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory());
  }

  @Override
  public Supplier<? extends Deployable> verticleSupplier() {
    return PeerServerVerticle::new;
  }
}
