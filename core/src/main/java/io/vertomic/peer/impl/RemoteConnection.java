package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomalies;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.cluster.bus.Addresses;
import io.vertomic.cluster.bus.TxReports;
import io.vertomic.datom.Datom;
import io.vertomic.db.DbValue;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.log.StorageLog;
import io.vertomic.log.TxLog;
import io.vertomic.metrics.BusMeters;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Log;
import io.vertomic.peer.LogEntry;
import io.vertomic.peer.TxReport;
import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertomic.tx.TxProcessor;
import io.vertomic.wire.DbRoot;
import io.vertomic.wire.TxDataCodec;
import io.vertomic.wire.TxEntry;
import io.vertomic.wire.TxEntryCodec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A peer's connection to a database whose writer is the transactor (Datomic's peer): reads are
 * local, on the durable index read lazily from storage plus the novelty this peer holds;
 * transactions go to the transactor over the clustered event bus, as many in one message as were
 * issued while the previous one left (so concurrent and pipelined transactions share messages). The
 * novelty grows from tx reports, one per group of transactions the transactor made durable
 * together, applied strictly in {@code t} order: an entry past the next expected {@code t} waits
 * for the ones before it, and if they do not come the gap is filled from the log in storage, which
 * has every acknowledged transaction; consecutive plain entries of the reports waiting for the
 * applier are applied in one replay. When the transactor changes, the next transaction finds the
 * new one through the lease in storage ({@link TransactorRequests}, which also sends index and
 * storage GC requests to the transactor, which owns the index). The connection is to the database's
 * id, not its name: when the database is renamed it follows (the transactor's notice gives it the
 * new name). Thread-safe: every change of the database value happens on this connection's one
 * applier thread; a new index is read and the novelty replayed onto it on a second thread first.
 */
final class RemoteConnection implements Connection {
  // how long an entry received before an earlier one waits for it before the log is read
  private static final long GAP_MILLIS = 50;

  // at most this many transactions kept for the answers that arrive after their report
  private static final int RECENT = 4096;

  private static final System.Logger LOG = System.getLogger(RemoteConnection.class.getName());
  // gc walks every segment of the database: it may take minutes
  private static final long GC_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(10);

