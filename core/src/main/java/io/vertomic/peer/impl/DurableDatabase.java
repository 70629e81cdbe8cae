package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.db.DbValue;
import io.vertomic.log.StorageLog;
import io.vertomic.metrics.EngineMeters;
import io.vertomic.metrics.IndexMeters;
import io.vertomic.peer.LogEntry;
import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertomic.tx.TxProcessor;
import io.vertomic.tx.TxResult;
import io.vertomic.tx.Writer;
import io.vertomic.wire.DbRoot;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One database in durable storage, written by this process: its {@link Writer} (which appends every
 * transaction to the log before acknowledging it), its durable index and the job that advances it.
 * The database value is the durable index at index-basis-t, read lazily through the shared {@link
 * SegmentNodeSource}, plus the novelty since (transactions replayed from the log on connect,
 * applied in memory after). When the novelty passes {@code indexThreshold} datoms, or on {@code
 * requestIndex}, an {@link IndexJob} writes the changed segments and swaps the root; the writer
 * then rebases onto the new index and forgets the novelty it covers. Thread-safe.
 */
final class DurableDatabase {
  private final Storage storage;
  // both change only on a rename, while no index job runs
  private volatile StorageUri uri;
  private volatile String rootName;
  private final SegmentNodeSource source;
  private final Executor processing;
  private final long indexThreshold;
  private final StorageLogSink sink;
  private volatile long excisionsCleanThrough = -1;
  private final Writer writer;
  private final LocalConnection connection;
  private final AtomicLong novelty = new AtomicLong();
  private final IndexMeters indexMeters;
  private Root root;
  // the id never changes: a rename gives the database another root name, not another id
  private final String id;
  private Future<Void> indexing;
  // the basis t of the value the running index job writes
  private long indexingT;
  private Future<Void> renaming;
  private volatile Runnable onIndexed = () -> {};

  private DurableDatabase(
      Storage storage,
      StorageUri uri,
      String rootName,
      Root root,
      SegmentNodeSource source,
      Executor processing,
      long indexThreshold,
      int txQueueMax,
      TxProcessor processor,
      EngineMeters meters) {
    this.storage = storage;
    this.uri = uri;
    this.rootName = rootName;
    this.root = root;
    this.source = source;
    this.processing = processing;
    this.indexThreshold = indexThreshold;
    DbRoot r = dbRoot(root);
    this.id = r.id();
    this.sink = new StorageLogSink(new StorageLog(storage, r.id()), processing);
    DbValue indexed = r.indexed() ? IndexJob.load(r, source) : DbValue.bootstrap();
    DbValue db = Blocking.await(sink.catchUp(indexed), "read the log of " + rootName);
    novelty.set(sink.replayedDatoms());
    this.writer = new Writer(db, processor, sink, processing, txQueueMax, meters.tx());
    this.indexMeters = meters.index();
    indexMeters.watch(novelty);
    this.connection =
        new LocalConnection(writer, sink::entries, this::requestIndex, this::gcStorage);
    writer.listen(this::afterCommit);
  }

  /**
   * Opens the database under root {@code rootName}, its transactions processed by {@code processor}
   * and measured in {@code meters}, indexing every {@code indexThreshold} datoms of novelty and
   * answering busy past {@code txQueueMax} unanswered transactions; fails {@code not-found} when
   * there is none.
   */
  static DurableDatabase open(
      Storage storage,
      StorageUri uri,
      String rootName,
      SegmentNodeSource source,
      Executor processing,
      long indexThreshold,
      int txQueueMax,
      TxProcessor processor,
      EngineMeters meters) {
    Root r = Blocking.await(storage.root(rootName), "read root of " + uri.uri());
    if (r == null) {
      throw Anomaly.notFound("db.error/db-not-found", "Could not find database " + uri.uri());
    }
    return new DurableDatabase(
        storage,
        uri,
        rootName,
        r,
        source,
        processing,
        indexThreshold,
        txQueueMax,
        processor,
        meters);
  }

  LocalConnection connection() {
    return connection;
  }

  /** The id this database's log and segments are stored under. */
  String id() {
    return id;
  }

  /**
   * Gives {@code listener} every group of transactions once the log holds it, as the log holds it,
   * in {@code t} order, before the writer acknowledges any of them.
   */
  void onAppended(Consumer<List<LogRecord>> listener) {
    sink.onAppended(listener);
  }

  /** Runs {@code r} after every index job that moved the root on. */
  void onIndexed(Runnable r) {
    onIndexed = r;
  }

  /**
   * Writes the index up to the current {@code t}: joins a job already running when it covers that
   * {@code t}, else runs another once it is done. Completes once the root names the new index and
   * the writer has rebased onto it.
   */
  synchronized Future<Void> requestIndex() {
    Future<Void> running = running();
    if (running != null && indexingT < writer.db().basisT()) {
      return running.transform(ar -> requestIndex());
    }
    return index();
  }

