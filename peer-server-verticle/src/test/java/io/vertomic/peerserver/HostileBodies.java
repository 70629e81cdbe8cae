package io.vertomic.peerserver;

import java.util.Random;

/**
 * The text of the HTTP fuzzer's request bodies ({@link HostileRequests}): JSON with wrong types in
 * every field, broken and deeply nested EDN, hostile queries with deep rule chains. A transaction
 * in them only ever names an attribute that does not exist ({@link #NOPE}), so none can change a
 * database.
 */
final class HostileBodies {
  static final String NOPE = "[:db/add \"fuzz\" :fuzz/no-such-attribute 1]";
  private static final String[] FIELDS = {
    "query", "args", "as-of", "since", "history", "offset", "limit", "timeout-ms", "chunk",
    "selector", "eid", "index", "components", "start", "end", "tx-data", "name", "attrid",
    "vstart", "vend", "reverse"
  };

  private final Random random;

  HostileBodies(Random random) {
    this.random = random;
  }

  String wrongTypes() {
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

  String brokenEdn() {
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

  String deepEdn() {
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

  String hostileQuery() {
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
    return "{\"query\":"
        + quote(queries[random.nextInt(queries.length)])
        + ",\"args\":"
        + quote("[" + rules + "]")
        + (random.nextBoolean() ? ",\"timeout-ms\":" + (1 + random.nextInt(2000)) : "")
        + (random.nextBoolean() ? ",\"limit\":" + random.nextInt(5) : "")
        + "}";
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

  String randomText(int max) {
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