  // both change when the database is renamed: the connection follows it (it goes by dbId)
  private volatile StorageUri uri;
  private volatile String rootName;
  private final Storage storage;
  private final SegmentNodeSource source;
  private final Vertx vertx;
  private final EventBus bus;
  private final StorageLog storageLog;
  private final String dbId;
  private final long txTimeoutMillis;
  // transactions and requests on their way to the transactor
  private final TransactorRequests requests;
  private final TxLog novelty = new TxLog();
  private final ExecutorService applier;
  // reads a new index and replays the novelty onto it, off the applier
  private final ExecutorService reindexer;
  private final Map<Long, Applied> recent =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Applied> e) {
          return size() > RECENT;
        }
      };
  private final Map<Long, List<Promise<Applied>>> waiters = new HashMap<>();
  // the answers of the transactions sent and not answered yet, failed if the connection is
  // released first (the applier that would complete them stops then)
  private final Set<Promise<TxReport>> unanswered = ConcurrentHashMap.newKeySet();
  // reports come in faster than the applier applies them under load: those that wait are applied
  // all together when it comes to them (one replay for their plain entries, not one per report)
  private final Queue<Buffer> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  // entries received before an earlier one, by t, and whether a look for the missing is due
  private final TreeMap<Long, TxEntry> ahead = new TreeMap<>();
  private boolean gapCheck;
  // the one tx-report queue of this connection (Datomic's), null until asked for
  private volatile BlockingQueue<TxReport> queue;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private volatile DbValue db;
  private volatile boolean released;

  /** What one transaction did to this peer's database. */
  private record Applied(LazyValue before, LazyValue after, List<Datom> datoms) {}

  private RemoteConnection(
      StorageUri uri,
      Storage storage,
      String rootName,
      DbRoot root,
      SegmentNodeSource source,
      Vertx vertx,
      long txTimeoutMillis,
      BusMeters busMeters) {
    this.uri = uri;
    this.vertx = vertx;
    this.storage = storage;
    this.rootName = rootName;
    this.source = source;
    this.bus = vertx.eventBus();
    this.dbId = root.id();
    this.storageLog = new StorageLog(storage, dbId);
    this.requests =
        new TransactorRequests(vertx, storage, dbId, txTimeoutMillis, busMeters, () -> this.uri);
    this.txTimeoutMillis = txTimeoutMillis;
    this.applier = daemonThread("vertomic-peer-" + uri.database());
    this.reindexer = daemonThread("vertomic-reindex-" + uri.database());
    this.db = root.indexed() ? IndexJob.load(root, source) : DbValue.bootstrap();
  }

  private static ExecutorService daemonThread(String name) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Subscribes to the database's reports, then reads the log past the durable index: a report that
   * arrives meanwhile is either in the log already or applied after it.
   */
  static RemoteConnection open(
      StorageUri uri,
      Storage storage,
      String rootName,
      DbRoot root,
      SegmentNodeSource source,
      Vertx vertx,
      long txTimeoutMillis,
      BusMeters busMeters) {
    RemoteConnection c =
        new RemoteConnection(
            uri, storage, rootName, root, source, vertx, txTimeoutMillis, busMeters);
    EventBus bus = c.bus;
    c.consumers.add(
        bus.<Buffer>consumer(Addresses.reports(c.dbId), m -> c.reportArrived(m.body())));
    c.consumers.add(
        bus.<JsonObject>consumer(
            Addresses.indexed(c.dbId), m -> c.reindexer.execute(c::prepareReindex)));
    c.consumers.add(
        bus.<JsonObject>consumer(
            Addresses.renamed(c.dbId),
            m -> c.toApplier(() -> c.renamed(m.body().getString("name")))));
    Blocking.await(
        Future.all(c.consumers.stream().map(MessageConsumer::completion).toList()),
        "subscribe to the reports of " + uri.uri());
    c.await(c.applier.submit(c::catchUp));
    return c;
  }

  @Override
  public Database db() {
    return new PeerDb(db);
  }

  @Override
  public Future<TxReport> transact(Object txData) {
    Anomaly refused = LocalConnection.refused(released, txData);
    if (refused != null) {
      return Future.failedFuture(refused);
    }
    Promise<TxReport> answer = Promise.promise();
    unanswered.add(answer);
    requests
        .send(wire(txData), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(txTimeoutMillis))
        .compose(
            reply -> {
              if (released) {
                return Future.failedFuture(releasedInFlight());
              }
              Promise<Applied> applied = Promise.promise();
              applier.execute(() -> whenApplied(reply.t(), applied));
              return applied
                  .future()
                  .map(
                      a ->
                          new TxReport(
                              new PeerDb(a.before()),
                              new PeerDb(a.after()),
                              a.datoms(),
                              reply.tempids()));
            })
        .onComplete(
            ar -> {
              unanswered.remove(answer);
              settle(answer, ar.succeeded() ? null : ar.cause(), ar.result());
            });
    if (released) {
      failUnanswered(); // released while this one was being sent
    }
    return answer.future();
  }

  // what a transaction still unanswered when the connection is released fails with: the transactor
  // may have it, so its outcome is unknown here
  private Anomaly releasedInFlight() {
    return new Anomaly(
        Category.INTERRUPTED,
        Keyword.of("db.error/connection-released"),
        "The connection to "
            + uri.uri()
            + " was released before the transaction was acknowledged: it may have been committed"
            + " (connect again and look in the log)",
        null);
  }

  private void failUnanswered() {
    Anomaly released = releasedInFlight();
    for (Promise<TxReport> p : List.copyOf(unanswered)) {
      unanswered.remove(p);
      settle(p, released, null);
    }
  }

  // a caller's callback runs inside the completion: one that throws is the caller's (logged), and
  // must not stop this connection from answering the other transactions answered with it
  private static void settle(Promise<TxReport> answer, Throwable failure, TxReport report) {
    try {
      if (failure != null) {
        answer.tryFail(failure);
      } else {
        answer.tryComplete(report);
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "A callback on a transaction's answer threw", e);
    }
  }

  // the transaction as it goes to the transactor: a string as given, other data in MessagePack when
  // it has that form (TxDataCodec), else printed as EDN
  private static Object wire(Object txData) {
    if (txData instanceof String s) {
      return s;
    }
    byte[] encoded = TxDataCodec.encode(txData);
    return encoded != null ? encoded : Edn.write(txData);
  }

  // work the bus, a timer or the reindexer hands the applier: dropped once the connection is
  // released, whose applier is shut down (a report or a gap check that comes then is for nobody)
  private void toApplier(Runnable work) {
    try {
      applier.execute(work);
    } catch (RejectedExecutionException e) {
      // released
    }
  }

  // a report from the bus: the applier takes it with the others that came before it got to it
  private void reportArrived(Buffer report) {
    inbox.add(report);
    if (draining.compareAndSet(false, true)) {
      toApplier(this::applyArrived);
    }
  }

  private void applyArrived() {
    draining.set(false); // before taking: a report that comes after the take is applied next time
    List<LogRecord> all = new ArrayList<>();
    for (Buffer b = inbox.poll(); b != null; b = inbox.poll()) {
      try {
        all.addAll(TxReports.decode(b));
      } catch (IndexOutOfBoundsException e) {
        // a cut report: its entries come from the log, as missed ones do, and the others apply
        LOG.log(System.Logger.Level.WARNING, "A tx report of " + uri.uri() + " was cut", e);
      }
    }
    if (!all.isEmpty()) {
      all.sort(Comparator.comparingLong(LogRecord::t)); // a report may pass an earlier one
      received(all);
    }
  }

  /**
   * Applies the entries of tx reports, on the applier thread. Reports and replies travel apart, and
   * a report may pass an earlier one: an entry past the next {@code t} waits in {@link #ahead} for
   * the ones before it, which the log in storage gives if they are still missing after {@link
   * #GAP_MILLIS}.
   */
  private void received(List<LogRecord> records) {
    List<TxEntry> run = new ArrayList<>();
    for (LogRecord r : records) {
      if (r.t() < db.nextT()) {
        continue; // had it already
      }
      TxEntry e = TxEntryCodec.decode(r.entry(), "tx report of " + uri.uri());
      long next = run.isEmpty() ? db.nextT() : run.get(run.size() - 1).nextT();
      if (e.t() == next && plain(e)) {
        run.add(e);
        continue;
      }
      applyTogether(run);
      if (e.t() < db.nextT()) {
        continue;
      } else if (e.t() > db.nextT()) {
        ahead.put(e.t(), e);
        expectMissing();
      } else {
        apply(e);
        applyAhead();
      }
    }
    applyTogether(run);
  }

  // whether e's datoms replay together with those before it (TxProcessor.replaysTogether)
  private boolean plain(TxEntry e) {
    return TxProcessor.replaysTogether(db, e.datoms());
  }

  /**
   * Applies consecutive plain entries (the group the transactor made durable together) in one
   * replay of all their datoms, which copies each changed index path once for the group rather than
   * once per transaction; the db-after of each but the last is derived only if read. Clears {@code
   * run}.
   */
  private void applyTogether(List<TxEntry> run) {
    if (run.size() == 1) {
      apply(run.get(0));
      applyAhead();
    } else if (run.size() > 1) {
      DbValue before = db;
      List<Datom> all = new ArrayList<>();
      run.forEach(e -> all.addAll(e.datoms()));
      TxEntry last = run.get(run.size() - 1);
      DbValue after = TxProcessor.replay(before, last.t(), all, last.nextT(), last.nextDbCounter());
      db = after;
      LazyValue previous = LazyValue.known(before);
      for (int i = 0; i < run.size(); i++) {
        TxEntry e = run.get(i);
        LazyValue from = previous;
        LazyValue to =
            i == run.size() - 1
                ? LazyValue.known(after)
                : LazyValue.of(
                    () ->
                        TxProcessor.replay(
                            from.get(), e.t(), e.datoms(), e.nextT(), e.nextDbCounter()));
        applied(e, from, to);
        previous = to;
      }
      applyAhead();
    }
    run.clear();
  }

  // something is missing: look for it in the log unless nothing came in the meantime
  private void expectMissing() {
    if (!gapCheck) {
      gapCheck = true;
      long stuckAt = db.nextT();
      vertx.setTimer(GAP_MILLIS, id -> toApplier(() -> fillGap(stuckAt)));
    }
  }

  // the entries that waited for the one just applied
  private void applyAhead() {
    while (!ahead.isEmpty() && ahead.firstKey() <= db.nextT()) {
      TxEntry next = ahead.pollFirstEntry().getValue();
      if (next.t() == db.nextT()) {
        apply(next);
      }
    }
  }

  // missed reports: the log has them
  private void fillGap(long stuckAt) {
    gapCheck = false;
    if (ahead.isEmpty() && waiters.isEmpty()) {
      return;
    }
    if (db.nextT() == stuckAt) {
      try {
        catchUp();
      } catch (RuntimeException e) {
        expectMissing(); // storage unreachable: the waiters wait on, and the log is read again
      }
    } else {
      expectMissing(); // reports are still coming: give them time
    }
  }

  /** Applies every entry the log holds past this peer's basis. */
  private Void catchUp() {
    while (true) {
      List<TxEntry> page =
          Blocking.await(storageLog.read(db.basisT() + 1), "read the log of " + uri.uri());
      if (page.isEmpty()) {
        applyAhead();
        return null;
      }
      for (TxEntry e : page) {
        if (e.t() >= db.nextT()) {
          apply(e);
        }
      }
    }
  }

  private void apply(TxEntry e) {
    DbValue before = db;
    DbValue after = TxProcessor.replay(before, e.t(), e.datoms(), e.nextT(), e.nextDbCounter());
    db = after;
    applied(e, LazyValue.known(before), LazyValue.known(after));
  }

  // e is in db: keep it as novelty, answer whoever waits for it, report it
  private void applied(TxEntry e, LazyValue before, LazyValue after) {
    novelty.append(new LogEntry(e.t(), e.datoms()));
    Applied a = new Applied(before, after, e.datoms());
    if (!unanswered.isEmpty()) {
      // only a transaction of this peer's still unanswered can need it: each one holds its own
      // copy of the changed index paths, so they are not kept for nobody
      recent.put(e.t(), a);
    }
    List<Promise<Applied>> waiting = waiters.remove(e.t());
    if (waiting != null) {
      waiting.forEach(p -> p.complete(a));
    }
    BlockingQueue<TxReport> q = queue;
    if (q != null) {
      q.add(new TxReport(new PeerDb(before), new PeerDb(after), e.datoms(), Map.of()));
    }
  }

  private void whenApplied(long t, Promise<Applied> p) {
    Applied a = recent.get(t);
    // answers mostly come in t order, so those up to t go; one that comes later than a later t's
    // (pipelined transactions) or a retry's falls back to the log below
    for (var i = recent.keySet().iterator(); i.hasNext() && i.next() <= t; ) {
      i.remove();
    }
    if (a != null) {
      p.complete(a);
    } else if (t < db.nextT()) { // applied before: its db-after is the database at t
      try {
        LogEntry e = StorageLogSink.first(StorageLogSink.entries(storageLog, t, t + 1));
        p.complete(
            new Applied(
                LazyValue.known(db.at(t - 1)),
                LazyValue.known(db.at(t)),
                e == null ? List.of() : e.data()));
      } catch (RuntimeException e) {
        p.fail(Anomalies.from(e)); // storage unreachable: the caller learns it, not waits forever
      }
    } else {
      waiters.computeIfAbsent(t, k -> new ArrayList<>()).add(p);
      expectMissing();
    }
  }

  // a new durable index: the database becomes it plus the novelty past it. A root that is gone or
  // is another database's: this one was deleted, or renamed and the notice is on its way. The root
  // is read and the novelty replayed onto the index here, on the reindexer, so that the applier
  // (and every transaction waiting for its report) stops only for what came meanwhile
  private void prepareReindex() {
    try {
      Root r = Blocking.await(storage.root(rootName), "read root of " + uri.uri());
      if (r == null) {
        return;
      }
      DbRoot root = DbRoot.decode(r.value(), "root of " + uri.uri());
      if (root.id().equals(dbId) && root.indexed() && root.indexBasisT() <= db.basisT()) {
        DbValue prepared = Novelty.replayed(IndexJob.load(root, source), novelty, db);
        toApplier(() -> db = Novelty.onto(prepared, root.indexBasisT(), novelty, db));
      }
    } catch (RuntimeException e) {
      // storage unreachable: the novelty stays in memory until the next index's notice
    }
  }

  @Override
  public Future<Database> sync() {
    return onApplier(() -> catchUp()).map(v -> db());
  }

  @Override
  public Future<Database> sync(long t) {
    return sync()
        .compose(
            d ->
                d.basisT() >= t
                    ? Future.succeededFuture(d)
                    : Future.failedFuture(
                        Anomaly.incorrect(
                            "db.error/invalid-t",
                            "t " + t + " is beyond the log of this database, " + d.basisT())));
  }

  private <T> Future<T> onApplier(Callable<T> work) {
    Promise<T> p = Promise.promise();
    applier.execute(
        () -> {
          try {
            p.complete(work.call());
          } catch (Exception e) {
            p.fail(Anomalies.from(e));
          }
        });
    return p.future();
  }

  @Override
  public synchronized BlockingQueue<TxReport> txReportQueue() {
    if (queue == null) {
      queue = new LinkedBlockingQueue<>();
    }
    return queue;
  }

  @Override
  public synchronized void removeTxReportQueue() {
    queue = null;
  }

  @Override
  public Log log() {
    return new MemLog(() -> db, (from, to) -> StorageLogSink.entries(storageLog, from, to));
  }

  /** Indexing is the transactor's: a peer asks it over the bus. */
  @Override
  public Future<Void> requestIndex() {
    return requests.ask(Addresses::index, new JsonObject(), txTimeoutMillis, "index").mapEmpty();
  }

  /**
   * The transactor owns the index, so it collects the garbage: a peer asks it over the bus, and it
   * answers how many segments it deleted.
   */
  @Override
  public Future<Long> gcStorage(Date olderThan) {
    Objects.requireNonNull(olderThan, "olderThan");
    return requests
        .ask(
            Addresses::gc,
            new JsonObject().put("olderThan", olderThan.getTime()),
            GC_TIMEOUT_MILLIS,
            "gc storage")
        .map(answer -> answer.getLong("deleted"));
  }

  /**
   * This connection's database is now named {@code name}: requests go by that name from now on, and
   * {@link io.vertomic.peer.Peer#connect} of this process finds the connection under it.
   */
  synchronized void renamed(String name) {
    StorageUri from = uri;
    if (name == null || name.equals(from.database())) {
      return;
    }
    uri = from.withName(name);
    rootName = StorageDatabases.rootName(uri);
    Catalog.instance().durable().renamed(this, from, uri);
  }

  @Override
  public void release() {
    close();
    Catalog.instance().released(this);
  }

  void close() {
    released = true;
    consumers.forEach(MessageConsumer::unregister);
    applier.shutdown();
    reindexer.shutdown();
    failUnanswered();
  }

  private <T> T await(java.util.concurrent.Future<T> f) {
    try {
      return f.get(Blocking.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw Anomalies.from(e.getCause());
    } catch (Exception e) {
      throw Anomaly.unavailable("Could not read the log of " + uri.uri(), e);
    }
  }
}
