package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.cluster.bus.AnomalyMessages;
import io.vertomic.cluster.bus.Lease;
import io.vertomic.cluster.bus.TransactorSecret;
import io.vertomic.cluster.bus.TxReply;
import io.vertomic.cluster.bus.TxRequest;
import io.vertomic.metrics.BusMeters;
import io.vertomic.storage.Chunks;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertomic.tx.Idempotency;
import io.vertomic.wire.TxDataCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What a {@link RemoteConnection} sends to the transactor of its database: transactions, batched
 * into as few messages as were issued while the previous one left and put on the bus in the order
 * issued, and index and GC requests. Each goes to the transactor the lease in storage names, with
 * that lease's secret; the lease is read again when it expires, when no active transactor took a
 * message, or when a refused secret says it was taken over. Thread-safe.
 */
final class TransactorRequests {
  // how soon a transaction that found no active transactor is sent again
  private static final long RESEND_MILLIS = 50;

  // most transactions one message to the transactor takes
  private static final int MAX_BATCH = 256;

  // most bytes of transaction data one message takes (one transaction larger than this goes
  // alone): the transactor answers a message once all its transactions are done, so large ones
  // batched together each waited for the others (16 submitters of 1,000-entity batches: 16 in a
  // message, each answered after the 16th was processed, the transactor idle between waves)
  private static final int MAX_MESSAGE_BYTES = 64 * 1024;

  private final Object dispatchLock = new Object();
  // guarded by dispatchLock: transactions not yet on the bus, whether a flush of them is due, and
  // the last message put on the bus (or failed before): the next one goes after it
  private final List<Outgoing> outbox = new ArrayList<>();
  private boolean flushQueued;
  private Future<Void> dispatched = Future.succeededFuture();

  private final Vertx vertx;
  private final EventBus bus;
  // where the transactions waiting in the outbox are put on the bus, one flush after another
  private final Context context;
  private final Storage storage;
  private final String dbId;
  private final long txTimeoutMillis;
  private final BusMeters busMeters;
  // the connection's uri, which changes when the database is renamed
  private final Supplier<StorageUri> uri;
  private volatile Lease lease;

  /** A transaction as it goes on the bus (see {@link TxRequest}) and its answer. */
  private record Outgoing(Object tx, Promise<TxReply> answer) {}

  /**
   * Requests about database {@code dbId} of {@code storage}, whose lease names the transactor;
   * transactions time out after {@code txTimeoutMillis} and their round trips go into {@code
   * busMeters}. Made on the thread whose context puts transactions on the bus.
   */
  TransactorRequests(
      Vertx vertx,
      Storage storage,
      String dbId,
      long txTimeoutMillis,
      BusMeters busMeters,
      Supplier<StorageUri> uri) {
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.context = vertx.getOrCreateContext();
    this.storage = storage;
    this.dbId = dbId;
    this.txTimeoutMillis = txTimeoutMillis;
    this.busMeters = busMeters;
    this.uri = uri;
  }

  // a transaction no active transactor took (none at the address the lease named, or a standby
  // there: during a takeover) was not applied: it is sent again, to the transactor a fresh read of
  // the lease names, until its timeout. One the transactor took and then lost its lease without
  // answering may have committed: sent again only with an idempotency key, else interrupted
  Future<TxReply> send(Object tx, long deadlineNanos) {
    Promise<TxReply> answer = Promise.promise();
    synchronized (dispatchLock) {
      outbox.add(new Outgoing(tx, answer));
      if (!flushQueued) {
        // the transactions that come meanwhile go in the same message
        flushQueued = true;
        context.runOnContext(v -> flush());
      }
    }
    return answer
        .future()
        .recover(
            e -> {
              Anomaly a = AnomalyMessages.from(e, "transaction on " + uri.get().uri());
              boolean again =
                  AnomalyMessages.notDelivered(a)
                      || (AnomalyMessages.transactorGone(a) && keyed(tx));
              if (!again || System.nanoTime() > deadlineNanos) {
                return Future.failedFuture(a);
              }
              lease = null;
              Promise<TxReply> resent = Promise.promise();
              vertx.setTimer(RESEND_MILLIS, id -> send(tx, deadlineNanos).onComplete(resent));
              return resent.future();
            });
  }

  private static boolean keyed(Object tx) {
    return tx instanceof byte[] b
        ? Idempotency.keyedData(TxDataCodec.decode(b))
        : Idempotency.keyed((String) tx);
  }

  // puts the waiting transactions on the bus in the order transact was called, at most MAX_BATCH
  // and about MAX_MESSAGE_BYTES to a message, each message after the one before it whatever the
  // lease lookup in between: the bus keeps one sender's messages to one address in order, and the
  // transactor queues them as they come, so they apply in the order issued
  private void flush() {
    synchronized (dispatchLock) {
      flushQueued = false;
      // taken out first: a callback run below may issue transactions, which queue for the next
      List<Outgoing> waiting = List.copyOf(outbox);
      outbox.clear();
      for (List<Outgoing> batch :
          Chunks.of(waiting, MAX_BATCH, MAX_MESSAGE_BYTES, TransactorRequests::bytes)) {
        Future<Lease> sent =
            dispatched
                .transform(ar -> currentLease())
                .map(
                    l -> {
                      // sent from the one context, whatever thread read the lease: the answers
                      // then come back on it in the order the messages left
                      context.runOnContext(v -> request(l, batch));
                      return l;
                    });
        sent.onFailure(e -> batch.forEach(o -> o.answer().tryFail(e)));
        dispatched = sent.mapEmpty();
      }
    }
  }

