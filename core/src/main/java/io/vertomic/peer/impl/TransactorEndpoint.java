package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.cluster.bus.Addresses;
import io.vertomic.cluster.bus.AnomalyMessages;
import io.vertomic.cluster.bus.Lease;
import io.vertomic.cluster.bus.TxReply;
import io.vertomic.cluster.bus.TxReports;
import io.vertomic.cluster.bus.TxRequest;
import io.vertomic.datom.EntityId;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertomic.tx.EncodedTxData;
import io.vertomic.tx.Idempotency;
import io.vertomic.tx.TxProcessor;
import io.vertomic.tx.Writer;
import io.vertomic.wire.TxDataCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The transactor's side of the event bus, for every database of one storage system: takes
 * transactions at the address of its lease, hands each to the database's single {@link
 * io.vertomic.tx.Writer} (opened on first use, caught up from the log), answers once the log has
 * it, and publishes every group of transactions the log took as one tx report (their log entries),
 * and every new durable index as a notice. Every request must carry the secret of the lease held
 * (see {@link TransactorGate}): a cluster member that cannot read storage changes nothing.
 * Internal: the transactor verticle's engine.
 */
public final class TransactorEndpoint {
  private final Vertx vertx;
  private final StorageUri system;
  private final StorageDatabases databases;
  private final ConcurrentHashMap<String, Future<DurableDatabase>> open = new ConcurrentHashMap<>();
  private final boolean databaseFunctions;
  // the name of each database opened or renamed here, by id: a peer's request goes by the id
  private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();
  // the writers whose transactions and index jobs are announced on the bus (once each)
  private final Set<DurableDatabase> announced = ConcurrentHashMap.newKeySet();
  private List<MessageConsumer<?>> consumers = List.of();
  // what a request must bring: the secret of the lease held, none while a standby
  private final TransactorGate gate = new TransactorGate();

  private TransactorEndpoint(Vertx vertx, StorageUri system, boolean databaseFunctions) {
    this.vertx = vertx;
    this.system = system;
    this.databaseFunctions = databaseFunctions;
    this.databases = Catalog.instance().durable();
  }

  /** {@link #create(Vertx, String, boolean)} with database functions off. */
  public static TransactorEndpoint create(Vertx vertx, String storageUri) {
    return create(vertx, storageUri, false);
  }

  /**
   * An endpoint for the databases of {@code storageUri} ({@code *} for the database name), whose
   * transactions may call database functions when {@code databaseFunctions} is on (a call is {@code
   * forbidden} otherwise).
   */
  public static TransactorEndpoint create(
      Vertx vertx, String storageUri, boolean databaseFunctions) {
    StorageUri u = StorageUri.parse(storageUri);
    if (!u.isWildcard() || u.kind().equals("mem")) {
      throw Anomaly.incorrect(
          "vertomic.error/invalid-config",
          "A transactor serves a durable storage named with * as the database: " + storageUri);
    }
    return new TransactorEndpoint(vertx, u, databaseFunctions);
  }

  /** The storage this endpoint writes (opened on the caller's thread, which may block). */
  public Storage storage() {
    return databases.storageOf(system);
  }

