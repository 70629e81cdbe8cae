package io.vertomic.transactor;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A peer process for the multi-process tests: connects to {@code args[0]} and, on the line {@code
 * go}, transacts {@code args[2]} values (-1: until the line {@code stop}) named {@code args[1]-i}
 * with at most {@code args[3]} in flight, printing {@code ack NAME t} for each acknowledged one.
 * Every transaction carries its name as idempotency key, so one that fails {@code unavailable},
 * {@code interrupted} (its transactor died) or {@code busy} is sent again 20 ms later, after a line
 * {@code retry NAME CATEGORY MESSAGE}: if it had committed, the answer is the original one. Then,
 * on the line {@code report}, prints its database ({@code db BASIS-T DIGEST}) and, for a bounded
 * load, the t of every tx report it received ({@code txs T,T,...}); on {@code exit}, exits.
 */
public final class LoadPeerMain {
  public static void main(String[] args) throws Exception {
    String uri = args[0];
    String name = args[1];
    int count = Integer.parseInt(args[2]);
    Semaphore inFlight = new Semaphore(Integer.parseInt(args[3]));
    try {
      Connection conn = Peer.connect(uri);
      await(
          conn.transact(
              "[{:db/ident :load/id :db/valueType :db.type/string"
                  + " :db/cardinality :db.cardinality/one :db/unique :db.unique/value}]"));
      // only a bounded load reports its tx reports: an endless one would keep them all in memory
      BlockingQueue<TxReport> reports = count < 0 ? null : conn.txReportQueue();
      System.out.println("connected " + conn.getClass().getSimpleName());
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      while (!"go".equals(in.readLine())) {
        // the test starts every peer's load at once, after all have their report queues
      }
      AtomicBoolean stop = new AtomicBoolean();
      if (count < 0) { // until told to stop
        Thread t =
            new Thread(
                () -> {
                  try {
                    while (!"stop".equals(in.readLine())) {
                      // other lines come after the load
                    }
                  } catch (java.io.IOException e) {
                    // stdin closed
                  }
                  stop.set(true);
                });
        t.setDaemon(true);
        t.start();
      }
      List<Future<Void>> all = new ArrayList<>();
      int submitted = 0;
      for (int i = 0; count < 0 ? !stop.get() : i < count; i++) {
        submitted++;
        inFlight.acquire();
        String id = name + "-" + i;
        Future<Void> done = submit(conn, id).andThen(ar -> inFlight.release());
        all.add(done);
      }
      await(Future.all(all));
      System.out.println("done " + submitted);
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("report")) {
          Database db = await(conn.sync());
          System.out.println("db " + db.basisT() + " " + digest(db));
          List<String> ts = new ArrayList<>();
          for (TxReport r = reports == null ? null : reports.poll();
              r != null;
              r = reports.poll()) {
            ts.add(Long.toString(r.dbAfter().basisT()));
          }
          System.out.println("txs " + String.join(",", ts));
        } else if (line.equals("exit")) {
          break;
        }
      }
    } catch (Throwable e) {
      System.out.println("error " + e);
      e.printStackTrace(System.out);
    }
    System.exit(0);
  }

  // a retry comes a moment later, as a client's would, and starts a new chain of futures: sent
  // again at once and from inside the last attempt's callback, a load through an outage of seconds
  // would nest thousands of attempts
  private static final ScheduledExecutorService RETRIES =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "load-retries");
            t.setDaemon(true);
            return t;
          });

  private static Future<Void> submit(Connection conn, String id) {
    Promise<Void> done = Promise.promise();
    attempt(conn, id, done);
    return done.future();
  }

  private static void attempt(Connection conn, String id, Promise<Void> done) {
    String tx =
        "[{:db/id \"datomic.tx\" :vertomic.tx/idempotency-key \""
            + id
            + "\"} {:load/id \""
            + id
            + "\"}]";
    conn.transact(tx)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                System.out.println("ack " + id + " " + ar.result().dbAfter().basisT());
                done.complete();
                return;
              }
              Anomaly a = (Anomaly) ar.cause();
              switch (a.category()) {
                case UNAVAILABLE, INTERRUPTED, BUSY -> {
                  System.out.println("retry " + id + " " + a.category() + " " + a.getMessage());
                  RETRIES.schedule(() -> attempt(conn, id, done), 20, TimeUnit.MILLISECONDS);
                }
                default -> {
                  System.out.println("fail " + id + " " + a);
                  done.complete();
                }
              }
            });
  }

  private static String digest(Database db) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (Datom d : db.history().datoms("eavt")) {
      md.update(
          (d.e() + " " + d.a() + " " + d.v() + " " + d.tx() + " " + d.added() + "\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest()).substring(0, 16);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(300, TimeUnit.SECONDS);
  }
}