  // starts an index job of the current value, or joins the one running
  private synchronized Future<Void> index() {
    Future<Void> running = running();
    if (running != null) {
      return running;
    }
    if (renaming != null && !renaming.isComplete()) {
      return renaming.transform(ar -> index());
    }
    DbValue snapshot = writer.db();
    DbRoot current = dbRoot(root);
    if (current.indexed() && current.indexBasisT() == snapshot.basisT()) {
      return Future.succeededFuture();
    }
    Root before = root;
    String name = rootName;
    long start = System.nanoTime();
    Future<IndexJob.Written> written =
        onProcessing(() -> IndexJob.run(storage, name, before, current, snapshot)).compose(w -> w);
    Future<Void> job =
        written.compose(
            w -> {
              Root next = w.root();
              indexMeters.indexed(
                  System.nanoTime() - start,
                  datomsBetween(current.indexBasisT(), snapshot.basisT()),
                  w.segments());
              synchronized (this) {
                root = next;
              }
              DbRoot indexed = dbRoot(next);
              // the long replay (what was committed while the job ran) off the writer, which
              // stops only for what came after it
              return replayedOnto(indexed)
                  .compose(
                      prepared ->
                          writer.rebase(
                              db ->
                                  Novelty.onto(prepared, indexed.indexBasisT(), writer.log(), db)))
                  .compose(v -> excise(indexed, snapshot));
            });
    indexing = job;
    indexingT = snapshot.basisT();
    job.onComplete(ar -> finished(job, ar.succeeded()));
    written.onFailure(e -> indexMeters.failed());
    return job;
  }

  // the index job still running, or null. A job is done once its future is, even before its
  // completion handler has cleared the field: that handler waits for this object's lock, so a
  // request holding the lock and joining the done job would call itself until the stack overflowed
  private Future<Void> running() {
    return indexing == null || indexing.isComplete() ? null : indexing;
  }

  // the new index with the writer's log replayed onto it as far as it goes now, on a processing
  // thread
  private Future<DbValue> replayedOnto(DbRoot indexed) {
    return onProcessing(
        () -> Novelty.replayed(IndexJob.load(indexed, source), writer.log(), writer.db()));
  }

  // work on a processing thread (never the event loop: it reads and writes storage), as a future
  private <T> Future<T> onProcessing(Supplier<T> work) {
    Promise<T> p = Promise.promise();
    processing.execute(
        () -> {
          try {
            p.complete(work.get());
          } catch (RuntimeException e) {
            p.fail(e);
          }
        });
    return p.future();
  }

  // the datoms of the transactions after t {@code from} up to t {@code through} that this writer
  // committed (those replayed from the log when it opened are not in its log)
  private long datomsBetween(long from, long through) {
    long datoms = 0;
    for (LogEntry e : writer.log().range(from + 1, through + 1)) {
      datoms += e.data().size();
    }
    return datoms;
  }

  /**
   * The storage side of the excisions {@code snapshot} made after the last cleaning this process
   * did (all of them, the first time: a crash may have cut the last cleaning short).
   */
  private Future<Void> excise(DbRoot indexed, DbValue snapshot) {
    if (!ExcisionJob.needed(snapshot, excisionsCleanThrough)) {
      return Future.succeededFuture();
    }
    return onProcessing(
        () -> {
          ExcisionJob.run(storage, indexed, snapshot);
          excisionsCleanThrough = snapshot.basisT();
          return null;
        });
  }

  // after a new index, the novelty is what the writer committed past it (its log keeps exactly
  // that); after a failed job the count simply goes on
  private synchronized void finished(Future<Void> job, boolean indexed) {
    if (indexing == job) {
      indexing = null;
    }
    if (indexed) {
      onIndexed.run();
      novelty.set(datomsBetween(dbRoot(root).indexBasisT(), Long.MAX_VALUE - 1));
    }
  }

  private void afterCommit(TxResult r) {
    if (novelty.addAndGet(r.txData().size()) >= indexThreshold) {
      index(); // a job running now will be followed by the next commit's request
    }
  }

  /** Deletes unreachable segments older than {@code olderThan}, on the processing threads. */
  Future<Long> gcStorage(java.util.Date olderThan) {
    DbRoot current;
    synchronized (this) {
      current = dbRoot(root);
    }
    return onProcessing(() -> StorageGc.collect(storage, current, olderThan));
  }

  /**
   * Renames this database to {@code to}: once no index job runs (one running is waited for, and
   * those asked for meanwhile wait for the rename), its root moves (see {@link RootMove}). The
   * writer and the connection go on as they were, under the new name. Fails {@code not-found} when
   * the root is gone, {@code conflict} when {@code to} exists; then nothing changed.
   */
  synchronized Future<Void> rename(StorageUri to) {
    Future<Void> idle = Future.all(quiet(indexing), quiet(renaming)).mapEmpty();
    Future<Void> move =
        idle.compose(v -> RootMove.move(storage, uri, to))
            .map(
                next -> {
                  synchronized (this) {
                    root = next;
                    uri = to;
                    rootName = next.name();
                  }
                  return null;
                });
    renaming = move;
    move.onComplete(
        ar -> {
          synchronized (this) {
            if (renaming == move) {
              renaming = null;
            }
          }
        });
    return move;
  }

  private static Future<Void> quiet(Future<Void> f) {
    return f == null ? Future.succeededFuture() : f.otherwiseEmpty();
  }

  /**
   * Closes the connection; the future completes once an index job or rename still running has ended
   * (its outcome aside), so whoever deletes the database next does not race its root swap.
   */
  Future<Void> close() {
    connection.close();
    indexMeters.forget(novelty);
    Future<Void> job;
    Future<Void> move;
    synchronized (this) {
      job = indexing;
      move = renaming;
    }
    return Future.all(quiet(job), quiet(move)).mapEmpty();
  }

  private DbRoot dbRoot(Root r) {
    return DbRoot.decode(r.value(), "root " + rootName);
  }
}
