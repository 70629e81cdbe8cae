package io.vertomic.cli;

import io.vertomic.client.ClientOptions;
import io.vertomic.client.Connection;
import io.vertomic.client.Db;
import io.vertomic.client.TxResult;
import io.vertomic.client.VertomicClient;
import io.vertomic.edn.Keyword;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A peer server URL, {@code http://HOST:PORT/NAME}, worked on as a client through the client SDK
 * (as Datomic's client API does); {@code *} or no path names the server as a whole. What the HTTP
 * API has no route for (rename, gc, request-index) is refused as bad usage before anything is sent.
 */
final class ServerTarget implements Target {
  private final String url;
  private final String dbName;
  private final Vertx vertx = Vertx.vertx();
  private final VertomicClient client;
  private Connection connection;

  ServerTarget(String url, Credentials credentials) {
    this.url = url;
    URI u = URI.create(url);
    String path = u.getPath() == null ? "" : u.getPath().replaceAll("^/+|/+$", "");
    this.dbName = path.isEmpty() ? "*" : path;
    ClientOptions options =
        new ClientOptions()
            .setEndpoint(u.getScheme() + "://" + u.getAuthority())
            .setAccessKey(credentials.accessKey())
            .setSecret(credentials.secret());
    this.client = VertomicClient.create(vertx, options);
  }

  private String name() {
    if (dbName.equals("*")) {
      throw new UsageException("name a database as the URL's path: " + url + "/NAME");
    }
    return dbName;
  }

  private Connection connection() {
    if (connection == null) {
      connection = Futures.await(client.connect(name()));
    }
    return connection;
  }

  private UsageException peerOnly(String what) {
    return new UsageException(
        what + " works only against a storage URI (as a peer), not a peer server URL: " + url);
  }

  @Override
  public String where() {
    return url;
  }

  @Override
  public List<String> databaseNames() {
    return Futures.await(client.listDatabases()).stream().sorted().toList();
  }

  @Override
  public boolean create() {
    return Futures.await(client.createDatabase(name()));
  }

  @Override
  public boolean delete() {
    return Futures.await(client.deleteDatabase(name()));
  }

  @Override
  public void rename(String newName) {
    throw peerOnly("db rename");
  }

  @Override
  public Map<?, ?> stats() {
    Db db = connection().db();
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("basis-t"), db.basisT());
    m.putAll(Futures.await(db.dbStats()));
    return m;
  }

  @Override
  public TxSummary transact(Object txData) {
    TxResult r = Futures.await(connection().transact(txData));
    return new TxSummary(
        r.dbBefore().basisT(), r.dbAfter().basisT(), r.txData().size(), r.tempids());
  }

  @Override
  public Object query(String query, List<Object> inputs) {
    return Futures.await(client.query(query, connection().db(), inputs.toArray()));
  }

  @Override
  public Map<?, ?> pull(String selector, Object eid) {
    return Futures.await(connection().db().pull(selector, eid));
  }

  @Override
  public long gcStorage(Date olderThan) {
    throw peerOnly("gc");
  }

  @Override
  public void requestIndex() {
    throw peerOnly("request-index");
  }

  @Override
  public void close() {
    client.close();
    Futures.await(vertx.close());
  }
}
