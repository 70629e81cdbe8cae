package io.vertomic.storage.ddb;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageProvider;
import io.vertomic.storage.StorageUri;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code vertomic:ddb://REGION/TABLE/NAME[?endpoint=http://HOST:PORT]} (API.md section 1). The
 * storage system is everything but the database name. Without {@code endpoint} the client talks to
 * the region's DynamoDB endpoint with the AWS default credentials chain; with one, to that
 * DynamoDB-compatible server (see {@link DdbClient} for its credentials).
 */
public final class DdbStorageProvider implements StorageProvider {
  /** A parsed storage system: region, table and the optional endpoint (null for AWS's own). */
  record Target(String region, String table, URI endpoint) {
    String shown() {
      return "ddb " + region + "/" + table + (endpoint == null ? "" : " at " + endpoint);
    }
  }

  @Override
  public String kind() {
    return "ddb";
  }

  @Override
  public StorageUri parse(String uri, String rest) {
    StorageUri parsed = StorageUri.systemAndName(uri, "ddb", rest, uri);
    if (parsed == null) {
      throw invalid(uri);
    }
    target(parsed.system(), uri);
    return parsed;
  }

  @Override
  public Future<Storage> open(Vertx vertx, StorageUri uri) {
    Target t = target(uri.system(), uri.uri());
    return DdbClient.create(vertx, t).compose(client -> DdbStorage.open(vertx, client, t));
  }

  static Target target(String system, String uri) {
    int q = system.indexOf('?');
    String[] parts = (q < 0 ? system : system.substring(0, q)).split("/", -1);
    if (parts.length != 2
        || !parts[0].matches("[a-z0-9-]{1,64}")
        || !parts[1].matches("[A-Za-z0-9_.-]{3,255}")) {
      throw invalid(uri);
    }
    URI endpoint = null;
    if (q >= 0) {
      for (String kv : system.substring(q + 1).split("&")) {
        int eq = kv.indexOf('=');
        if (eq > 0 && kv.substring(0, eq).equals("endpoint")) {
          endpoint = endpoint(kv.substring(eq + 1), uri);
        } else {
          throw invalid(uri);
        }
      }
    }
    return new Target(parts[0], parts[1], endpoint);
  }

  private static URI endpoint(String text, String uri) {
    try {
      URI e = URI.create(URLDecoder.decode(text, StandardCharsets.UTF_8));
      if (("http".equals(e.getScheme()) || "https".equals(e.getScheme())) && e.getHost() != null) {
        return e;
      }
    } catch (IllegalArgumentException ignored) {
      // reported below with the whole URI
    }
    throw invalid(uri);
  }

  private static Anomaly invalid(String uri) {
    return Anomaly.incorrect(
        "db.error/invalid-uri",
        "Invalid ddb URI "
            + uri
            + ": expected vertomic:ddb://REGION/TABLE/NAME[?endpoint=http://HOST:PORT]");
  }
}
