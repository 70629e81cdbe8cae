package io.vertomic.peerserver;

import io.vertomic.access.SecretHash;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access keys in force, by id, read from a keys file (docs/security.md):
 *
 * <pre>{@code
 * {"keys": [
 *   {"id": "alice", "secretHash": "pbkdf2-sha256$600000$...$...", "role": "write",
 *    "databases": ["orders", "stock"]},
 *   {"id": "ops", "secretHash": "pbkdf2-sha256$600000$...$...", "role": "admin"}]}
 * }</pre>
 *
 * <p>A table also remembers, per key, the SHA-256 of the last secret that verified and of the last
 * one that did not, and the verifications under way, so a request pays PBKDF2 only for a secret new
 * to it. A reload makes a new table: what the old one remembered goes with it. Thread-safe.
 */
final class KeyTable {
  private static final Set<String> FIELDS = Set.of("id", "secretHash", "role", "databases");

  private final Map<String, AccessKey> keys;
  private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
  private final Map<String, byte[]> refused = new ConcurrentHashMap<>();
  private final Map<String, Future<Boolean>> pending = new ConcurrentHashMap<>();

  private KeyTable(Map<String, AccessKey> keys) {
    this.keys = keys;
  }

  /**
   * Without a keys file: the one key of the server's config, admin over every database. Its secret
   * is in the config in plain text, so a single iteration hashes it: the hash guards nothing here.
   */
  static KeyTable single(String id, String secret) {
    return new KeyTable(Map.of(id, new AccessKey(id, SecretHash.of(secret, 1), Right.ADMIN, null)));
  }

  /**
   * The keys of a keys file's content.
   *
   * @throws IllegalArgumentException saying what is wrong and in which entry, never quoting a
   *     secret hash (the message is logged)
   */
  static KeyTable parse(Buffer content) {
    JsonObject root;
    try {
      root = new JsonObject(content);
    } catch (DecodeException | ClassCastException e) {
      // the parser's own message quotes the text around the error, which may be a hash
      throw new IllegalArgumentException("it is not a JSON object");
    }
    if (!(root.getValue("keys") instanceof JsonArray entries)) {
      throw new IllegalArgumentException("it has no \"keys\" array");
    }
    Map<String, AccessKey> keys = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.getValue(i) instanceof JsonObject entry)) {
        throw new IllegalArgumentException("keys[" + i + "] is not an object");
      }
      AccessKey k = entry(i, entry);
      if (keys.put(k.id(), k) != null) {
        throw new IllegalArgumentException("keys[" + i + "]: id " + k.id() + " is there twice");
      }
    }
    return new KeyTable(Map.copyOf(keys));
  }

  private static AccessKey entry(int i, JsonObject e) {
    String where = "keys[" + i + "]";
    for (String field : e.fieldNames()) {
      if (!FIELDS.contains(field)) {
        // a misspelt "databases" must not silently widen a key to every database
        throw new IllegalArgumentException(where + ": unknown field \"" + field + "\"");
      }
    }
    String id = string(e, "id", where);
    where = where + " (id " + id + ")";
    if (id.isEmpty() || id.contains(":")) {
      throw new IllegalArgumentException(where + ": an id is not empty and has no ':'");
    }
    SecretHash hash;
    try {
      hash = SecretHash.parse(string(e, "secretHash", where));
    } catch (IllegalArgumentException x) {
      throw new IllegalArgumentException(where + ": secretHash: " + x.getMessage());
    }
    Right role;
    try {
      role = Right.of(string(e, "role", where));
    } catch (IllegalArgumentException x) {
      throw new IllegalArgumentException(where + ": " + x.getMessage());
    }
    Set<String> dbs = null;
    if (e.containsKey("databases")) {
      if (!(e.getValue("databases") instanceof JsonArray list)) {
        throw new IllegalArgumentException(where + ": databases is an array of names");
      }
      dbs = new LinkedHashSet<>();
      for (Object name : list) {
        if (!(name instanceof String s)) {
          throw new IllegalArgumentException(where + ": databases is an array of names");
        }
        dbs.add(s);
      }
      dbs = Set.copyOf(dbs);
    }
    return new AccessKey(id, hash, role, dbs);
  }

  private static String string(JsonObject e, String field, String where) {
    if (!(e.getValue(field) instanceof String s)) {
      throw new IllegalArgumentException(where + ": " + field + " is a string, and required");
    }
    return s;
  }

  /** The key {@code id}, or null. */
  AccessKey find(String id) {
    return keys.get(id);
  }

  int size() {
    return keys.size();
  }

  /**
   * What is known of {@code secret} for {@code key} without PBKDF2: TRUE (verified before), FALSE
   * (refused before), or null (not seen: verify it).
   */
  Boolean remembered(AccessKey key, byte[] secretDigest) {
    // constant time, as the hash compare: the digests must not leak by timing either
    if (MessageDigest.isEqual(secretDigest, verified.get(key.id()))) {
      return Boolean.TRUE;
    }
    if (MessageDigest.isEqual(secretDigest, refused.get(key.id()))) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** The verification of {@code secretDigest} for {@code key} under way, or null. */
  Future<Boolean> pending(AccessKey key, byte[] secretDigest) {
    return pending.get(pendingKey(key, secretDigest));
  }

  /**
   * Remembers {@code verification} of {@code secretDigest} for {@code key} as under way, so the
   * requests that bring the same secret meanwhile wait for it rather than start their own, and
   * remembers its answer once it has one.
   */
  Future<Boolean> verify(AccessKey key, byte[] secretDigest, Future<Boolean> verification) {
    String k = pendingKey(key, secretDigest);
    pending.put(k, verification);
    return verification.andThen(
        ar -> {
          pending.remove(k);
          if (ar.succeeded()) {
            (ar.result() ? verified : refused).put(key.id(), secretDigest);
          }
        });
  }

  private static String pendingKey(AccessKey key, byte[] secretDigest) {
    return key.id() + ":" + HexFormat.of().formatHex(secretDigest);
  }

  /** The SHA-256 of {@code secret}: what a table remembers instead of the secret. */
  static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
