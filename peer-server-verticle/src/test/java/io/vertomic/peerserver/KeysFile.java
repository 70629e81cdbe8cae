package io.vertomic.peerserver;

import io.vertomic.access.SecretHash;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A keys file for tests, each key's secret being {@code ID-secret}; hashed with few iterations, so
 * tests need not pay the default's.
 */
final class KeysFile {
  final Path path;
  private final JsonArray keys = new JsonArray();

  KeysFile() {
    try {
      path = Files.createTempFile("vertomic-keys", ".json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String secretOf(String id) {
    return id + "-secret";
  }

  /** Adds key {@code id} of {@code role}, restricted to {@code databases} unless that is null. */
  KeysFile key(String id, String role, List<String> databases) {
    return key(id, secretOf(id), role, databases);
  }

  /** Adds key {@code id} with secret {@code secret}. */
  KeysFile key(String id, String secret, String role, List<String> databases) {
    JsonObject k =
        new JsonObject()
            .put("id", id)
            .put("secretHash", SecretHash.of(secret, 1000).encoded())
            .put("role", role);
    if (databases != null) {
      k.put("databases", new JsonArray(databases));
    }
    keys.add(k);
    return this;
  }

  KeysFile key(String id, String role) {
    return key(id, role, null);
  }

  /** Drops key {@code id}. */
  KeysFile without(String id) {
    keys.getList().removeIf(k -> id.equals(((JsonObject) k).getString("id")));
    return this;
  }

  /** Writes the keys, replacing the file at once as an editor's save does. */
  KeysFile write() {
    return writeText(new JsonObject().put("keys", keys).encodePrettily());
  }

  KeysFile writeText(String text) {
    try {
      Path tmp = Files.createTempFile(path.getParent(), "vertomic-keys", ".tmp");
      Files.writeString(tmp, text);
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
