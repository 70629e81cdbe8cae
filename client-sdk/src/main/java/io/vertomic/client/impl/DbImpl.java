package io.vertomic.client.impl;

import io.reactivex.rxjava3.core.Flowable;
import io.vertomic.client.Datom;
import io.vertomic.client.Db;
import io.vertomic.client.TxResult;
import io.vertomic.edn.Keyword;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link Db}: the database's name, basis-t and view ({@code as-of}, {@code since}, {@code history},
 * the {@code with} tx data), sent as the read fields of docs/http-api.md with each read.
 */
final class DbImpl implements Db {
  private static final Set<String> INDEXES = Set.of("eavt", "aevt", "avet", "vaet");

  private final VertomicClientImpl client;
  private final String dbName;
  private final long basisT;
  private final Long asOfT;
  private final Long sinceT;
  private final boolean history;
  private final List<String> withTxData;

  DbImpl(VertomicClientImpl client, String dbName, long basisT) {
    this(client, dbName, basisT, null, null, false, List.of());
  }

  private DbImpl(
      VertomicClientImpl client,
      String dbName,
      long basisT,
      Long asOfT,
      Long sinceT,
      boolean history,
      List<String> withTxData) {
    this.client = client;
    this.dbName = dbName;
    this.basisT = basisT;
    this.asOfT = asOfT;
    this.sinceT = sinceT;
    this.history = history;
    this.withTxData = withTxData;
  }

  /** {@code db} as this SDK's implementation. */
  static DbImpl of(Db db) {
    Objects.requireNonNull(db, "db");
    if (db instanceof DbImpl d) {
      return d;
    }
    throw new IllegalArgumentException(
        "db must be a Db of this SDK (from Connection.db()), not a " + db.getClass().getName());
  }

  @Override
  public String dbName() {
    return dbName;
  }

  @Override
  public long basisT() {
    return basisT;
  }

  @Override
  public Long asOfT() {
    return asOfT;
  }

  @Override
  public Long sinceT() {
    return sinceT;
  }

  @Override
  public boolean isHistory() {
    return history;
  }

  @Override
  public Db asOf(long t) {
    return new DbImpl(client, dbName, basisT, t, sinceT, history, withTxData);
  }

  @Override
  public Db since(long t) {
    return new DbImpl(client, dbName, basisT, asOfT, t, history, withTxData);
  }

  @Override
  public Db history() {
    return new DbImpl(client, dbName, basisT, asOfT, sinceT, true, withTxData);
  }

  /** Puts this database's read fields into a request body. */
  void putViewFields(Map<String, Object> body) {
    body.put("basis-t", basisT);
    if (asOfT != null) {
      body.put("as-of", asOfT);
    }
    if (sinceT != null) {
      body.put("since", sinceT);
    }
    if (history) {
      body.put("history", true);
    }
    if (!withTxData.isEmpty()) {
      body.put("with", withTxData);
    }
  }

  @Override
  public Future<TxResult> with(Object txData) {
    String tx = EdnText.of(txData, "txData");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tx-data", tx);
    putViewFields(body);
    List<String> after = new ArrayList<>(withTxData);
    after.add(tx);
    DbImpl dbAfter =
        new DbImpl(
            client, dbName, basisT, asOfT, sinceT, history, Collections.unmodifiableList(after));
    return client
        .read(HttpMethod.POST, path("/with"), body)
        .map(
            answer ->
                new TxResult(
                    this,
                    dbAfter,
                    Answers.datoms(Answers.listField(answer, "tx-data")),
                    Answers.tempids(answer, "tempids")));
  }

  @Override
  public Future<Map<Object, Object>> pull(Object selector, Object eid) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("selector", EdnText.of(selector, "selector"));
    body.put("eid", EdnText.of(eid, "eid"));
    putViewFields(body);
    return client.read(HttpMethod.POST, path("/pull"), body).map(DbImpl::pulled);
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> pulled(Object answer) {
    return answer == null ? Map.of() : (Map<Object, Object>) Answers.map(answer, "a pulled map");
  }

