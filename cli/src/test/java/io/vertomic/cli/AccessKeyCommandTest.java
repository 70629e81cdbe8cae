package io.vertomic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.peerserver.PeerServerVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vertomic access-key add} writes a keys-file entry with a fresh secret that a peer server
 * accepts, with the role and databases given; the secret itself is never written.
 */
class AccessKeyCommandTest {
  @TempDir Path dir;

  @Test
  void anAddedKeyIsAcceptedByAPeerServerWithItsRoleAndDatabases() throws Exception {
    Path file = dir.resolve("keys.json");
    HelpTest.Run add =
        HelpTest.run("access-key", "add", file.toString(), "alice", "write", "--databases", "a,b");
    assertEquals(0, add.exit(), add.err());
    String secret = add.out().strip();
    assertEquals(43, secret.length(), add.out());
    String text = Files.readString(file);
    assertFalse(text.contains(secret), text);
    JsonObject entry = new JsonObject(text).getJsonArray("keys").getJsonObject(0);
    assertEquals("alice", entry.getString("id"));
    assertEquals("write", entry.getString("role"));
    assertEquals(new JsonArray().add("a").add("b"), entry.getJsonArray("databases"));
    assertTrue(entry.getString("secretHash").startsWith("pbkdf2-sha256$600000$"), text);
    assertTrue(add.err().contains("added access key alice (role write)"), add.err());

    Vertx vertx = Vertx.vertx();
    try {
      PeerServerVerticle server = new PeerServerVerticle();
      JsonObject config =
          new JsonObject()
              .put("storage", "vertomic:mem://*")
              .put("port", 0)
              .put("accessKeysFile", file.toString());
      vertx
          .deployVerticle(server, new DeploymentOptions().setConfig(config))
          .toCompletionStage()
          .toCompletableFuture()
          .join();
      String base = "http://127.0.0.1:" + server.port();
      assertEquals(200, get(base + "/api/databases", "alice", secret).statusCode());
      assertEquals(401, get(base + "/api/databases", "alice", "wrong").statusCode());
      HttpResponse<String> other = get(base + "/api/databases/c", "alice", secret);
      assertEquals(403, other.statusCode(), other.body());
      assertTrue(other.body().contains("lacks the read right on database c"), other.body());
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  @Test
  void aSecondKeyJoinsTheFileAndAnIdTakenIsRefused() throws Exception {
    Path file = dir.resolve("keys.json");
    assertEquals(0, HelpTest.run("access-key", "add", file.toString(), "ops", "admin").exit());
    assertEquals(0, HelpTest.run("access-key", "add", file.toString(), "bi", "read").exit());
    String before = Files.readString(file);
    HelpTest.Run again = HelpTest.run("access-key", "add", file.toString(), "ops", "read");
    assertEquals(1, again.exit());
    assertTrue(again.err().contains("Access key ops is in " + file + " already"), again.err());
    assertEquals("", again.out());
    assertEquals(before, Files.readString(file));
    JsonArray keys = new JsonObject(before).getJsonArray("keys");
    assertEquals(2, keys.size());
    assertFalse(keys.getJsonObject(0).containsKey("databases"));
  }

  @Test
  void anUnknownRoleIsBadUsageAndWritesNothing() {
    Path file = dir.resolve("keys.json");
    HelpTest.Run r = HelpTest.run("access-key", "add", file.toString(), "x", "root");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("ROLE is read, write or admin, not 'root'"), r.err());
    assertFalse(Files.exists(file));
  }

  private static HttpResponse<String> get(String url, String key, String secret) throws Exception {
    String basic =
        Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + basic)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
