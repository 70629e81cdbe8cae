package io.vertomic.peerserver;

import io.vertomic.peerserver.HostileRequest.Delivery;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The HTTP fuzzer's generator: from a seeded {@link Random}, malformed or hostile requests for
 * every route of API.md section 5 (their bodies' text from {@link HostileBodies}) (wrong JSON types
 * in every field, broken and deeply nested EDN and JSON, oversized bodies, bad UTF-8, truncated
 * bodies, random bytes, huge headers, bad credentials, slow senders, held streams). None of them
 * can change a database: every transaction it sends names an attribute that does not exist, and it
 * creates or deletes only names no database has.
 */
final class HostileRequests {
  static final List<String> KINDS =
      List.of(
          "wrong-json-types",
          "broken-edn",
          "deep-edn",
          "deep-json",
          "oversized-body",
          "bad-utf8",
          "truncated-body",
          "random-bytes",
          "bad-headers",
          "bad-credentials",
          "bad-routes",
          "hostile-queries",
          "msgpack-garbage",
          "valid-reads",
          "slow-sender",
          "held-stream");

  private static final String AUTH =
      Base64.getEncoder().encodeToString("dev:dev".getBytes(StandardCharsets.UTF_8));
  private static final String[] READ_ROUTES = {
    "query", "pull", "datoms", "index-range", "tx-range", "index-pull", "with"
  };
  private final Random random;
  private final HostileBodies bodies;
  private final List<String> dbs;

  HostileRequests(long seed, List<String> dbs) {
    this.random = new Random(seed);
    this.bodies = new HostileBodies(random);
    this.dbs = dbs;
  }

  /** The next request: slow senders and held streams rarely, as each holds a connection. */
  HostileRequest next() {
    int r = random.nextInt(1000);
    if (r < 3) {
      return slowSender();
    }
    if (r < 6) {
      return heldStream();
    }
    String kind = KINDS.get(random.nextInt(KINDS.size() - 2));
    return switch (kind) {
      case "wrong-json-types" -> post(kind, route(), bodies.wrongTypes());
      case "broken-edn" -> post(kind, route(), bodies.brokenEdn());
      case "deep-edn" -> post(kind, route(), bodies.deepEdn());
      case "deep-json" -> deepJson();
      case "oversized-body" -> oversized();
      case "bad-utf8" -> badUtf8();
      case "truncated-body" -> truncated();
      case "random-bytes" -> randomBytes();
      case "bad-headers" -> badHeaders();
      case "bad-credentials" -> badCredentials();
      case "bad-routes" -> badRoute();
      case "hostile-queries" -> hostileQuery();
      case "msgpack-garbage" -> msgpack();
      default -> validRead();
    };
  }

  private String db() {
    return dbs.get(random.nextInt(dbs.size()));
  }

  private String route() {
    int r = random.nextInt(READ_ROUTES.length + 3);
    if (r < READ_ROUTES.length) {
      return "/api/databases/" + db() + "/" + READ_ROUTES[r];
    }
    return r == READ_ROUTES.length
        ? "/api/databases/" + db() + "/transact"
        : r == READ_ROUTES.length + 1 ? "/api/databases" : "/api/databases/" + db() + "/query";
  }

  private HostileRequest deepJson() {
    int depth = 100 + random.nextInt(400_000);
    String body =
        "{\"query\":"
            + (random.nextBoolean() ? "[" : "{\"a\":").repeat(1)
            + "[".repeat(depth)
            + "]".repeat(random.nextBoolean() ? depth : 0)
            + "}";
    return post("deep-json", route(), body);
  }

