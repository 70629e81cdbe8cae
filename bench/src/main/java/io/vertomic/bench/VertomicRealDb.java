package io.vertomic.bench;

import io.vertomic.edn.Edn;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import java.util.List;

/** {@link RealDb} on Vertomic's in-process peer, {@code vertomic:mem://}. */
final class VertomicRealDb implements RealDb {
  private final String uri;
  private final Connection conn;

  VertomicRealDb(String name) {
    uri = "vertomic:mem://" + name;
    Peer.deleteDatabase(uri);
    Peer.createDatabase(uri);
    conn = Peer.connect(uri);
  }

  @Override
  public void transact(String txEdn) {
    conn.transact((List<?>) Edn.read(txEdn)).toCompletionStage().toCompletableFuture().join();
  }

  @Override
  public Object read(String edn) {
    return Edn.read(edn);
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
    Peer.deleteDatabase(uri);
  }
}
