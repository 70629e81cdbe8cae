package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertomic.access.SecretHash;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The keys file: read at start (a missing or malformed one stops the start), and read again while
 * the server runs, a malformed new version keeping the keys in force.
 */
class AccessKeysFileTest {
  private static int status(Server s, String key) {
    return Server.await(
            s.http.get("/api/databases").basicAuthentication(key, KeysFile.secretOf(key)).send())
        .statusCode();
  }

  private static Server serve(KeysFile keys) {
    return new Server(
        new JsonObject()
            .put("accessKeysFile", keys.path.toString())
            .put("accessKeysCheckMillis", 20));
  }

  /** Waits until {@code condition} holds, failing after 30 seconds. */
  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what);
      }
      try {
        Thread.sleep(20); // a poll interval, not a wait the outcome depends on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void aChangedFileAddsTheNewKeyAndDropsTheRemovedOneWithoutARestart() {
    KeysFile keys = new KeysFile().key("alice", "read").write();
    try (Server s = serve(keys)) {
      assertEquals(200, status(s, "alice"));
      assertEquals(401, status(s, "bob"));
      keys.without("alice").key("bob", "read").write();
      eventually("bob is accepted", () -> status(s, "bob") == 200);
      assertEquals(401, status(s, "alice"));
    }
  }

  @Test
  void aChangedRoleTakesEffectOnAKeyWhoseSecretWasVerified() {
    KeysFile keys = new KeysFile().key("carol", "admin").write();
    try (Server s = serve(keys)) {
      var create =
          s.http.post("/api/databases").basicAuthentication("carol", KeysFile.secretOf("carol"));
      String name = Server.freshName();
      assertEquals(
          201,
          Server.await(create.sendJsonObject(new JsonObject().put("name", name))).statusCode());
      keys.without("carol").key("carol", "read").write();
      eventually(
          "carol is refused a create",
          () ->
              Server.await(create.sendJsonObject(new JsonObject().put("name", name + "x")))
                      .statusCode()
                  == 403);
      assertEquals(200, status(s, "carol"));
    }
  }

  @Test
  void aMalformedFileAtReloadKeepsTheKeysInForceAndLogsOneLineWithoutHashes() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.setContext(context);
    captured.start();
    context.getLogger(AccessKeys.class).addAppender(captured);
    KeysFile keys = new KeysFile().key("dave", "write").write();
    String hash = SecretHash.of("x", 10).encoded();
    try (Server s = serve(keys)) {
      keys.writeText(
          "{\"keys\": [{\"id\": \"dave\", \"secretHash\": \"" + hash + "\", \"role\": \"root\"}]}");
      eventually("the malformed file is reported", () -> !lines(captured).isEmpty());
      List<String> lines = lines(captured);
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(
          lines.get(0).contains("role must be read, write or admin, not 'root'"), lines.get(0));
      assertTrue(lines.get(0).contains("the 1 keys loaded before stay"), lines.get(0));
      assertFalse(lines.get(0).contains(hash.substring(hash.lastIndexOf('$') + 1)), lines.get(0));
      assertEquals(200, status(s, "dave"));
      keys.writeText("{\"keys\": [{\"id\": \"dave\", \"secretHash\": \"" + hash + "\"");
      eventually("the broken JSON is reported", () -> lines(captured).size() == 2);
      assertFalse(lines(captured).get(1).contains(hash), lines(captured).get(1));
      assertEquals(200, status(s, "dave"));
    } finally {
      context.getLogger(AccessKeys.class).detachAppender(captured);
    }
  }

  private static List<String> lines(ListAppender<ILoggingEvent> captured) {
    synchronized (captured) {
      return captured.list.stream()
          .map(ILoggingEvent::getFormattedMessage)
          .filter(m -> m.contains("not reloaded"))
          .toList();
    }
  }

  @Test
  void requestsBringingOneNewSecretAtOnceShareItsVerificationAndAllPass() {
    String slowHash = SecretHash.of(KeysFile.secretOf("frank"), 200_000).encoded();
    KeysFile keys = new KeysFile();
    keys.writeText(
        new JsonObject()
            .put(
                "keys",
                new io.vertx.core.json.JsonArray()
                    .add(
                        new JsonObject()
                            .put("id", "frank")
                            .put("secretHash", slowHash)
                            .put("role", "read")))
            .encode());
    try (Server s = serve(keys)) {
      List<io.vertx.core.Future<Integer>> all = new java.util.ArrayList<>();
      for (int i = 0; i < 4 * AccessKeys.MAX_VERIFYING; i++) {
        all.add(
            s.http
                .get("/api/databases")
                .basicAuthentication("frank", KeysFile.secretOf("frank"))
                .send()
                .map(r -> r.statusCode()));
      }
      for (var f : all) {
        assertEquals(200, Server.await(f));
      }
    }
  }

  @Test
  void aMissingFileStopsTheStartNamingIt() {
    String message = failedStart(Path.of("/nonexistent/keys.json").toString());
    assertTrue(message.contains("Access keys file /nonexistent/keys.json cannot be read"), message);
  }

  @Test
  void aMalformedFileStopsTheStartSayingWhereItIsWrong() {
    KeysFile keys = new KeysFile().key("erin", "read", List.of("a")).write();
    keys.writeText(
        "{\"keys\": [{\"id\": \"erin\", \"secretHash\": \"plain\", \"role\": \"read\"}]}");
    String message = failedStart(keys.path.toString());
    assertTrue(
        message.contains(
            "is malformed: keys[0] (id erin): secretHash: a secret hash has the form"
                + " pbkdf2-sha256$ITERATIONS$SALT$HASH"),
        message);
    keys.writeText("{\"keys\": [{\"id\": \"erin\", \"databse\": [\"a\"]}]}");
    assertTrue(failedStart(keys.path.toString()).contains("unknown field \"databse\""));
  }

  private static String failedStart(String file) {
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject config =
          new JsonObject()
              .put("storage", "vertomic:mem://*")
              .put("port", 0)
              .put("accessKeysFile", file);
      vertx
          .deployVerticle(new PeerServerVerticle(), new DeploymentOptions().setConfig(config))
          .toCompletionStage()
          .toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      throw new AssertionError("the server started");
    } catch (ExecutionException e) {
      return e.getCause().getMessage();
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      Server.await(vertx.close());
    }
  }
}
