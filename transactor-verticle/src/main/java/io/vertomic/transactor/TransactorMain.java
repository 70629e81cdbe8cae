package io.vertomic.transactor;

import io.vertomic.cluster.ClusterOptions;
import io.vertomic.cluster.ClusteredVertx;
import io.vertx.core.Deployable;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Starts a transactor with the Vert.x launcher, clustered with {@code cluster-config}'s Hazelcast
 * configuration: {@code java io.vertomic.transactor.TransactorMain -conf transactor.json} (see
 * {@link TransactorOptions}); launcher options such as {@code --cluster-host} pass through.
 */
public final class TransactorMain implements VertxApplicationHooks {
  public static void main(String[] args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("-cluster") && !all.contains("--cluster")) {
      all.add("--cluster");
    }
    int code = new VertxApplication(all.toArray(String[]::new), new TransactorMain()).launch();
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public VertxBuilder createVertxBuilder(VertxOptions options) {
    return ClusteredVertx.builder(options, ClusterOptions.fromProcess());
  }

  @Override
  public Supplier<? extends Deployable> verticleSupplier() {
    return TransactorVerticle::new;
  }
}
