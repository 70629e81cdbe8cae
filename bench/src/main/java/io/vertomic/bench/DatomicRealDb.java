package io.vertomic.bench;

import datomic.Connection;
import datomic.Peer;
import datomic.Util;
import java.util.List;

/** {@link RealDb} on Datomic Pro's in-process peer, {@code datomic:mem://}: the reference. */
final class DatomicRealDb implements RealDb {
  private final String uri;
  private final Connection conn;

  DatomicRealDb(String name) {
    uri = "datomic:mem://" + name;
    Peer.deleteDatabase(uri);
    Peer.createDatabase(uri);
    conn = Peer.connect(uri);
  }

  @Override
  public void transact(String txEdn) {
    try {
      conn.transact((List<?>) Util.read(txEdn)).get();
    } catch (Exception e) {
      throw new IllegalStateException("Datomic transaction failed", e);
    }
  }

  @Override
  public Object read(String edn) {
    return Util.read(edn);
  }

  @Override
  public Object q(String query, List<Object> inputs) {
    Object[] all = new Object[inputs.size() + 1];
    all[0] = conn.db();
    for (int i = 0; i < inputs.size(); i++) {
      all[i + 1] = inputs.get(i);
    }
    return Peer.q(query, all);
  }

  @Override
  public void close() {
    conn.release();
    Peer.deleteDatabase(uri);
  }
}
