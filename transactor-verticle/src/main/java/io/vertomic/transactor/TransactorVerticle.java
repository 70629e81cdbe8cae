package io.vertomic.transactor;

import io.vertomic.cluster.bus.Lease;
import io.vertomic.peer.impl.TransactorEndpoint;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.UUID;

/**
 * The transactor: keeps the lease of its storage (see {@link LeaseKeeper}) and, while it holds it,
 * takes every database's transactions at the lease's event-bus address. A transactor that starts
 * while another holds the lease is a standby. Prints one line per change of role, for operators and
 * for the tests that watch it: {@code vertomic-transactor OWNER active epoch N} and {@code ...
 * standby} / {@code ... lost epoch N}.
 */
public final class TransactorVerticle extends VerticleBase {
  private final String owner = UUID.randomUUID().toString();
  private TransactorEndpoint endpoint;
  private LeaseKeeper keeper;

  @Override
  public Future<?> start() {
    TransactorOptions o;
    try {
      o = TransactorOptions.from(config(), System.getenv());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    // the engine reads its bounds as system properties: one transactor per process
    System.setProperty("vertomic.txQueueMax", Integer.toString(o.txQueueMax()));
    System.setProperty("vertomic.indexThresholdDatoms", Long.toString(o.indexThresholdDatoms()));
    System.setProperty("vertomic.txTimeoutMillis", Long.toString(o.txTimeoutMillis()));
    if (o.segmentCache() != null) {
      System.setProperty("vertomic.segmentCache", o.segmentCache());
    }
    return vertx
        .executeBlocking(
            () -> {
              endpoint = TransactorEndpoint.create(vertx, o.storage());
              return endpoint.storage();
            })
        .compose(
            storage -> {
              keeper =
                  new LeaseKeeper(
                      vertx, storage, owner, o.leaseMillis(), this::activate, this::deactivate);
              say("standby on " + o.storage());
              return keeper.start();
            });
  }

  private Future<Void> activate(Lease lease) {
    return endpoint.serve(lease.address()).onSuccess(v -> say("active epoch " + lease.epoch()));
  }

  private void deactivate(Lease lease) {
    say("lost epoch " + lease.epoch());
    endpoint.stop();
  }

  @Override
  public Future<?> stop() {
    if (keeper != null) {
      keeper.stop();
    }
    return endpoint == null ? Future.succeededFuture() : endpoint.stop();
  }

  private void say(String what) {
    System.out.println("vertomic-transactor " + owner + " " + what);
  }
}
