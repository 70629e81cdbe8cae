package io.vertomic.client.impl;

import io.reactivex.rxjava3.core.Flowable;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.client.Connection;
import io.vertomic.client.Db;
import io.vertomic.client.Tx;
import io.vertomic.client.TxResult;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link Connection}: a database name and the latest basis-t seen, which only moves forward (a late
 * answer of an older transaction never moves it back).
 */
final class ConnectionImpl implements Connection {
  private final VertomicClientImpl client;
  private final String dbName;
  private final String path;
  private final AtomicLong latestT;

  ConnectionImpl(VertomicClientImpl client, String dbName, long basisT) {
    this.client = client;
    this.dbName = dbName;
    this.path = VertomicClientImpl.dbPath(dbName);
    this.latestT = new AtomicLong(basisT);
  }

  @Override
  public String dbName() {
    return dbName;
  }

  @Override
  public Db db() {
    return new DbImpl(client, dbName, latestT.get());
  }

  @Override
  public Future<TxResult> transact(Object txData) {
    Map<String, Object> body = Map.of("tx-data", EdnText.of(txData, "txData"));
    return client.once(HttpMethod.POST, path + "/transact", body).map(this::txResult);
  }

  @Override
  public Future<TxResult> transact(Object txData, String idempotencyKey) {
    Map<String, Object> body;
    try {
      body = Map.of("tx-data", EdnText.withIdempotencyKey(txData, idempotencyKey));
    } catch (Anomaly a) {
      return Future.failedFuture(a);
    }
    return client.read(HttpMethod.POST, path + "/transact", body).map(this::txResult);
  }

  private TxResult txResult(Object answer) {
    long before = Answers.longField(answer, "t-before");
    long after = advance(Answers.longField(answer, "t-after"));
    return new TxResult(
        new DbImpl(client, dbName, before),
        new DbImpl(client, dbName, after),
        Answers.datoms(Answers.listField(answer, "tx-data")),
        Answers.tempids(answer, "tempids"));
  }

  @Override
  public Flowable<Tx> txRange(Long start, Long end) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (start != null) {
      body.put("start", start);
    }
    if (end != null) {
      body.put("end", end);
    }
    body.put("chunk", client.chunkSize());
    return client.stream(path + "/tx-range", body, Answers::txs).concatMapIterable(c -> c, 1);
  }

  @Override
  public Future<Db> sync(long t) {
    return latestDb(path + "?sync-t=" + t);
  }

  @Override
  public Future<Db> withDb() {
    return latestDb(path);
  }

  private Future<Db> latestDb(String uri) {
    return client
        .read(HttpMethod.GET, uri, null)
        .map(answer -> new DbImpl(client, dbName, advance(Answers.longField(answer, "basis-t"))));
  }

  private long advance(long t) {
    latestT.accumulateAndGet(t, Math::max);
    return t;
  }

  @Override
  public String toString() {
    return "Connection[" + dbName + " basis-t " + latestT.get() + "]";
  }
}