  // a transaction's size in a message: its MessagePack bytes, or its EDN text
  private static long bytes(Outgoing o) {
    return o.tx() instanceof byte[] b ? b.length : ((String) o.tx()).length();
  }

  private void request(Lease l, List<Outgoing> batch) {
    TxRequest request =
        new TxRequest(
            uri.get().database(), dbId, batch.stream().map(Outgoing::tx).toList(), txTimeoutMillis);
    long sent = System.nanoTime();
    bus.<Buffer>request(
            l.address(), request.toBuffer(), TransactorSecret.options(l, txTimeoutMillis))
        .onComplete(
            ar -> {
              busMeters.roundTrip(System.nanoTime() - sent, ar.succeeded());
              if (ar.failed()) {
                takenOver(l, AnomalyMessages.from(ar.cause(), "transaction on " + uri.get().uri()))
                    .onComplete(
                        now -> {
                          Throwable e =
                              now.succeeded() ? AnomalyMessages.staleLease(l.epoch()) : now.cause();
                          batch.forEach(o -> o.answer().tryFail(e));
                        });
                return;
              }
              List<Object> outcomes;
              try {
                outcomes = TxReply.outcomes(ar.result().body());
              } catch (IOException | RuntimeException e) {
                outcomes = List.of();
              }
              for (int i = 0; i < batch.size(); i++) {
                Promise<TxReply> answer = batch.get(i).answer();
                if (i >= outcomes.size()) {
                  answer.tryFail(
                      Anomaly.fault(
                          "Unreadable answer from the transactor to " + uri.get().uri(), null));
                } else if (outcomes.get(i) instanceof TxReply reply) {
                  answer.tryComplete(reply);
                } else {
                  answer.tryFail((Anomaly) outcomes.get(i));
                }
              }
            });
    watch(l, batch);
  }

  // once the lease the transactions went under has expired, looks whether its holder still holds it
  private void watch(Lease sentTo, List<Outgoing> batch) {
    long delay = Math.max(RESEND_MILLIS, sentTo.expiresAtMillis() - System.currentTimeMillis());
    vertx.setTimer(
        delay + RESEND_MILLIS,
        id -> {
          if (answered(batch)) {
            return;
          }
          readLease()
              .onComplete(
                  ar -> {
                    if (ar.succeeded() && ar.result().epoch() != sentTo.epoch()) {
                      Anomaly gone = AnomalyMessages.transactorGone(sentTo.epoch());
                      batch.forEach(o -> o.answer().tryFail(gone));
                    } else if (!answered(batch)) {
                      watch(ar.succeeded() ? ar.result() : sentTo, batch);
                    }
                  });
        });
  }

  private static boolean answered(List<Outgoing> batch) {
    return batch.stream().allMatch(o -> o.answer().future().isComplete());
  }

  // a refusal for the secret of a lease that storage no longer holds (a takeover since, by the same
  // transactor) is a request no active transactor took: the lease storage holds now, to send it
  // again under. With the secret storage holds, the refusal stands; any other failure too
  private Future<Lease> takenOver(Lease sentWith, Anomaly failure) {
    if (!AnomalyMessages.wrongSecret(failure)) {
      return Future.failedFuture(failure);
    }
    return readLease()
        .transform(
            now ->
                now.succeeded() && !Objects.equals(now.result().secret(), sentWith.secret())
                    ? Future.succeededFuture(now.result())
                    : Future.failedFuture(failure));
  }

  private Future<Lease> currentLease() {
    Lease known = lease;
    if (known != null && !known.expired(System.currentTimeMillis())) {
      return Future.succeededFuture(known);
    }
    return readLease();
  }

  private Future<Lease> readLease() {
    return storage
        .root(Lease.ROOT)
        .compose(
            r -> {
              if (r == null) {
                return Future.failedFuture(
                    Anomaly.unavailable("No transactor serves " + uri.get().uri(), null));
              }
              Lease l = Lease.decode(r.value());
              lease = l;
              return Future.succeededFuture(l);
            });
  }

  // a request to the writer of this database, at the transactor the lease names; sent once more
  // when its secret was refused because the lease had been taken over
  Future<JsonObject> ask(
      UnaryOperator<String> address, JsonObject body, long timeoutMillis, String what) {
    StorageUri uri = this.uri.get();
    body.put("db", uri.database()).put("id", dbId);
    String about = what + " of " + uri.uri();
    return currentLease()
        .compose(
            l ->
                ask(l, address, body, timeoutMillis, about)
                    .recover(
                        e ->
                            takenOver(l, (Anomaly) e)
                                .compose(now -> ask(now, address, body, timeoutMillis, about))));
  }

  private Future<JsonObject> ask(
      Lease l, UnaryOperator<String> address, JsonObject body, long timeoutMillis, String about) {
    return bus.<JsonObject>request(
            address.apply(l.address()), body, TransactorSecret.options(l, timeoutMillis))
        .map(Message::body)
        .recover(e -> Future.failedFuture(AnomalyMessages.from(e, about)));
  }
}
