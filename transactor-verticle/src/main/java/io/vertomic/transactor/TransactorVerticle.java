package io.vertomic.transactor;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.vertomic.cluster.bus.Addresses;
import io.vertomic.cluster.bus.Lease;
import io.vertomic.peer.Peer;
import io.vertomic.peer.PeerOptions;
import io.vertomic.peer.impl.TransactorEndpoint;
import io.vertomic.tx.Extensions;
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
    Peer.configure(engine);
    return vertx
        .executeBlocking(
            () -> {
              Extensions.loadJars(o.classpath());
              endpoint = TransactorEndpoint.create(vertx, o.storage(), o.databaseFunctions());
              return endpoint.storage();
            })
        .compose(
            storage -> {
              keeper =
                  new LeaseKeeper(
                      vertx, storage, owner, o.leaseMillis(), this::activate, this::deactivate);
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

  private Future<Void> activate(Lease lease) {
    endpoint.activate();
    say("active epoch " + lease.epoch());
    return Future.succeededFuture();
  }

  private void deactivate(Lease lease) {
    say("lost epoch " + lease.epoch());
    endpoint.deactivate();
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
