package io.vertomic.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.edn.Edn;
import io.vertomic.fixtures.KeptMemStorageProvider;
import io.vertomic.wire.Frame;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fulltext on a durable database: the index job stores the fulltext index beside the trees, a peer
 * that connects searches it as stored, and what was transacted since is found at once.
 */
class DurableFulltextTest {
  private static final String Q =
      "[:find ?k ?v ?s :in $ ?q :where [(fulltext $ :doc/text ?q) [[?e ?v _ ?s]]] [?e :doc/key ?k]]";
  private final String uri = "vertomic:kept://fulltext-" + UUID.randomUUID();

  @AfterEach
  void shutdown() {
    Peer.shutdown();
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static String search(Database db, String q) {
    return Edn.write(Peer.q(Q, db, q));
  }

  private Connection loaded() throws Exception {
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    get(
        c.transact(
            "[{:db/ident :doc/key :db/valueType :db.type/long :db/cardinality :db.cardinality/one"
                + "  :db/unique :db.unique/identity}"
                + " {:db/ident :doc/text :db/valueType :db.type/string"
                + "  :db/cardinality :db.cardinality/one :db/fulltext true}]"));
    for (int from = 0; from < 3_000; from += 1_000) {
      List<Object> tx = new ArrayList<>();
      for (int i = from; i < from + 1_000; i++) {
        tx.add(
            Map.of(
                ":doc/key",
                (long) i,
                ":doc/text",
                "note "
                    + i
                    + " about "
                    + (i % 7 == 0 ? "quick brown foxes" : "slow green turtles")));
      }
      get(c.transact(tx));
    }
    return c;
  }

  private static boolean storedAFulltextManifest() {
    return !stored(Frame.K_FULLTEXT_MANIFEST).isEmpty();
  }

  // the keys of the kept storage's segments of one kind
  private static java.util.Set<String> stored(byte kind) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String k : KeptMemStorageProvider.keys("seg/")) {
      byte[] bytes = KeptMemStorageProvider.bytes(k);
      if (bytes != null && Frame.kind(bytes) == kind) {
        out.add(k);
      }
    }
    return out;
  }

  @Test
  void aPeerThatConnectsSearchesTheStoredIndexAndFindsNewValuesAtOnce() throws Exception {
    Connection c = loaded();
    Database indexed = get(c.syncIndex(c.db().basisT()));
    String quick = search(indexed, "quick foxes");
    String phrase = search(indexed, "\"green turtles\" AND note");
    assertTrue(storedAFulltextManifest());

    Peer.shutdown();
    Connection again = Peer.connect(uri);
    assertEquals(quick, search(again.db(), "quick foxes"));
    assertEquals(phrase, search(again.db(), "\"green turtles\" AND note"));

    get(
        again.transact(
            "[{:doc/key 7 :doc/text \"a lazy dog\"} {:doc/key 5000 :doc/text \"lazy cats\"}]"));
    Database now = again.db();
    assertEquals(
        Edn.read("#{[5000 \"lazy cats\" 1.0] [7 \"a lazy dog\" 1.0]}"),
        new java.util.HashSet<>((java.util.Collection<?>) Peer.q(Q, now, "lazy")));
    assertFalse(search(now, "quick").contains("[7 "), "a replaced value is not found");
  }

  @Test
  void valuesTransactedWhileAnIndexJobRunsAreFoundAfterIt() throws Exception {
    Connection c = loaded();
    var indexing = c.requestIndex();
    for (int i = 0; i < 20; i++) {
      get(c.transact("[{:doc/key " + (10_000 + i) + " :doc/text \"purple zebra " + i + "\"}]"));
    }
    get(indexing);
    Database after = get(c.syncIndex(c.db().basisT()));
    assertEquals(20, ((java.util.Collection<?>) Peer.q(Q, after, "zebra")).size());
    assertEquals(20, ((java.util.Collection<?>) Peer.q(Q, c.db(), "purple")).size());
    assertTrue(search(after, "quick").contains("[14 "));
  }

  @Test
  void garbageCollectionKeepsTheStoredIndexAndAnotherIndexJobBuildsOnIt() throws Exception {
    Connection c = loaded();
    get(c.syncIndex(c.db().basisT()));
    get(c.transact("[{:doc/key 9000 :doc/text \"quick red foxes\"}]"));
    Database indexed = get(c.syncIndex(c.db().basisT()));
    String quick = search(indexed, "quick");
    get(c.gcStorage(new Date(System.currentTimeMillis() + 60_000)));

    Peer.shutdown();
    assertEquals(quick, search(Peer.connect(uri).db(), "quick"));
    assertTrue(quick.contains("[9000 \"quick red foxes\""));
  }

  @Test
  void anExcisedValueIsNotFoundAfterTheNextIndexAndItsOldChunksAreCollected() throws Exception {
    java.util.Set<String> otherDatabases = stored(Frame.K_FULLTEXT_CHUNK);
    Connection c = loaded();
    get(c.syncIndex(c.db().basisT()));
    java.util.Set<String> before = stored(Frame.K_FULLTEXT_CHUNK);
    before.removeAll(otherDatabases);
    long e = (Long) ((List<?>) Peer.q("[:find [?e] :where [?e :doc/key 14]]", c.db())).get(0);
    long t = get(c.transact("[{:db/excise " + e + "}]")).dbAfter().basisT();
    get(c.syncExcise(t));
    assertFalse(search(c.db(), "quick").contains("[14 "));
    get(c.gcStorage(new Date(System.currentTimeMillis() + 60_000)));
    java.util.Set<String> after = stored(Frame.K_FULLTEXT_CHUNK);
    assertFalse(after.isEmpty());
    assertTrue(java.util.Collections.disjoint(before, after), "the chunks that held it are gone");

    Peer.shutdown();
    Database reopened = Peer.connect(uri).db();
    assertFalse(search(reopened, "quick").contains("[14 "));
    assertTrue(search(reopened, "quick").contains("[21 "));
  }
}
