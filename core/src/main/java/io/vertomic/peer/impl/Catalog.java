package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.db.DbValue;
import io.vertomic.peer.Connection;
import io.vertomic.tx.TxProcessor;
import io.vertomic.tx.Writer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The databases and connections of this process, by URI. {@code vertomic:mem://NAME} databases live
 * here, each with its own single {@link Writer}; other storages arrive with the durable storage
 * issue and are refused with {@code incorrect} until then. Thread-safe.
 */
public final class Catalog {
  private static final Catalog INSTANCE = new Catalog();

  private final ConcurrentHashMap<String, Writer> mem = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, MemConnection> connections = new ConcurrentHashMap<>();

  private Catalog() {}

  /** The catalog of this process. */
  public static Catalog instance() {
    return INSTANCE;
  }

  public boolean createDatabase(String uri) {
    String name = DbUri.parse(uri).name();
    boolean[] created = {false};
    mem.computeIfAbsent(
        name,
        n -> {
          created[0] = true;
          return new Writer(DbValue.bootstrap(), new TxProcessor(PeerDb::new));
        });
    return created[0];
  }

  public boolean deleteDatabase(String uri) {
    String name = DbUri.parse(uri).name();
    MemConnection c = connections.remove(name);
    if (c != null) {
      c.close();
    }
    return mem.remove(name) != null;
  }

  public Connection connect(String uri) {
    String name = DbUri.parse(uri).name();
    Writer w = mem.get(name);
    if (w == null) {
      throw Anomaly.notFound("db.error/db-not-found", "Could not find database " + uri);
    }
    return connections.compute(
        name, (n, c) -> c != null && c.writer() == w ? c : new MemConnection(w));
  }

  void released(MemConnection c) {
    connections.values().remove(c);
  }
}
