package io.vertomic.peerserver;

import io.vertomic.peerserver.HostileRequest.Delivery;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The HTTP fuzzer's generator: from a seeded {@link Random}, malformed or hostile requests for
 * every route of API.md section 5 (wrong JSON types in every field, broken and deeply nested EDN
 * and JSON, oversized bodies, bad UTF-8, truncated bodies, random bytes, huge headers, bad
 * credentials, slow senders, held streams). None of them can change a database: every transaction
 * it sends names an attribute that does not exist, and it creates or deletes only names no database
 * has.
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
  private static final String[] FIELDS = {
    "query", "args", "as-of", "since", "history", "offset", "limit", "timeout-ms", "chunk",
    "selector", "eid", "index", "components", "start", "end", "tx-data", "name", "attrid",
    "vstart", "vend", "reverse"
  };
  private static final String NOPE = "[:db/add \"fuzz\" :fuzz/no-such-attribute 1]";

  private final Random random;
  private final List<String> dbs;

  HostileRequests(long seed, List<String> dbs) {
    this.random = new Random(seed);
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
      case "wrong-json-types" -> post(kind, route(), wrongTypes());
      case "broken-edn" -> post(kind, route(), brokenEdn());
      case "deep-edn" -> post(kind, route(), deepEdn());
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

  private String wrongTypes() {
    StringBuilder b = new StringBuilder("{");
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"').append(FIELDS[random.nextInt(FIELDS.length)]).append("\":");
      b.append(wrongValue());
    }
    // a transaction or a database this could make is never a valid one (the last of two fields
    // of one name is the one read)
    return b.append(",\"tx-data\":").append(quote(NOPE + " [")).append(",\"name\":17}").toString();
  }

  private String wrongValue() {
    return switch (random.nextInt(14)) {
      case 0 -> "null";
      case 1 -> "true";
      case 2 -> Long.toString(random.nextLong());
      case 3 -> "-1";
      case 4 -> "1.5e308";
      case 5 -> "99999999999999999999999999999";
      case 6 -> "[1,\"a\",{}]";
      case 7 -> "{\"a\":[null]}";
      case 8 -> "\"\"";
      case 9 -> quote("x".repeat(random.nextInt(5000)));
      case 10 -> quote(":db/ident");
      case 11 -> "0.5";
      case 12 -> "-0";
      default -> quote(randomText(20));
    };
  }

  private String brokenEdn() {
    String[] seeds = {
      "[:find ?e :where [?e :person/name ?n]]",
      "[:find (pull ?e [*]) :in $ % :where (friend ?e ?f)]",
      "[*]",
      "[:person/name \"Ivan\"]",
      "{:db/id \"x\" :person/name \"y\"}",
      "#inst \"2020-01-01\"",
      "[[friend ?a ?b] [?a :person/friend ?b]]",
      "#uuid \"00000000-0000-0000-0000-000000000000\"",
      "[:find ?e . :where [?e :db/ident ?i] [(> ?i 1)]]"
    };
    String s = seeds[random.nextInt(seeds.length)];
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + random.nextInt(4);
    String junk = "[](){}#\"\\:/^@~`'%;,_!?.0123456789eEMN+-\u0000\u00ff\u2028";
    for (int i = 0; i < edits && b.length() > 0; i++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(4)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, junk.charAt(random.nextInt(junk.length())));
        case 2 -> b.setLength(at);
        default -> b.setCharAt(at, junk.charAt(random.nextInt(junk.length())));
      }
    }
    String field = FIELDS[random.nextInt(FIELDS.length)];
    return "{"
        + quote(field)
        + ":"
        + quote(b.toString())
        + ",\"query\":"
        + quote(b.toString())
        + ",\"selector\":"
        + quote(b.toString())
        + ",\"eid\":"
        + quote(b.toString())
        + ",\"tx-data\":"
        + quote("[" + NOPE + " " + b + "]")
        + ",\"name\":"
        + quote("fuzz nx " + b)
        + "}";
  }

  private String deepEdn() {
    int depth = 100 + random.nextInt(200_000);
    String open = new String[] {"[", "(", "{:a ", "#{", "#_ [", "#inst ["}[random.nextInt(6)];
    String close =
        open.startsWith("{") ? "}" : open.startsWith("(") ? ")" : open.contains("[") ? "]" : "}";
    String text = open.repeat(depth) + (random.nextBoolean() ? close.repeat(depth) : "");
    String field =
        new String[] {"query", "tx-data", "args", "selector", "eid", "components"}
            [random.nextInt(6)];
    return "{" + quote(field) + ":" + quote(text) + ",\"query\":\"[:find ?e :where [?e :x]]\"}";
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
    body.writeBytes(NOPE.replace("\"", "\\\"").getBytes());
    body.writeBytes("]\"}".getBytes());
    return post("bad-utf8", route(), body.toByteArray(), "application/json", Delivery.WHOLE, false);
  }

  private HostileRequest truncated() {
    String full = brokenEdn();
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
    String body = wrongTypes();
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
      "/api/databases/" + randomText(30).replace(' ', '_') + "/datoms",
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
    String[] queries = {
      "[:find ?a ?b ?c :where [?a _ _] [?b _ _] [?c _ _]]",
      "[:find ?a ?b :where [?a _ _] [?b _ _]]",
      "[:find (count ?x) . :in $ [?x ...] :where [(ground 1)]]",
      "[:find ?e :in $ % :where (r ?e ?f)]",
      "[:find ?x :where [(range 100000000) [?x ...]]]",
      "[:find ?s :where [(str \"a\" \"b\") ?s] [(clojure.core/slurp \"/etc/passwd\") ?t]]",
      "[:find ?s :where [(java.lang.System/exit 1) ?s]]",
      "[:find ?x :where [(identity ?x) ?x]]",
      "[:find ?e :where (not [?e :person/name])]",
      "[:find ?e ?f :in $ % :where (chain ?e ?f)]",
      "[:find (pull ?e [{:person/friend ...}]) :where [?e :person/name]]",
      "[:find ?v :where [_ :db/doc ?v] [(re-pattern \"(a+)+$\") ?p] [(re-find ?p ?v)]]"
    };
    String rules =
        "[[(r ?a ?b) [?a :person/friend ?b]] [(r ?a ?b) (r ?a ?c) (r ?c ?b)]"
            + chain(random.nextInt(3000))
            + "]";
    String body =
        "{\"query\":"
            + quote(queries[random.nextInt(queries.length)])
            + ",\"args\":"
            + quote("[" + rules + "]")
            + (random.nextBoolean() ? ",\"timeout-ms\":" + (1 + random.nextInt(2000)) : "")
            + (random.nextBoolean() ? ",\"limit\":" + random.nextInt(5) : "")
            + "}";
    return post(
        "hostile-queries",
        "/api/databases/" + db() + "/query",
        body.getBytes(StandardCharsets.UTF_8),
        "application/json",
        Delivery.WHOLE,
        true);
  }

  // rule chainN calls chainN+1 ... calls the last: a deep non-recursive call chain
  private static String chain(int n) {
    StringBuilder b = new StringBuilder(" [(chain ?a ?b) (chain0 ?a ?b)]");
    for (int i = 0; i < n; i++) {
      b.append(" [(chain").append(i).append(" ?a ?b) (chain").append(i + 1).append(" ?a ?b)]");
    }
    b.append(" [(chain").append(n).append(" ?a ?b) [?a :person/friend ?b]]");
    return b.toString();
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
        head("POST", "/api/databases/" + db() + "/query", wrongTypes()),
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

  private String randomText(int max) {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      b.append((char) (32 + random.nextInt(0x2FF)));
    }
    return b.toString();
  }

  /** {@code s} as a JSON string literal. */
  static String quote(String s) {
    return io.vertx.core.json.Json.encode(s);
  }
}
