package io.vertomic.storage.cass;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageProvider;
import io.vertomic.storage.StorageUri;
import io.vertx.cassandra.CassandraClient;
import io.vertx.cassandra.CassandraClientOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code vertomic:cass://HOST[:PORT]/KEYSPACE.TABLE/NAME[?user=..&password=..&dc=..]} (API.md
 * section 1). The storage system is everything but the database name; the local datacenter is
 * {@code datacenter1} unless {@code dc} says otherwise. Passwords never appear in messages.
 */
public final class CassStorageProvider implements StorageProvider {
  // compiled once: every URI parsed is masked for the message it would fail with
  private static final Pattern PASSWORD = Pattern.compile("password=[^&]*");

  /** A parsed storage system: where to connect and which table. */
  record Target(String host, int port, String keyspace, String table, Map<String, String> params) {
    String shown() {
      return host + ":" + port + "/" + keyspace + "." + table;
    }
  }

  @Override
  public String kind() {
    return "cass";
  }

  @Override
  public StorageUri parse(String uri, String rest) {
    StorageUri parsed = StorageUri.systemAndName(uri, "cass", rest, masked(uri));
    if (parsed == null) {
      throw invalid(uri);
    }
    target(parsed.system(), uri);
    return parsed;
  }

  @Override
  public Future<Storage> open(Vertx vertx, StorageUri uri) {
    Target t = target(uri.system(), uri.uri());
    CassandraClientOptions options =
        CassDriver.options(t.host(), t.port(), t.params().getOrDefault("dc", "datacenter1"));
    if (t.params().containsKey("user")) {
      options.setUsername(t.params().get("user")).setPassword(t.params().get("password"));
    }
    return CassStorage.open(
        CassandraClient.create(vertx, options), "cass " + t.shown(), t.keyspace(), t.table());
  }

  static Target target(String system, String uri) {
    int q = system.indexOf('?');
    String path = q < 0 ? system : system.substring(0, q);
    int slash = path.indexOf('/');
    if (slash <= 0) {
      throw invalid(uri);
    }
    String hostPort = path.substring(0, slash);
    String[] kt = path.substring(slash + 1).split("\\.");
    if (kt.length != 2 || !ident(kt[0]) || !ident(kt[1])) {
      throw invalid(uri);
    }
    int colon = hostPort.lastIndexOf(':');
    int port = 9042;
    String host = hostPort;
    if (colon > 0) {
      host = hostPort.substring(0, colon);
      try {
        port = Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw invalid(uri);
      }
    }
    Map<String, String> params = new HashMap<>();
    if (q >= 0) {
      for (String kv : system.substring(q + 1).split("&")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          params.put(
              kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return new Target(host, port, kt[0], kt[1], Map.copyOf(params));
  }

  private static boolean ident(String s) {
    return s.matches("[A-Za-z][A-Za-z0-9_]{0,47}");
  }

  private static Anomaly invalid(String uri) {
    return Anomaly.incorrect(
        "db.error/invalid-uri",
        "Invalid cass URI "
            + masked(uri)
            + ": expected vertomic:cass://HOST[:PORT]/KEYSPACE.TABLE/NAME[?user=..&password=..]");
  }

  static String masked(String uri) {
    return PASSWORD.matcher(uri).replaceAll("password=***");
  }
}
