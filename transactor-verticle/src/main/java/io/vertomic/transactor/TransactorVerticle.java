package io.vertomic.transactor;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertomic.cluster.bus.Addresses;
import io.vertomic.cluster.bus.Lease;
import io.vertomic.peer.Peer;
import io.vertomic.peer.PeerOptions;
import io.vertomic.peer.impl.TransactorEndpoint;
import io.vertomic.tx.Extensions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The transactor: keeps the lease of its storage (see {@link LeaseKeeper}) and, while it holds it,
 * takes every database's transactions at the lease's event-bus address. A transactor that starts
 * while another holds the lease is a standby. Prints one line per change of role, for operators and
 * for the tests that watch it: {@code vertomic-transactor OWNER active epoch N} and {@code ...
 * standby} / {@code ... lost epoch N}, and first {@code ... metrics on http://127.0.0.1:PORT},
 * where {@link MetricsServer} answers {@code /health} and {@code /metrics} (every meter of the
 * process: the engine's, the lease's, the JVM's).
 */
public final class TransactorVerticle extends VerticleBase {
  private final String owner = UUID.randomUUID().toString();
  private TransactorEndpoint endpoint;
  private LeaseKeeper keeper;
  private HttpServer metricsServer;
  // the lease held, for /health; null while standby
  private volatile Lease held;

  @Override
  public Future<?> start() {
    TransactorOptions o;
    try {
      o = TransactorOptions.from(config(), System.getenv(), System.getProperties());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    // the writers of this process's peer library are the transactor's: one transactor per process
    PeerOptions engine =
        Peer.options()
            .setTxQueueMax(o.txQueueMax())
            .setIndexThresholdDatoms(o.indexThresholdDatoms())
            .setTxTimeoutMillis(o.txTimeoutMillis());
    if (o.segmentCache() != null) {
      engine.setSegmentCache(o.segmentCache());
    }
    PrometheusMeterRegistry registry = registry();
    engine.setMeterRegistry(registry);
    Peer.configure(engine);
    return MetricsServer.start(vertx, o.metricsPort(), registry, this::health)
        .compose(
            server -> {
              metricsServer = server;
              say("metrics on http://127.0.0.1:" + server.actualPort());
              return vertx.executeBlocking(
                  () -> {
                    Extensions.loadJars(o.classpath());
                    endpoint = TransactorEndpoint.create(vertx, o.storage(), o.databaseFunctions());
                    return endpoint.storage();
                  });
            })
        .compose(
            storage -> {
              keeper =
                  new LeaseKeeper(
                      vertx,
                      storage,
                      owner,
                      o.leaseMillis(),
                      this::activate,
                      this::deactivate,
                      new LeaseMeters(registry));
              return endpoint
                  .serve(Addresses.transactor(owner))
                  .compose(
                      v -> {
                        reportMembersLeaving();
                        say(
                            "standby on "
                                + o.storage()
                                + (o.databaseFunctions() ? " (database functions on)" : ""));
                        return keeper.start();
                      });
            });
  }

  // a member that left (a dead transactor, once the cluster has noticed) is worth a line: until
  // then its address and port are still taken in the cluster's view
  private void reportMembersLeaving() {
    for (HazelcastInstance h : Hazelcast.getAllHazelcastInstances()) {
      h.getCluster()
          .addMembershipListener(
              new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent e) {}

                @Override
                public void memberRemoved(MembershipEvent e) {
                  say("cluster member left " + e.getMember().getAddress());
                }
              });
    }
  }

  // the process's own meters beside the engine's: heap, GC, threads, CPU
  private static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    return registry;
  }

  private JsonObject health() {
    Lease l = held;
    return new JsonObject()
        .put("role", l == null ? "standby" : "active")
        .put("epoch", l == null ? null : l.epoch());
  }

  private Future<Void> activate(Lease lease) {
    held = lease;
    endpoint.activate(lease);
    say("active epoch " + lease.epoch());
    return Future.succeededFuture();
  }

  private void deactivate(Lease lease) {
    held = null;
    say("lost epoch " + lease.epoch());
    endpoint.deactivate();
  }

  @Override
  public Future<?> stop() {
    if (keeper != null) {
      keeper.stop();
    }
    Future<Void> closed = metricsServer == null ? Future.succeededFuture() : metricsServer.close();
    return endpoint == null ? closed : Future.all(closed, endpoint.stop());
  }

  private void say(String what) {
    System.out.println("vertomic-transactor " + owner + " " + what);
  }
}
