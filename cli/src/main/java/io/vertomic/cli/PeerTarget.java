package io.vertomic.cli;

import io.vertomic.edn.Keyword;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A storage URI, worked on as a peer in this process through {@link Peer} (as Datomic's {@code
 * bin/} tools do). The connection opens on first use; {@link #close} shuts the peer library down,
 * which a durable storage needs before the process exits.
 */
final class PeerTarget implements Target {
  private final String uri;
  private Connection connection;

  PeerTarget(String uri) {
    this.uri = uri;
  }

  private Connection connection() {
    if (connection == null) {
      connection = Peer.connect(uri);
    }
    return connection;
  }

  @Override
  public String where() {
    return uri;
  }

  @Override
  public List<String> databaseNames() {
    return Peer.getDatabaseNames(uri);
  }

  @Override
  public boolean create() {
    return Peer.createDatabase(uri);
  }

  @Override
  public boolean delete() {
    return Peer.deleteDatabase(uri);
  }

  @Override
  public void rename(String newName) {
    Peer.renameDatabase(uri, newName);
  }

  @Override
  public Map<?, ?> stats() {
    Database db = connection().db();
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("basis-t"), db.basisT());
    m.putAll(db.dbStats());
    return m;
  }

  @Override
  public TxSummary transact(Object txData) {
    TxReport r = Futures.await(connection().transact(txData));
    return new TxSummary(
        r.dbBefore().basisT(), r.dbAfter().basisT(), r.txData().size(), r.tempids());
  }

  @Override
  public Object query(String query, List<Object> inputs) {
    List<Object> all = new ArrayList<>();
    all.add(connection().db());
    all.addAll(inputs);
    return Peer.q(query, all.toArray());
  }

  @Override
  public Map<?, ?> pull(String selector, Object eid) {
    return connection().db().pull(selector, eid);
  }

  @Override
  public long gcStorage(Date olderThan) {
    return Futures.await(connection().gcStorage(olderThan));
  }

  @Override
  public void requestIndex() {
    Connection c = connection();
    Futures.await(c.syncIndex(c.db().basisT()));
  }

  @Override
  public void close() {
    Peer.shutdown();
  }
}
