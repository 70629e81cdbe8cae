package io.vertomic.bench;

import io.vertomic.client.VertomicClient;
import io.vertomic.edn.Edn;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertomic.peerserver.PeerServerVerticle;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Transactions per second through a transactor process (a child JVM of the Vert.x launcher) on dev
 * and on sql storage, from 1, 4 and 16 concurrent submitters, this JVM being the peer; each
 * submitter awaits its transaction before sending the next. Datomic's transactor is not on Maven
 * Central, so the reference is Datomic's in-memory peer with the same submitters. load-single: one
 * person per transaction; load-batch: 1,000; load-piped: one person per transaction, all issued
 * from one thread without waiting (Datomic's {@code transactAsync}), their order checked by the
 * {@code t} each got; load-sustained: 150,000 through index jobs, the rate second by second;
 * load-memory: a transactor at {@code -Xmx256m} for minutes ({@link TransactorMemoryBench}). Each
 * load, on either engine, first runs unrecorded with its own submitters until its rate is steady
 * ({@link SteadyRate}). Prints a table and returns it as JSON.
 */
final class TransactorBench {
  private static final int[] SUBMITTERS = {1, 4, 16};
  private static final int SDK_CALLERS = 64;
  private static final int SDK_WARMUP_SECONDS = 45;
  private final int singles;
  private final int batches;
  private final int pipelined;
  private final int sustained;
  private final int memorySeconds;
  private final List<String> json = new ArrayList<>();
  // this JVM's peer meters (its event-bus round trips), and the phases of the transactor serving
  private final io.micrometer.core.instrument.simple.SimpleMeterRegistry peerMeters =
      new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
  private TxPhases phases;
  // the metrics address each transactor printed, by process id
  private static final java.util.Map<Long, String> METRICS =
      new java.util.concurrent.ConcurrentHashMap<>();

  TransactorBench(int singles, int batches, int pipelined, int sustained, int memorySeconds) {
    this.singles = singles;
    this.batches = batches;
    this.pipelined = pipelined;
    this.sustained = sustained;
    this.memorySeconds = memorySeconds;
  }

  /** The storage system of a transactor of each kind ({@code *} for the database name). */
  static final java.util.Map<String, String> STORAGES =
      java.util.Map.of(
          "dev", "vertomic:dev://127.0.0.1:4335/*",
          "sql", "vertomic:sql://*?postgresql://postgres@127.0.0.1:5432/vertomic_ha",
          "cass", "vertomic:cass://127.0.0.1:9042/vertomic_bench.ha/*",
          "ddb", "vertomic:ddb://us-east-1/vertomic-bench-ha/*?endpoint=http://127.0.0.1:4567");

  /**
   * The section {@code storages}: load-single (16 submitters) and load-batch (1 submitter) through
   * a transactor on each of {@code kinds}, each against Datomic's in-memory peer measured once with
   * the same load. Returns the JSON rows.
   */
  String runOn(List<String> kinds) throws Exception {
    String cluster = "bench-" + UUID.randomUUID();
    Peer.configure(Peer.options().setClusterName(cluster).setMeterRegistry(peerMeters));
    printHeader();
    Result datomicSingle = datomic(1, singles, 16);
    Result datomicBatch = datomic(1000, batches, 1);
    for (String kind : kinds) {
      String system = STORAGES.get(kind);
      StorageSchemas.install(system);
      Process transactor = startTransactor(cluster, system);
      phases = new TxPhases(METRICS.get(transactor.pid()), peerMeters);
      try {
        print("load-single", kind, 16, vertomic(system, 1, singles, 16), datomicSingle);
        print("load-batch", kind, 1, vertomic(system, 1000, batches, 1), datomicBatch);
      } finally {
        stop(transactor);
        Peer.shutdown();
      }
    }
    return "[" + String.join(",", json) + "]";
  }

  private static void printHeader() {
    System.out.printf(
        "%n%-12s %-8s %5s %10s %9s %9s %12s %9s %9s %7s%n",
        "transactor",
        "storage",
        "subm",
        "tx/s",
        "p50",
        "p99",
        "datomic tx/s",
        "p50",
        "p99",
        "ratio");
  }

  String run() throws Exception {
    String cluster = "bench-" + UUID.randomUUID();
    Peer.configure(Peer.options().setClusterName(cluster).setMeterRegistry(peerMeters));
    printHeader();
    String dev = STORAGES.get("dev");
    String sql = STORAGES.get("sql");
    for (String[] s : List.of(new String[] {"dev", dev}, new String[] {"sql", sql})) {
      Process transactor = startTransactor(cluster, s[1]);
      phases = new TxPhases(METRICS.get(transactor.pid()), peerMeters);
      try {
        for (String load : List.of("load-single", "load-batch")) {
          int perTx = load.equals("load-single") ? 1 : 1000;
          int count = load.equals("load-single") ? singles : batches;
          for (int n : SUBMITTERS) {
            Result v = vertomic(s[1], perTx, count, n);
            Result d = datomic(perTx, count, n);
            print(load, s[0], n, v, d);
          }
        }
        print("load-piped", s[0], 1, pipedVertomic(s[1], pipelined), pipedDatomic(pipelined));
        if (s[0].equals("sql")) {
          // before the SDK load: loading the peer server's and the SDK's classes sets the JIT
          // compiling again for seconds, which would read as the cost of an index job
          sustained(s[0], s[1]);
          print(
              "load-sdk", s[0], SDK_CALLERS, sdk(s[1], singles), datomic(1, singles, SDK_CALLERS));
        }
      } finally {
        stop(transactor);
        Peer.shutdown();
      }
    }
    // a transactor of its own at -Xmx256m (TransactorMemoryBench)
    json.add(TransactorMemoryBench.run(cluster, sql, memorySeconds));
    return "[" + String.join(",", json) + "]";
  }

  /** Rate and latencies of a load; {@code perSecond}: the transactions finished in each second. */
  private record Result(double txPerSecond, Stats latency, long[] perSecond) {
    Result(double txPerSecond, Stats latency) {
      this(txPerSecond, latency, new long[0]);
    }
  }

  // SDK_CALLERS clients of a peer server in this JVM (a peer of the transactor like any other),
  // each sending its next transaction over HTTP when the last one is answered
  private Result sdk(String system, int count) throws Exception {
    String name = "sdk-" + UUID.randomUUID().toString().substring(0, 8);
    Peer.createDatabase(system.replace("*", name));
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject config = new JsonObject().put("storage", system).put("port", 0);
      VertomicClient client =
          RemoteBench.clientOf(vertx, new PeerServerVerticle(), config, SDK_CALLERS);
      io.vertomic.client.Connection conn = await(client.connect(name));
      await(conn.transact(People.SCHEMA));
      // through the peer server the rate climbs for about a minute (SteadyRate)
      SteadyRate warming = new SteadyRate(SDK_WARMUP_SECONDS);
      io.vertx.core.Future<Void> warm =
          sdkRun(conn, warming.next(), i -> txText(1, count + i), null);
      warming.await(warmup(count));
      await(warm);
      List<Object> txs = txData(1, 0, count, tx -> tx);
      long[] nanos = new long[count];
      AtomicInteger next = new AtomicInteger();
      long start = System.nanoTime();
      await(
          sdkRun(
              conn,
              () -> {
                int i = next.getAndIncrement();
                return i < count ? i : -1;
              },
              txs::get,
              nanos));
      double seconds = (System.nanoTime() - start) / 1e9;
      client.close();
      return new Result(count / seconds, Stats.of(nanos));
    } finally {
      await(vertx.close());
    }
  }

  // SDK_CALLERS callers, each sending tx(i) for the next i when its last one is answered, until
  // next gives -1; the latency of each goes in nanos, when given
  private static io.vertx.core.Future<Void> sdkRun(
      io.vertomic.client.Connection conn,
      java.util.function.IntSupplier next,
      IntFunction<Object> tx,
      long[] nanos) {
    List<io.vertx.core.Future<Void>> callers = new ArrayList<>();
    for (int c = 0; c < SDK_CALLERS; c++) {
      Promise<Void> done = Promise.promise();
      sdkNext(conn, next, tx, nanos, done);
      callers.add(done.future());
    }
    return io.vertx.core.Future.all(callers).mapEmpty();
  }

  private static void sdkNext(
      io.vertomic.client.Connection conn,
      java.util.function.IntSupplier next,
      IntFunction<Object> tx,
      long[] nanos,
      Promise<Void> done) {
    int i = next.getAsInt();
    if (i < 0) {
      done.tryComplete();
      return;
    }
    long sent = System.nanoTime();
    conn.transact(tx.apply(i))
        .onComplete(
            ar -> {
              if (ar.failed()) {
                done.tryFail(ar.cause());
                return;
              }
              if (nanos != null) {
                nanos[i] = System.nanoTime() - sent;
              }
              sdkNext(conn, next, tx, nanos, done);
            });
  }

  private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
  }

  // one thread issues every transaction without waiting, then waits for all: the connection keeps
  // them in the order issued, which the t of each answer shows
  private Result pipedVertomic(String system, int count) throws Exception {
    String uri = system.replace("*", "piped-" + UUID.randomUUID().toString().substring(0, 8));
    Peer.createDatabase(uri);
    Connection conn = Peer.connect(uri);
    conn.transact(People.SCHEMA).toCompletionStage().toCompletableFuture().get();
    List<Object> txs = txData(1, 0, count + warmup(count), Edn::read);
    Result r =
        piped(
            txs,
            count,
            (tx, done) ->
                conn.transact(tx)
                    .onComplete(
                        ar -> done.accept(ar.succeeded() ? ar.result().dbAfter().basisT() : -1)));
    Peer.deleteDatabase(uri);
    return r;
  }

  private Result pipedDatomic(int count) throws Exception {
    String uri = "datomic:mem://piped-" + UUID.randomUUID();
    datomic.Peer.createDatabase(uri);
    datomic.Connection conn = datomic.Peer.connect(uri);
    conn.transact((List<?>) datomic.Util.read(People.SCHEMA)).get();
    List<Object> txs = txData(1, 0, count + warmup(count), datomic.Util::read);
    Result r =
        piped(
            txs,
            count,
            (tx, done) -> {
              var f = conn.transactAsync((List<?>) tx);
              f.addListener(
                  () -> {
                    try {
                      datomic.Database after =
                          (datomic.Database) f.get().get(datomic.Connection.DB_AFTER);
                      done.accept(after.basisT());
                    } catch (Exception e) {
                      done.accept(-1);
                    }
                  },
                  Runnable::run);
            });
    datomic.Peer.deleteDatabase(uri);
    return r;
  }

  @FunctionalInterface
  private interface PipedSubmit {
    void transact(Object txData, java.util.function.LongConsumer t) throws Exception;
  }

  private static Result piped(List<Object> txs, int count, PipedSubmit submit) throws Exception {
    int warm = txs.size() - count;
    for (int round = 0; round < 2; round++) {
      int from = round == 0 ? 0 : warm;
      int n = round == 0 ? warm : count;
      long[] nanos = new long[n];
      long[] ts = new long[n];
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(n);
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        int k = i;
        long sent = System.nanoTime();
        submit.transact(
            txs.get(from + i),
            t -> {
              ts[k] = t;
              nanos[k] = System.nanoTime() - sent;
              done.countDown();
            });
      }
      if (!done.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("pipelined transactions did not all finish");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      for (int i = 0; i < n; i++) {
        if (ts[i] < 0 || (i > 0 && ts[i] <= ts[i - 1])) {
          throw new IllegalStateException("pipelined transaction " + i + " failed or out of order");
        }
      }
      if (round == 1) {
        return new Result(n / seconds, Stats.of(nanos));
      }
    }
    throw new AssertionError();
  }

  private Result vertomic(String system, int perTx, int count, int submitters) throws Exception {
    String uri = system.replace("*", "tx-" + UUID.randomUUID().toString().substring(0, 8));
    Peer.createDatabase(uri);
    Connection conn = Peer.connect(uri);
    conn.transact(People.SCHEMA).toCompletionStage().toCompletableFuture().get();
    List<Object> txs = txData(perTx, 0, count, Edn::read);
    TxPhases.Snapshot[] before = new TxPhases.Snapshot[1];
    Result r =
        measure(
            txs,
            i -> Edn.read(txText(perTx, count + i)),
            submitters,
            tx -> conn.transact(tx).toCompletionStage().toCompletableFuture().get(),
            () -> before[0] = phases.now());
    System.out.println(phases.since(before[0]));
    // as the Datomic row deletes its database: what one row leaves in this JVM's heap would make
    // every later row, of either engine, pay for it in collections
    Peer.deleteDatabase(uri);
    return r;
  }

  private Result datomic(int perTx, int count, int submitters) throws Exception {
    String uri = "datomic:mem://tx-" + UUID.randomUUID();
    datomic.Peer.createDatabase(uri);
    datomic.Connection conn = datomic.Peer.connect(uri);
    conn.transact((List<?>) datomic.Util.read(People.SCHEMA)).get();
    List<Object> txs = txData(perTx, 0, count, datomic.Util::read);
    Result r =
        measure(
            txs,
            i -> datomic.Util.read(txText(perTx, count + i)),
            submitters,
            tx -> conn.transact((List<?>) tx).get());
    datomic.Peer.deleteDatabase(uri);
    return r;
  }

  private static int warmup(int count) {
    return Math.max(2, count / 5);
  }

  // transactions from, from + 1 ... from + count - 1, of perTx persons each, as read by read
  private static List<Object> txData(
      int perTx, int from, int count, java.util.function.Function<String, Object> read) {
    List<Object> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(read.apply(txText(perTx, from + i)));
    }
    return out;
  }

  /** The EDN text of the {@code i}th transaction of {@code perTx} new persons. */
  static String txText(int perTx, int i) {
    StringBuilder tx = new StringBuilder("[");
    for (int j = 0; j < perTx; j++) {
      tx.append("{:db/id \"p")
          .append(j)
          .append("\" :person/name \"n")
          .append(i)
          .append('-')
          .append(j)
          .append("\" :person/last-name \"l")
          .append(j % 97)
          .append("\" :person/age ")
          .append(j % 80)
          .append(" :person/salary ")
          .append(1000 + j)
          .append(" :person/sex :male}");
    }
    return tx.append(']').toString();
  }

  @FunctionalInterface
  private interface Submit {
    void transact(Object txData) throws Exception;
  }

  private static Result measure(
      List<Object> txs, IntFunction<Object> warmTx, int submitters, Submit submit)
      throws Exception {
    return measure(txs, warmTx, submitters, submit, () -> {});
  }

  /** What runs between the warm-up and the measured transactions. */
  @FunctionalInterface
  private interface WarmedUp {
    void run() throws Exception;
  }

  // the submitters first send warmTx(0), warmTx(1)... until the rate is steady, unrecorded, then
  // every one of txs, measured
  private static Result measure(
      List<Object> txs,
      IntFunction<Object> warmTx,
      int submitters,
      Submit submit,
      WarmedUp warmedUp)
      throws Exception {
    int count = txs.size();
    ExecutorService pool = Executors.newFixedThreadPool(submitters);
    SteadyRate warming = new SteadyRate();
    List<Future<?>> warm =
        submitAll(pool, submitters, warming.next(), i -> submit.transact(warmTx.apply(i)));
    warming.await(warmup(count));
    join(warm);
    warmedUp.run();
    long[] nanos = new long[count];
    long[] ends = new long[count];
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    join(
        submitAll(
            pool,
            submitters,
            () -> {
              int i = next.getAndIncrement();
              return i < count ? i : -1;
            },
            i -> {
              long t = System.nanoTime();
              submit.transact(txs.get(i));
              ends[i] = System.nanoTime();
              nanos[i] = ends[i] - t;
            }));
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    // the whole seconds of the run: the last, partial one would read as a dip
    long[] perSecond = new long[(int) seconds];
    for (long end : ends) {
      int second = (int) ((end - start) / 1_000_000_000L);
      if (second < perSecond.length) {
        perSecond[second]++;
      }
    }
    return new Result(count / seconds, Stats.of(nanos), perSecond);
  }

  /** One transaction of a load, by its index. */
  @FunctionalInterface
  private interface Step {
    void run(int i) throws Exception;
  }

  // each submitter runs step with the next index until next gives -1
  private static List<Future<?>> submitAll(
      ExecutorService pool, int submitters, java.util.function.IntSupplier next, Step step) {
    List<Future<?>> running = new ArrayList<>();
    for (int s = 0; s < submitters; s++) {
      running.add(
          pool.submit(
              () -> {
                for (int i = next.getAsInt(); i >= 0; i = next.getAsInt()) {
                  step.run(i);
                }
                return null;
              }));
    }
    return running;
  }

  private static void join(List<Future<?>> running) throws Exception {
    for (Future<?> f : running) {
      f.get();
    }
  }

  // 16 submitters for long enough that index jobs run during the load (one per 100,000 datoms by
  // default, about 16,000 of these transactions): the rate in each second shows what they cost
  private void sustained(String storage, String system) throws Exception {
    String uri = system.replace("*", "sustained-" + UUID.randomUUID().toString().substring(0, 8));
    Peer.createDatabase(uri);
    Connection conn = Peer.connect(uri);
    conn.transact(People.SCHEMA).toCompletionStage().toCompletableFuture().get();
    List<Object> txs = txData(1, 0, sustained, Edn::read);
    Result r =
        measure(
            txs,
            i -> Edn.read(txText(1, sustained + i)),
            16,
            tx -> conn.transact(tx).toCompletionStage().toCompletableFuture().get());
    Peer.deleteDatabase(uri);
    long[] sorted = r.perSecond().clone();
    java.util.Arrays.sort(sorted);
    long median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    long p5 = sorted.length == 0 ? 0 : sorted[sorted.length / 20];
    long min = sorted.length == 0 ? 0 : sorted[0];
    System.out.printf(
        Locale.ROOT,
        "%-14s %-6s %5d %10.0f %7.2fms %7.2fms  per second: median %d, p5 %d, min %d (%.2f of"
            + " the median) over %d s%n",
        "load-sustained",
        storage,
        16,
        r.txPerSecond(),
        r.latency().medianMs(),
        r.latency().p99Ms(),
        median,
        p5,
        min,
        median == 0 ? 0.0 : (double) min / median,
        sorted.length);
    json.add(
        String.format(
            Locale.ROOT,
            "{\"workload\": \"load-sustained\", \"storage\": \"%s\", \"submitters\": 16,"
                + " \"vertomic_tx_per_s\": %.1f, \"vertomic_p50_ms\": %.3f, \"vertomic_p99_ms\":"
                + " %.3f, \"per_second\": %s}",
            storage,
            r.txPerSecond(),
            r.latency().medianMs(),
            r.latency().p99Ms(),
            java.util.Arrays.toString(r.perSecond())));
  }

  private void print(String load, String storage, int submitters, Result v, Result d) {
    double ratio = v.txPerSecond() / d.txPerSecond();
    System.out.printf(
        Locale.ROOT,
        "%-12s %-8s %5d %10.0f %7.2fms %7.2fms %12.0f %7.2fms %7.2fms %7.2f%n",
        load,
        storage,
        submitters,
        v.txPerSecond(),
        v.latency().medianMs(),
        v.latency().p99Ms(),
        d.txPerSecond(),
        d.latency().medianMs(),
        d.latency().p99Ms(),
        ratio);
    json.add(
        String.format(
            Locale.ROOT,
            "{\"workload\": \"%s\", \"storage\": \"%s\", \"submitters\": %d, \"vertomic_tx_per_s\":"
                + " %.1f, \"vertomic_p50_ms\": %.3f, \"vertomic_p99_ms\": %.3f,"
                + " \"datomic_mem_tx_per_s\": %.1f, \"datomic_p50_ms\": %.3f,"
                + " \"datomic_p99_ms\": %.3f, \"ratio\": %.3f}",
            load,
            storage,
            submitters,
            v.txPerSecond(),
            v.latency().medianMs(),
            v.latency().p99Ms(),
            d.txPerSecond(),
            d.latency().medianMs(),
            d.latency().p99Ms(),
            ratio));
  }

  // the JVM options ./scripts/transactor gives a transactor by default (docs/transactor.md)
  private static final List<String> TRANSACTOR_JVM =
      List.of("-Xms2g", "-Xmx2g", "-XX:+UseParallelGC");

  /** A transactor in a child JVM with this class path; returns once it is active. */
  private static Process startTransactor(String cluster, String system) throws IOException {
    return startTransactor(cluster, system, TRANSACTOR_JVM);
  }

  /**
   * Stops a transactor as its operator would (SIGTERM, so a flight recording given to it in {@code
   * JAVA_TOOL_OPTIONS} is written), killing it if it is still there after 20 s.
   */
  static void stop(Process transactor) throws InterruptedException {
    transactor.destroy();
    if (!transactor.waitFor(20, TimeUnit.SECONDS)) {
      transactor.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** The same with the given JVM options (heap, GC log). */
  static Process startTransactor(String cluster, String system, List<String> jvmOptions)
      throws IOException {
    Path conf = Files.createTempFile("bench-transactor", ".json");
    Files.writeString(conf, "{\"storage\": \"" + system + "\", \"leaseMillis\": 5000}");
    conf.toFile().deleteOnExit();
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(
        List.of(
            "-Dvertomic.cluster.name=" + cluster,
            "-Dvertomic.dev.dir=" + Peer.options().getDataDir(),
            "-cp",
            System.getProperty("java.class.path"),
            "io.vertomic.transactor.TransactorMain",
            "-conf",
            conf.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      int metrics = line.indexOf(" metrics on ");
      if (metrics >= 0) {
        METRICS.put(p.pid(), line.substring(metrics + " metrics on ".length()).trim());
      }
      if (line.contains(" active epoch ")) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // keep the pipe from filling
                    }
                  } catch (IOException e) {
                    // gone
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return p;
      }
    }
    throw new IllegalStateException("the transactor exited before it was active");
  }
}
