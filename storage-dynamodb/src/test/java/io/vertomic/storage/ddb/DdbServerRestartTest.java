package io.vertomic.storage.ddb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.storage.LogRecord;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DynamoDB-compatible server killed in the middle of a load and started again: the writes it
 * acknowledged are all there, the ones in between fail {@code unavailable}, and the same storage
 * instance carries on once the server is back. Runs its own dynalite (the one {@code
 * scripts/services/dynamodb} installed) on a free port, so the shared one is never stopped.
 */
@Tag("slow") // dynalite
class DdbServerRestartTest {
  @TempDir Path data;
  private final Vertx vertx = Vertx.vertx();
  private Process server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void acknowledgedAppendsSurviveTheServerKilledMidLoadAndWritesResumeWhenItIsBack()
      throws Exception {
    int port = freePort();
    String uri = "vertomic:ddb://us-east-1/restart/x?endpoint=http://127.0.0.1:" + port;
    server = start(port);
    await(DdbSchema.install(vertx, uri));
    Storage storage = await(new DdbStorageProvider().open(vertx, StorageUri.parse(uri)));

    Set<Long> acked = new ConcurrentSkipListSet<>();
    CountDownLatch fifty = new CountDownLatch(50);
    Future<Void> load = append(storage, 1, 10_000, acked, fifty);
    assertTrue(fifty.await(60, TimeUnit.SECONDS), "50 appends acknowledged");
    server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    Anomaly a = failure(load);
    assertEquals(Category.UNAVAILABLE, a.category(), a.getMessage());
    assertTrue(a.getMessage().contains("127.0.0.1:" + port), a.getMessage());

    server = start(port);
    List<LogRecord> log = await(storage.readLog("db", 0, Long.MAX_VALUE, 100_000));
    Set<Long> found = new java.util.HashSet<>();
    log.forEach(r -> found.add(r.t()));
    assertTrue(found.containsAll(acked), "every acknowledged t is in the log");
    long next = log.get(log.size() - 1).t() + 1;
    await(storage.appendLog("db", next, ("t " + next).getBytes(StandardCharsets.UTF_8)));
    assertEquals(log.size() + 1, await(storage.readLog("db", 0, Long.MAX_VALUE, 100_000)).size());
    await(storage.close());
  }

  /** Appends t = from, from+1, ... one after the other until one fails or {@code until}. */
  private static Future<Void> append(
      Storage storage, long t, long until, Set<Long> acked, CountDownLatch latch) {
    if (t >= until) {
      return Future.succeededFuture();
    }
    return storage
        .appendLog("db", t, ("t " + t).getBytes(StandardCharsets.UTF_8))
        .compose(
            v -> {
              acked.add(t);
              latch.countDown();
              return append(storage, t + 1, until, acked, latch);
            });
  }

  /** A dynalite on {@code port} with its tables under {@link #data}, once it says it listens. */
  private Process start(int port) throws IOException {
    String home =
        System.getenv()
            .getOrDefault(
                "VERTOMIC_SERVICES_HOME", System.getProperty("user.home") + "/.vertomic/services");
    Process p =
        new ProcessBuilder(
                "node",
                home + "/dynamodb/node_modules/dynalite/cli.js",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--path",
                data.toString(),
                "--createTableMs",
                "0")
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.contains("listening")) {
        return p;
      }
    }
    throw new IllegalStateException("dynalite did not start on port " + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    }
  }

  private static Anomaly failure(Future<?> f) throws Exception {
    try {
      await(f);
    } catch (Anomaly a) {
      return a;
    }
    throw new AssertionError("expected a failure");
  }
}