  private HostileRequest oversized() {
    int size = (1 << 20) + 1 + random.nextInt(3 << 20);
    String body = "{\"tx-data\":\"[\\\"" + "y".repeat(size) + "\\\"]\"}";
    boolean chunked = random.nextBoolean();
    String path = route();
    if (!chunked) {
      return post("oversized-body", path, body);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] head =
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: fuzz\r\nAuthorization: Basic "
                + AUTH
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(head);
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    for (int at = 0; at < b.length; at += 65536) {
      int n = Math.min(65536, b.length - at);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(b, at, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return new HostileRequest("oversized-body", out.toByteArray(), Delivery.WHOLE, false);
  }

  private HostileRequest badUtf8() {
    byte[][] bad = {
      {(byte) 0xc3, 0x28},
      {(byte) 0xff},
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      {(byte) 0xf0, (byte) 0x28, (byte) 0x8c, (byte) 0x28},
      {(byte) 0xe2, (byte) 0x82},
      {(byte) 0xc0, (byte) 0xaf},
      {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}
    };
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String field = new String[] {"query", "tx-data", "selector", "name", "eid"}[random.nextInt(5)];
    body.writeBytes(("{\"" + field + "\":\"[:find ?e :where [?e :person/name \\\"").getBytes());
    body.writeBytes(bad[random.nextInt(bad.length)]);
    body.writeBytes("\\\"]]\"".getBytes());
    if (random.nextBoolean()) {
      body.writeBytes(bad[random.nextInt(bad.length)]);
    }
    body.writeBytes(",\"tx-data\":\"[\\\"".getBytes());
    body.writeBytes(bad[random.nextInt(bad.length)]);
    body.writeBytes("\\\" ".getBytes());
    body.writeBytes(HostileBodies.NOPE.replace("\"", "\\\"").getBytes());
    body.writeBytes("]\"}".getBytes());
    return post("bad-utf8", route(), body.toByteArray(), "application/json", Delivery.WHOLE, false);
  }

  private HostileRequest truncated() {
    String full = bodies.brokenEdn();
    byte[] b = full.getBytes(StandardCharsets.UTF_8);
    int keep = random.nextInt(Math.max(1, b.length));
    if (random.nextBoolean()) {
      // the length says more than ever comes: the client gives up and closes
      byte[] head = head("POST", route(), "application/json", b.length, true);
      byte[] out = new byte[head.length + keep];
      System.arraycopy(head, 0, out, 0, head.length);
      System.arraycopy(b, 0, out, head.length, keep);
      return new HostileRequest("truncated-body", out, Delivery.TRUNCATED, false);
    }
    byte[] cut = java.util.Arrays.copyOf(b, keep);
    return post("truncated-body", route(), cut, "application/json", Delivery.WHOLE, false);
  }

  private HostileRequest randomBytes() {
    byte[] b = new byte[1 + random.nextInt(4096)];
    random.nextBytes(b);
    if (random.nextBoolean()) {
      // a request line first, so the garbage lands in the headers or the body
      byte[] line = ("POST " + route() + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] out = new byte[line.length + b.length];
      System.arraycopy(line, 0, out, 0, line.length);
      System.arraycopy(b, 0, out, line.length, b.length);
      b = out;
    }
    return new HostileRequest("random-bytes", b, Delivery.TRUNCATED, false);
  }

  private HostileRequest badHeaders() {
    String path = route();
    String body = bodies.wrongTypes();
    String head =
        switch (random.nextInt(8)) {
          case 0 ->
              "POST "
                  + path
                  + " HTTP/1.1\r\nX-Huge: "
                  + "h".repeat(9000 + random.nextInt(100_000))
                  + "\r\n";
          case 1 -> "POST /" + "p".repeat(5000 + random.nextInt(50_000)) + " HTTP/1.1\r\n";
          case 2 -> "POST " + path + " HTTP/1.1\r\nContent-Length: -5\r\n";
          case 3 -> "POST " + path + " HTTP/1.1\r\nContent-Length: 12abc\r\n";
          case 4 -> "POST " + path + " HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 9\r\n";
          case 5 -> "POST " + path + " HTTP/1.1\r\nTransfer-Encoding: gzip, chunked, bogus\r\n";
          case 6 -> "BREW " + path + " HTTP/1.1\r\n";
          default ->
              "POST " + path + " HTTP/9.9\r\n" + "X-Many: m\r\n".repeat(random.nextInt(2000));
        };
    String rest =
        "Host: fuzz\r\nAuthorization: Basic "
            + AUTH
            + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + (head.contains("Content-Length") || head.contains("Transfer-Encoding")
                ? ""
                : "Content-Length: " + body.length() + "\r\n")
            + "\r\n"
            + body;
    return new HostileRequest(
        "bad-headers",
        (head + rest).getBytes(StandardCharsets.ISO_8859_1),
        Delivery.TRUNCATED,
        false);
  }

  private HostileRequest badCredentials() {
    String[] auths = {
      "",
      "Authorization: Basic\r\n",
      "Authorization: Basic !!!notbase64\r\n",
      "Authorization: Basic " + Base64.getEncoder().encodeToString("dev:wrong".getBytes()) + "\r\n",
      "Authorization: Bearer xyz\r\n",
      "Authorization: Basic " + "A".repeat(4000) + "\r\n",
      "Authorization: Basic "
          + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 0})
          + "\r\n"
    };
    String method = random.nextBoolean() ? "POST" : "DELETE";
    String path = method.equals("DELETE") ? "/api/databases/" + db() : route();
    String body = "{\"name\":\"fuzz-nx\",\"tx-data\":\"[]\"}";
    String req =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: fuzz\r\n"
            + auths[random.nextInt(auths.length)]
            + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
            + body.length()
            + "\r\n\r\n"
            + body;
    return new HostileRequest(
        "bad-credentials", req.getBytes(StandardCharsets.ISO_8859_1), Delivery.WHOLE, false);
  }

