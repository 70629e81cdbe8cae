package io.vertomic.peer.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.db.DbValue;
import io.vertomic.fixtures.TestDb;
import io.vertomic.fulltext.FulltextHit;
import io.vertomic.fulltext.FulltextIndex;
import io.vertomic.fulltext.FulltextSegment;
import io.vertomic.peer.Connection;
import io.vertomic.storage.mem.MemStorage;
import io.vertomic.wire.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fulltext index written to storage and read back: the stored index answers every search as the
 * one built in memory did, reading its Lucene files a chunk at a time.
 */
class FulltextStoreTest {
  private static final String SCHEMA =
      "[{:db/ident :doc/text :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
          + "  :db/fulltext true}"
          + " {:db/ident :doc/tags :db/valueType :db.type/string"
          + "  :db/cardinality :db.cardinality/many :db/fulltext true}]";

  private static final String[] WORDS = {
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"
  };

  private static DbValue database(int values) {
    Connection c = TestDb.withSchema(SCHEMA);
    for (int from = 0; from < values; from += 500) {
      List<Object> tx = new ArrayList<>();
      for (int i = from; i < Math.min(values, from + 500); i++) {
        String text = WORDS[i % 10] + " " + WORDS[(i * 7) % 10] + " item" + i + " " + WORDS[i % 3];
        tx.add(Map.of(":doc/text", text, ":doc/tags", List.of(WORDS[i % 4], "tag" + (i % 50))));
      }
      TestDb.tx(c, tx);
    }
    return ((PeerDb) c.db()).value();
  }

  private static void assertSameHits(List<FulltextHit> expected, List<FulltextHit> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).datom(), actual.get(i).datom());
      assertEquals(expected.get(i).score(), actual.get(i).score(), 1e-9);
    }
  }

  @Test
  void aStoredIndexAnswersAsTheIndexItWasWrittenFrom() throws Exception {
    DbValue db = database(5_000);
    FulltextIndex built = db.indexes().fulltext();
    MemStorage storage = new MemStorage();
    AtomicInteger n = new AtomicInteger();
    FulltextStore.Written w = FulltextStore.write(built, () -> "seg/ft/" + n.incrementAndGet());
    for (Map.Entry<String, byte[]> e : w.segments().entrySet()) {
      storage.put(e.getKey(), e.getValue()).toCompletionStage().toCompletableFuture().get();
    }
    assertEquals(Frame.K_FULLTEXT_MANIFEST, Frame.kind(w.segments().get(w.manifestKey())));

    FulltextIndex stored =
        FulltextStore.load(w.manifestKey(), new SegmentNodeSource(storage, 1L << 24));
    long text = db.schema().entid(io.vertomic.edn.Keyword.of("doc/text"));
    long tags = db.schema().entid(io.vertomic.edn.Keyword.of("doc/tags"));
    for (String search :
        List.of("alpha", "beta gamma", "\"alpha beta\"", "item12*", "+delta -alpha", "iota~")) {
      assertSameHits(built.search(text, search, "t"), stored.search(text, search, "t"));
    }
    assertSameHits(built.search(tags, "tag7 beta", "t"), stored.search(tags, "tag7 beta", "t"));
    for (List<FulltextSegment> segs : stored.segments().values()) {
      for (FulltextSegment s : segs) {
        assertNotNull(s.stored(), "read from storage, not rebuilt");
      }
    }
  }

  @Test
  void writingAgainStoresOnlyTheSegmentsNotStoredYet() {
    DbValue db = database(1_000);
    AtomicInteger n = new AtomicInteger();
    FulltextStore.Written first =
        FulltextStore.write(db.indexes().fulltext(), () -> "k" + n.incrementAndGet());
    MemStorage storage = new MemStorage();
    first
        .segments()
        .forEach((k, v) -> storage.put(k, v).toCompletionStage().toCompletableFuture().join());
    FulltextIndex stored =
        FulltextStore.load(first.manifestKey(), new SegmentNodeSource(storage, 1L << 24));
    FulltextStore.Written again = FulltextStore.write(stored, () -> "k" + n.incrementAndGet());
    assertEquals(1, again.segments().size(), "only a new manifest");
    assertTrue(again.segments().containsKey(again.manifestKey()));
  }
}
