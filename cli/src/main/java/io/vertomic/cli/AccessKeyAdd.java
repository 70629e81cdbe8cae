package io.vertomic.cli;

import io.vertomic.access.SecretHash;
import io.vertomic.anomaly.Anomaly;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * {@code vertomic access-key add FILE ID ROLE [--databases A,B]}: a new key in a peer server's keys
 * file (docs/security.md), with a random secret printed once and only its salted hash stored, so
 * nobody computes hashes by hand. The file is replaced in one move: a server reading it meanwhile
 * sees the old version or the new one.
 */
final class AccessKeyAdd implements Command {
  private static final Set<String> ROLES = Set.of("read", "write", "admin");

  @Override
  public Usage usage() {
    return new Usage(
        "access-key add",
        "FILE ID ROLE",
        "Adds access key ID with role ROLE to the peer server's keys file FILE; prints its secret.",
        """
        ROLE is read (queries, pull, datoms, the log), write (also transact and with) or
        admin (also create and delete databases). FILE is created when missing. The secret
        is random and printed once, alone on standard output; FILE keeps only its salted
        PBKDF2 hash. A running peer server reads FILE again within seconds.""",
        3,
        3,
        false,
        List.of(
            Option.valued(
                "databases",
                "A,B,...",
                "the only databases the key may touch (default: every one)")));
  }

  @Override
  public int run(Invocation in) {
    Path file = Path.of(in.args().get(0));
    String id = in.args().get(1);
    String role = in.args().get(2);
    if (id.isEmpty() || id.contains(":")) {
      throw new UsageException("an access key id is not empty and has no ':', not '" + id + "'");
    }
    if (!ROLES.contains(role)) {
      throw new UsageException("ROLE is read, write or admin, not '" + role + "'");
    }
    JsonObject keys = read(file);
    JsonArray entries = keys.getJsonArray("keys");
    for (Object e : entries) {
      if (e instanceof JsonObject o && id.equals(o.getString("id"))) {
        throw Anomaly.conflict(
            "vertomic.error/access-key-exists", "Access key " + id + " is in " + file + " already");
      }
    }
    String secret = SecretHash.newSecret();
    JsonObject entry =
        new JsonObject()
            .put("id", id)
            .put("secretHash", SecretHash.of(secret).encoded())
            .put("role", role);
    String dbs = in.args().option("databases", null);
    if (dbs != null) {
      JsonArray names = new JsonArray();
      for (String name : dbs.split(",")) {
        if (!name.isBlank()) {
          names.add(name.strip());
        }
      }
      entry.put("databases", names);
    }
    entries.add(entry);
    write(file, keys.encodePrettily() + "\n");
    in.out().println(secret);
    in.err()
        .println(
            "added access key "
                + id
                + " (role "
                + role
                + ") to "
                + file
                + ": its secret, above, is shown only this once");
    return Exit.OK;
  }

  private static JsonObject read(Path file) {
    if (!Files.exists(file)) {
      return new JsonObject().put("keys", new JsonArray());
    }
    try {
      JsonObject o = new JsonObject(Files.readString(file));
      if (o.getValue("keys") instanceof JsonArray) {
        return o;
      }
    } catch (IOException e) {
      throw Anomaly.incorrect(
          "vertomic.error/bad-keys-file", "Cannot read " + file + ": " + e.getMessage());
    } catch (DecodeException | ClassCastException e) {
      // the parser's message quotes the file, hashes and all
    }
    throw Anomaly.incorrect(
        "vertomic.error/bad-keys-file",
        file + " is not a keys file: a JSON object with a \"keys\" array");
  }

  private static void write(Path file, String text) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Path tmp = Files.createTempFile(dir, ".vertomic-keys", ".tmp");
      try {
        // only its owner reads a new file: hashes can be attacked offline
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: its own defaults apply
      }
      Files.writeString(tmp, text);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw Anomaly.incorrect(
          "vertomic.error/bad-keys-file", "Cannot write " + file + ": " + e.getMessage());
    }
  }
}