  @Override
  public Flowable<Datom> datoms(String index, Object... components) {
    Objects.requireNonNull(index, "index");
    String name = (index.startsWith(":") ? index.substring(1) : index).toLowerCase(Locale.ROOT);
    if (!INDEXES.contains(name)) {
      throw new IllegalArgumentException(
          "index must be one of eavt, aevt, avet, vaet, not \"" + index + "\"");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("index", name);
    body.put("components", EdnText.vector(components == null ? new Object[] {null} : components));
    return datomStream("/datoms", body);
  }

  @Override
  public Flowable<Datom> indexRange(Object attr, Object start, Object end) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("attrid", EdnText.of(attr, "attr"));
    if (start != null) {
      body.put("start", EdnText.of(start, "start"));
    }
    if (end != null) {
      body.put("end", EdnText.of(end, "end"));
    }
    return datomStream("/index-range", body);
  }

  @Override
  public Flowable<Map<Object, Object>> indexPull(Map<?, ?> args) {
    Objects.requireNonNull(args, "args");
    Object index = Objects.requireNonNull(arg(args, "index"), ":index");
    Map<String, Object> body = new LinkedHashMap<>();
    String name = index instanceof Keyword k ? k.text() : String.valueOf(index);
    body.put("index", name.startsWith(":") ? name.substring(1) : name);
    body.put(
        "selector",
        EdnText.of(Objects.requireNonNull(arg(args, "selector"), ":selector"), "selector"));
    body.put("start", EdnText.of(Objects.requireNonNull(arg(args, "start"), ":start"), "start"));
    if (Boolean.TRUE.equals(arg(args, "reverse"))) {
      body.put("reverse", true);
    }
    for (String n : List.of("offset", "limit")) {
      if (arg(args, n) instanceof Number x) {
        body.put(n, x.longValue());
      }
    }
    body.put("chunk", client.chunkSize());
    putViewFields(body);
    return client.stream(path("/index-pull"), body, rows -> pulledRows(rows))
        .concatMapIterable(c -> c, 1);
  }

  private static List<Map<Object, Object>> pulledRows(List<?> rows) {
    List<Map<Object, Object>> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(pulled(r)));
    return out;
  }

  // keys as Datomic users write them, or as ":name" and "name" strings
  private static Object arg(Map<?, ?> args, String key) {
    Object v = args.get(Keyword.of(key));
    if (v == null) {
      v = args.get(":" + key);
    }
    return v != null ? v : args.get(key);
  }

  @Override
  public Future<Map<Keyword, Object>> dbStats() {
    return client
        .read(HttpMethod.GET, VertomicClientImpl.dbPath(dbName) + "?sync-t=" + basisT, null)
        .map(answer -> stats(Answers.map(Answers.field(answer, "db-stats"), "db-stats")));
  }

  private static Map<Keyword, Object> stats(Map<?, ?> json) {
    Keyword count = Keyword.of("count");
    Map<Keyword, Object> attrs = new LinkedHashMap<>();
    Answers.map(json.get("attrs"), "db-stats attrs")
        .forEach(
            (attr, c) ->
                attrs.put(
                    attr instanceof Keyword k ? k : Keyword.of(String.valueOf(attr)),
                    Map.of(count, Answers.map(c, "an attribute's count").get("count"))));
    Map<Keyword, Object> out = new LinkedHashMap<>();
    out.put(Keyword.of("datoms"), json.get("datoms"));
    out.put(Keyword.of("attrs"), attrs);
    return out;
  }

  private Flowable<Datom> datomStream(String route, Map<String, Object> body) {
    body.put("chunk", client.chunkSize());
    putViewFields(body);
    // prefetch 1: the next chunk is asked for only once the previous one is consumed
    return client.stream(path(route), body, Answers::datoms).concatMapIterable(c -> c, 1);
  }

  private String path(String route) {
    return VertomicClientImpl.dbPath(dbName) + route;
  }

  @Override
  public String toString() {
    return "Db["
        + dbName
        + " basis-t "
        + basisT
        + (asOfT == null ? "" : " as-of " + asOfT)
        + (sinceT == null ? "" : " since " + sinceT)
        + (history ? " history" : "")
        + (withTxData.isEmpty() ? "" : " with " + withTxData.size() + " tx")
        + "]";
  }
}
