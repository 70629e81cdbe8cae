package io.vertomic.transactor;

import io.vertomic.cluster.bus.Lease;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Holds, or waits for, the transactor lease of one storage (the root {@link Lease#ROOT}). Every
 * tenth of the lease time it reads the lease: the holder renews it by compare-and-swap; a standby
 * takes it over, with the next epoch, once it has expired. A holder that cannot renew stops serving
 * when its lease runs out (before a standby may take over, on the same clock), and a holder whose
 * renewal meets someone else's lease stops at once. Fencing does not rest on clocks: a stale
 * holder's log appends are refused by storage.
 *
 * <p>A tick that has not finished within the lease time is given up, so that one storage call that
 * never answers cannot stop every later tick. Whatever it still does is then ignored; a lease it
 * won or renewed after all is found on a later read (the holder's revision no longer matches, so it
 * lets go, then takes over again once the lease has expired: safe, because the epoch fences).
 */
final class LeaseKeeper {
  private final Vertx vertx;
  private final Storage storage;
  private final String owner;
  private final long leaseMillis;
  private final Function<Lease, Future<Void>> onAcquired;
  private final Consumer<Lease> onLost;
  private final LeaseMeters meters;
  private Lease held;
  private long heldRevision;
  private boolean ticking;
  private long generation; // of the tick running: a tick given up leaves its results unused
  private long timer = -1;

  LeaseKeeper(
      Vertx vertx,
      Storage storage,
      String owner,
      long leaseMillis,
      Function<Lease, Future<Void>> onAcquired,
      Consumer<Lease> onLost,
      LeaseMeters meters) {
    this.vertx = vertx;
    this.storage = storage;
    this.owner = owner;
    this.leaseMillis = leaseMillis;
    this.onAcquired = onAcquired;
    this.onLost = onLost;
    this.meters = meters;
  }

  /** Starts keeping the lease; the future completes after the first attempt. */
  Future<Void> start() {
    timer = vertx.setPeriodic(Math.max(50, leaseMillis / 10), id -> tick());
    return tick();
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private Future<Void> tick() {
    if (ticking) {
      return Future.succeededFuture();
    }
    ticking = true;
    long gen = ++generation;
    long now = System.currentTimeMillis();
    if (held != null && held.expired(now)) {
      lose(); // could not renew in time: someone may take over from now on
    }
    return storage
        .root(Lease.ROOT)
        .compose(
            r ->
                gen != generation
                    ? Future.<Void>succeededFuture()
                    : held != null ? renew(r, now, gen) : maybeTakeOver(r, now, gen))
        .timeout(leaseMillis, TimeUnit.MILLISECONDS)
        .recover(e -> Future.succeededFuture()) // storage unreachable or slow: try again next tick
        .andThen(
            ar -> {
              generation++; // whatever this tick still does comes too late to be used
              ticking = false;
            });
  }

  private Future<Void> renew(Root r, long now, long gen) {
    if (r == null || r.revision() != heldRevision) {
      lose();
      return Future.succeededFuture();
    }
    Lease next = held.renewed(now + leaseMillis);
    return storage
        .cas(Lease.ROOT, heldRevision, next.encode())
        .onSuccess(
            rev -> {
              if (gen == generation) {
                held = next;
                heldRevision = rev;
                meters.renewed();
              }
            })
        .onFailure(e -> {})
        .mapEmpty();
  }

  private Future<Void> maybeTakeOver(Root r, long now, long gen) {
    Lease current = r == null ? null : Lease.decode(r.value());
    if (current != null && !current.expired(now)) {
      return Future.succeededFuture();
    }
    Lease next = Lease.takeOver(current, owner, now + leaseMillis);
    return storage
        .cas(Lease.ROOT, r == null ? 0 : r.revision(), next.encode())
        .compose(
            rev -> {
              if (gen != generation) {
                return Future.succeededFuture();
              }
              held = next;
              heldRevision = rev;
              meters.tookOver();
              return onAcquired.apply(next);
            });
  }

  private void lose() {
    Lease lost = held;
    held = null;
    heldRevision = 0;
    if (lost != null) {
      meters.lost();
      onLost.accept(lost);
    }
  }
}