  /**
   * Starts taking requests at {@code address}: refused until {@link #activate} (a standby is
   * reachable before it takes over, so its takeover registers nothing in the cluster).
   */
  public Future<Void> serve(String address) {
    EventBus bus = vertx.eventBus();
    consumers =
        List.of(
            bus.<Buffer>consumer(address, this::transact),
            bus.<JsonObject>consumer(Addresses.index(address), this::index),
            bus.consumer(Addresses.gc(address), this::gc),
            bus.consumer(Addresses.rename(address), this::rename));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  /**
   * Takes requests from now on: this transactor holds {@code lease}. Only the requests that carry
   * the lease's secret, which a process learns by reading the lease in storage, are served; any
   * other is refused {@code forbidden}, changes nothing and is logged.
   */
  public void activate(Lease lease) {
    gate.open(lease);
  }

  /**
   * Refuses transactions from now on and closes the writers: a transactor that lost its lease must
   * not write on (storage would refuse its appends anyway: the log is fenced by {@code t}); the
   * next activation reads every database afresh.
   */
  public void deactivate() {
    gate.close();
    open.values().forEach(f -> f.onSuccess(databases::closeWriter));
    open.clear();
    announced.clear();
  }

  /** Deactivates and stops taking requests. */
  public Future<Void> stop() {
    deactivate();
    Future<Void> unregistered =
        Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
    consumers = List.of();
    return unregistered;
  }

  private void transact(Message<Buffer> m) {
    if (refused(m)) {
      return;
    }
    TxRequest r;
    try {
      r = TxRequest.fromBuffer(m.body());
    } catch (IOException | RuntimeException e) {
      AnomalyMessages.fail(m, Anomaly.incorrect("db.error/invalid-tx", "Unreadable request: " + e));
      return;
    }
    long deadline =
        System.nanoTime()
            + TimeUnit.MILLISECONDS.toNanos(r.timeoutMillis() > 0 ? r.timeoutMillis() : 30_000);
    database(r.database(), r.id())
        .compose(
            d -> {
              // queued in the writer in the order they came: they apply in that order
              List<Future<TxReply>> each = new ArrayList<>(r.txs().size());
              for (Object tx : r.txs()) {
                Object data =
                    tx instanceof byte[] b ? (EncodedTxData) () -> TxDataCodec.decode(b) : tx;
                each.add(transact(d, data, deadline, true));
              }
              return Future.join(each).transform(done -> Future.succeededFuture(each));
            })
        .onSuccess(
            each ->
                m.reply(
                    TxReply.answer(
                        each.stream()
                            .map(f -> f.succeeded() ? (Object) f.result() : f.cause())
                            .toList())))
        .onFailure(e -> AnomalyMessages.fail(m, e));
  }

  // a retry whose idempotency key is committed is answered with the original transaction, once
  // that is durable (it may still be in flight); if its write failed after all, the retry goes in
  private Future<TxReply> transact(DurableDatabase d, Object tx, long deadline, boolean again) {
    Writer w = d.connection().writer();
    return w.transact(tx, deadline)
        .map(result -> new TxReply(result.after().basisT(), result.tempids()))
        .recover(
            e -> {
              long t = Idempotency.committedT(e);
              if (t < 0) {
                return Future.failedFuture(e);
              }
              return w.rebase(UnaryOperator.identity())
                  .compose(
                      v ->
                          w.db().basisT() >= t
                              ? Future.succeededFuture(
                                  new TxReply(t, Idempotency.tempids(w.db(), EntityId.tToTx(t))))
                              : again ? transact(d, tx, deadline, false) : Future.failedFuture(e));
            });
  }

  private void index(Message<JsonObject> m) {
    if (refused(m)) {
      return;
    }
    database(m.body().getString("db"), m.body().getString("id"))
        .compose(DurableDatabase::requestIndex)
        .onSuccess(v -> m.reply(new JsonObject()))
        .onFailure(e -> AnomalyMessages.fail(m, e));
  }

  private void gc(Message<JsonObject> m) {
    if (refused(m)) {
      return;
    }
    Long olderThan = m.body().getLong("olderThan");
    if (olderThan == null) {
      AnomalyMessages.fail(m, Anomaly.incorrect("db.error/invalid-gc", "No olderThan given"));
      return;
    }
    database(m.body().getString("db"), m.body().getString("id"))
        .compose(d -> d.gcStorage(new Date(olderThan)))
        .onSuccess(n -> m.reply(new JsonObject().put("deleted", n)))
        .onFailure(e -> AnomalyMessages.fail(m, e));
  }

  // the rename happens here, where the database's writer and its index jobs are; peers hear of it
  private void rename(Message<JsonObject> m) {
    if (refused(m)) {
      return;
    }
    String from = m.body().getString("db");
    String to = m.body().getString("to");
    if (from == null || to == null) {
      AnomalyMessages.fail(m, Anomaly.incorrect("db.error/invalid-rename", "No db or to given"));
      return;
    }
    vertx
        .executeBlocking(
            () -> databases.renameWritten(system.withDatabase(from), system.withDatabase(to)),
            false)
        .onSuccess(
            id -> {
              Future<DurableDatabase> writer = open.remove(from);
              if (writer != null) {
                // a writer that opened succeeded before the rename, so it is the renamed one
                writer.onSuccess(d -> open.putIfAbsent(to, writer));
              }
              names.put(id, to);
              vertx.eventBus().publish(Addresses.renamed(id), new JsonObject().put("name", to));
              m.reply(new JsonObject().put("renamed", true));
            })
        .onFailure(e -> AnomalyMessages.fail(m, e));
  }

  // a standby refuses every request, and the holder of the lease any without its secret
  private boolean refused(Message<?> m) {
    Anomaly refusal = gate.refusal(m);
    if (refusal != null) {
      AnomalyMessages.fail(m, refusal);
    }
    return refusal != null;
  }

  // the id a peer sends is the database it connected to: under the name it has now (it may have
  // been renamed since), and never another database created under the old name
  private Future<DurableDatabase> database(String name, String id) {
    if (id == null) {
      return database(name);
    }
    return database(names.getOrDefault(id, name))
        .compose(
            d ->
                d.id().equals(id)
                    ? Future.succeededFuture(d)
                    : Future.failedFuture(
                        Anomaly.notFound(
                            "db.error/db-not-found",
                            "Could not find database "
                                + name
                                + ": it was deleted or renamed since this peer connected")));
  }

  private Future<DurableDatabase> database(String name) {
    if (name == null) {
      return Future.failedFuture(Anomaly.incorrect("db.error/invalid-tx", "No database named"));
    }
    Future<DurableDatabase> f =
        open.computeIfAbsent(
            name,
            n ->
                vertx.executeBlocking(
                    () -> {
                      DurableDatabase d =
                          databases.openWriter(
                              system.withDatabase(n),
                              new TxProcessor(PeerDb::new, () -> databaseFunctions));
                      names.put(d.id(), n);
                      announce(d);
                      return d;
                    },
                    false));
    return f.onFailure(e -> open.remove(name, f));
  }

  // a writer renamed while open is found again under its new name: it is announced once
  private void announce(DurableDatabase d) {
    if (!announced.add(d)) {
      return;
    }
    String dbId = d.id();
    d.onAppended(
        group -> vertx.eventBus().publish(Addresses.reports(dbId), TxReports.encode(group)));
    d.onIndexed(() -> vertx.eventBus().publish(Addresses.indexed(dbId), new JsonObject()));
  }
}