  private HostileRequest badRoute() {
    String[] paths = {
      "/api/databases/" + db() + "/../../etc/passwd",
      "/api/databases/%ZZ/query",
      "/api/databases/" + "%00".repeat(10),
      "/api/databases/fuzz-nx-" + random.nextInt(1000) + "/query",
      "/api/nothing",
      "/api/databases/" + db() + "/transact/extra",
      "/api/databases//query",
      "/api/databases/" + bodies.randomText(30).replace(' ', '_') + "/datoms",
      "/metrics/../api/databases",
      "/api/databases/" + db() + "?x=" + "%".repeat(50)
    };
    String[] methods = {"GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "POST", "TRACE"};
    String method = methods[random.nextInt(methods.length)];
    String path = paths[random.nextInt(paths.length)];
    if (method.equals("DELETE") && !path.contains("fuzz-nx")) {
      method = "PATCH"; // deleting a database the fuzzer watches would be a valid request
    }
    // a path such as /metrics/../api/databases is /api/databases: a body that would create a
    // database is never sent
    String body = "{\"name\":17}";
    return new HostileRequest(
        "bad-routes",
        head(method, path, body),
        Delivery.WHOLE,
        method.equals("GET") || method.equals("HEAD"));
  }

  private byte[] head(String method, String path, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    byte[] h = head(method, path, "application/json", b.length, true);
    byte[] out = new byte[h.length + b.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(b, 0, out, h.length, b.length);
    return out;
  }

  private HostileRequest hostileQuery() {
    return post(
        "hostile-queries",
        "/api/databases/" + db() + "/query",
        bodies.hostileQuery().getBytes(StandardCharsets.UTF_8),
        "application/json",
        Delivery.WHOLE,
        true);
  }

  private HostileRequest msgpack() {
    byte[] b;
    switch (random.nextInt(4)) {
      case 0 -> {
        b = new byte[1 + random.nextInt(100_000)];
        java.util.Arrays.fill(b, (byte) 0x91);
      }
      case 1 -> b = new byte[] {(byte) 0xdd, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1};
      case 2 ->
          b =
              new byte[] {
                (byte) 0x81,
                (byte) 0xa5,
                'q',
                'u',
                'e',
                'r',
                'y',
                (byte) 0xc6,
                0x7f,
                (byte) 0xff,
                (byte) 0xff,
                (byte) 0xff
              };
      default -> {
        b = new byte[1 + random.nextInt(2000)];
        random.nextBytes(b);
      }
    }
    return post("msgpack-garbage", route(), b, "application/msgpack", Delivery.WHOLE, false);
  }

  private HostileRequest validRead() {
    String db = db();
    return switch (random.nextInt(4)) {
      case 0 ->
          new HostileRequest(
              "valid-reads", head("GET", "/api/databases/" + db, ""), Delivery.WHOLE, true);
      case 1 ->
          post(
                  "valid-reads",
                  "/api/databases/" + db + "/query",
                  "{\"query\":\"[:find ?n ?a :where [?e :person/name ?n] [?e :person/age ?a]]\",\"limit\":"
                      + random.nextInt(50)
                      + "}")
              .ok();
      case 2 ->
          post(
                  "valid-reads",
                  "/api/databases/" + db + "/pull",
                  "{\"selector\":\"[*]\",\"eid\":\"[:person/name \\\"p"
                      + random.nextInt(300)
                      + "\\\"]\"}")
              .ok();
      default ->
          post(
                  "valid-reads",
                  "/api/databases/" + db + "/datoms",
                  "{\"index\":\"aevt\",\"components\":\"[:person/age]\",\"limit\":"
                      + random.nextInt(100)
                      + "}")
              .ok();
    };
  }

  private HostileRequest slowSender() {
    return new HostileRequest(
        "slow-sender",
        head("POST", "/api/databases/" + db() + "/query", bodies.wrongTypes()),
        Delivery.SLOW,
        false);
  }

  private HostileRequest heldStream() {
    String body = "{\"query\":\"[:find ?e :where [?e :person/name]]\"}";
    byte[] h =
        ("POST /api/databases/"
                + db()
                + "/query HTTP/1.1\r\nHost: fuzz\r\nAuthorization: Basic "
                + AUTH
                + "\r\nAccept: application/x-ndjson\r\nContent-Type: application/json\r\nContent-Length: "
                + (body.length() + 10)
                + "\r\n\r\n"
                + body)
            .getBytes(StandardCharsets.US_ASCII);
    return new HostileRequest("held-stream", h, Delivery.HELD, false);
  }

  private HostileRequest post(String kind, String path, String body) {
    return post(
        kind,
        path,
        body.getBytes(StandardCharsets.UTF_8),
        "application/json",
        Delivery.WHOLE,
        false);
  }

  private HostileRequest post(
      String kind, String path, byte[] body, String type, Delivery delivery, boolean mayBeOk) {
    byte[] h = head("POST", path, type, body.length, true);
    byte[] out = new byte[h.length + body.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(body, 0, out, h.length, body.length);
    return new HostileRequest(kind, out, delivery, mayBeOk);
  }

  private byte[] head(String method, String path, String type, int length, boolean auth) {
    String accept =
        random.nextInt(10) == 0
            ? "Accept: application/x-ndjson\r\n"
            : random.nextInt(10) == 0 ? "Accept: application/msgpack\r\n" : "";
    return (method
            + " "
            + path
            + " HTTP/1.1\r\nHost: fuzz\r\n"
            + (auth ? "Authorization: Basic " + AUTH + "\r\n" : "")
            + accept
            + "Content-Type: "
            + type
            + "\r\nContent-Length: "
            + length
            + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
