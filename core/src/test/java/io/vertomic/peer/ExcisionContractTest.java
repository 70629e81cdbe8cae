package io.vertomic.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.fixtures.StoredBytes;
import io.vertomic.storage.Storage;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Excision on a durable storage: once {@code syncExcise} completes, no byte stored anywhere (index
 * segments, log entries, roots, and segments a cache holds, read back raw and decompressed) holds
 * an excised value, while the rest of the data is intact and the excision record stays. Each
 * durable backend's test extends it and says how its URIs look and how to open its storage for the
 * raw scan.
 */
public abstract class ExcisionContractTest {
  private final String name = "excise-" + UUID.randomUUID().toString().substring(0, 8);
  private final String secret = "SECRET-" + UUID.randomUUID();
  private final String kept = "KEPT-" + UUID.randomUUID();

  /** The URI of database {@code name} in the storage under test. */
  protected abstract String uri(String name);

  /** The Vert.x instance a test's own storage handles run on. */
  protected final io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();

  /** A handle on the storage under test, on {@link #vertx}, to read it raw. */
  protected abstract Storage storage() throws Exception;

  /**
   * The blobs a segment cache in front of the storage holds under {@code keys} (segment keys seen
   * in storage at some point); none when the backend's test has no cache.
   */
  protected List<byte[]> cached(java.util.Collection<String> keys) throws Exception {
    return List.of();
  }

  private final java.util.Set<String> segmentKeys = new java.util.LinkedHashSet<>();

  /** Stops what a backend's test started for it (after the database is deleted). */
  protected void stopped() throws Exception {}

  @AfterEach
  void cleanUp() throws Exception {
    try {
      Peer.deleteDatabase(uri(name));
      Peer.shutdown();
    } finally {
      stopped();
      get(vertx.close());
    }
  }

  @Test
  void afterSyncExciseNoStoredByteHoldsTheExcisedValues() throws Exception {
    String uri = uri(name);
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(
        c,
        "[{:db/ident :p/name :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
            + " :db/unique :db.unique/identity}"
            + " {:db/ident :p/note :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
            + " :db/index true}]");
    long ann =
        tx(
                c,
                "[{:db/id \"a\" :p/name \"ann\" :p/note \""
                    + secret
                    + "-1\"} {:p/name \"bob\" :p/note \""
                    + kept
                    + "\"}]")
            .tempids()
            .get("a");
    get(c.requestIndex());
    tx(c, "[{:db/id " + ann + " :p/note \"" + secret + "-2\"}]");
    assertTrue(stored(secret), "the raw scan finds a value before excision");
    TxReport excised = tx(c, "[{:db/id \"x\" :db/excise " + ann + "}]");
    Database db = get(c.syncExcise(excised.dbAfter().basisT()));
    assertFalse(stored(secret), "an excised value is still stored");
    assertTrue(stored(kept), "the other data is stored");
    assertNull(db.pull("[:p/note]", List.of(":p/name", "ann")));
    assertEquals(
        kept,
        db.pull("[:p/note]", List.of(":p/name", "bob")).get(io.vertomic.edn.Keyword.of("p/note")));
    for (LogEntry e : c.log().txRange(null, null)) {
      assertTrue(e.data().stream().noneMatch(d -> String.valueOf(d.v()).startsWith(secret)));
    }
    Peer.shutdown();
    Database reopened = Peer.connect(uri).db();
    assertEquals(1L, count(reopened.datoms(":aevt", ":db/excise")), "the record stays");
    assertTrue(count(reopened.history().datoms(":eavt", ann)) == 0);
  }

  /** Whether any stored root, segment or log entry, decompressed, holds {@code text}. */
  private boolean stored(String text) throws Exception {
    if (StoredBytes.holds(storage(), text, segmentKeys)) {
      return true;
    }
    for (byte[] blob : cached(segmentKeys)) {
      if (StoredBytes.segmentHolds(blob, text)) {
        return true;
      }
    }
    return false;
  }

  private static TxReport tx(Connection c, String edn) throws Exception {
    return get(c.transact(edn));
  }

  private static long count(Iterable<?> it) {
    List<Object> all = new ArrayList<>();
    it.forEach(all::add);
    return all.size();
  }

  protected static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
