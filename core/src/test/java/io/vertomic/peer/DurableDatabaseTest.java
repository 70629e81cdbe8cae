package io.vertomic.peer;

import static io.vertomic.fixtures.DatomRows.assertEdn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database in storage (here the heap-kept test storage {@code vertomic:kept}): every acknowledged
 * transaction is in the log, and a peer that restarts rebuilds the same database from it, schema,
 * history and id counters included.
 */
class DurableDatabaseTest {
  private final String uri = "vertomic:kept://people-" + UUID.randomUUID();

  @AfterEach
  void shutdown() {
    Peer.shutdown();
  }

  private static TxReport tx(Connection c, String edn) throws Exception {
    return c.transact(edn).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void createIsTrueOnceAndConnectToAMissingDatabaseIsNotFound() {
    assertTrue(Peer.createDatabase(uri));
    assertFalse(Peer.createDatabase(uri));
    Anomaly a =
        assertThrows(
            Anomaly.class, () -> Peer.connect("vertomic:kept://nope-" + UUID.randomUUID()));
    assertEquals(Category.NOT_FOUND, a.category());
  }

  @Test
  void aRestartedPeerFindsEveryAcknowledgedTransaction() throws Exception {
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(
        c,
        "[{:db/ident :person/name :db/valueType :db.type/string :db/cardinality"
            + " :db.cardinality/one :db/unique :db.unique/identity}"
            + " {:db/ident :person/age :db/valueType :db.type/long :db/cardinality"
            + " :db.cardinality/one}]");
    tx(c, "[{:person/name \"Ivan\" :person/age 30} {:person/name \"Anna\" :person/age 25}]");
    TxReport last = tx(c, "[[:db/add [:person/name \"Ivan\"] :person/age 31]]");
    Database before = c.db();

    Peer.shutdown();
    Database after = Peer.connect(uri).db();

    assertEquals(before.basisT(), after.basisT());
    assertEquals(last.dbAfter().basisT(), after.basisT());
    String q = "[:find ?n ?a :where [?e :person/name ?n] [?e :person/age ?a]]";
    assertEquals(Peer.q(q, before), Peer.q(q, after));
    assertEdn("#{[\"Ivan\" 31] [\"Anna\" 25]}", Peer.q(q, after));
    assertEquals(
        Edn.write(
            Peer.q("[:find ?a ?added :where [?e :person/age ?a _ ?added]]", before.history())),
        Edn.write(
            Peer.q("[:find ?a ?added :where [?e :person/age ?a _ ?added]]", after.history())));
  }

  @Test
  void newEntitiesAfterARestartGetFreshIds() throws Exception {
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(c, "[{:db/ident :thing/n :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    long first = (Long) tx(c, "[{:db/id \"x\" :thing/n 1}]").tempids().get("x");
    Peer.shutdown();
    Connection again = Peer.connect(uri);
    long second = (Long) tx(again, "[{:db/id \"x\" :thing/n 2}]").tempids().get("x");
    assertTrue(second > first, second + " > " + first);
    assertEquals(
        List.of(1L, 2L),
        ((java.util.Collection<?>) Peer.q("[:find [?n ...] :where [_ :thing/n ?n]]", again.db()))
            .stream().map(Long.class::cast).sorted().toList());
  }

  @Test
  void aRejectedTransactionLeavesNothingInTheLog() throws Exception {
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    long basis = c.db().basisT();
    assertThrows(Exception.class, () -> tx(c, "[[:db/add \"x\" :no/such 1]]"));
    Peer.shutdown();
    assertEquals(basis, Peer.connect(uri).db().basisT());
  }

  @Test
  void deleteRemovesTheDatabaseAndItsLog() throws Exception {
    Peer.createDatabase(uri);
    tx(
        Peer.connect(uri),
        "[{:db/ident :a/b :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    assertTrue(Peer.deleteDatabase(uri));
    assertFalse(Peer.deleteDatabase(uri));
    assertEquals(
        Category.NOT_FOUND, assertThrows(Anomaly.class, () -> Peer.connect(uri)).category());
    assertTrue(Peer.createDatabase(uri));
    assertEquals(
        List.of(),
        List.copyOf(
            (java.util.Collection<?>)
                Peer.q("[:find ?e :where [?e :db/ident :a/b]]", Peer.connect(uri).db())));
  }

  @Test
  void deleteWhileAnIndexJobRunsDeletesTheDatabaseAndEverySegment() throws Exception {
    long segmentsBefore = segments();
    deleteWhileIndexing(uri);
    assertEquals(segmentsBefore, segments());
  }

  private static void deleteWhileIndexing(String uri) throws Exception {
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(c, SCHEMA);
    tx(c, people(0, 20_000));
    c.requestIndex(); // not awaited: the delete meets the job still writing

    assertTrue(Peer.deleteDatabase(uri));
    assertEquals(
        Category.NOT_FOUND, assertThrows(Anomaly.class, () -> Peer.connect(uri)).category());
    assertTrue(Peer.createDatabase(uri));
    assertEdn(
        "#{}", Peer.q("[:find ?e :where [?e :db/ident :person/name]]", Peer.connect(uri).db()));
    Peer.deleteDatabase(uri);
  }

  @Test
  void syncIndexAnswersOnceTheDurableIndexCoversT() throws Exception {
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(c, SCHEMA);
    long t = tx(c, people(0, 100)).dbAfter().basisT();
    long before = segments();
    Database db =
        c.syncIndex(t).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertTrue(db.basisT() >= t);
    assertTrue(segments() > before, "the index job wrote segments");
    Database schema =
        c.syncSchema(t).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertEquals(Keyword.of("person/age"), schema.ident(schema.entid(Keyword.of("person/age"))));
  }

  private static long segments() {
    return io.vertomic.fixtures.KeptMemStorageProvider.segmentCount();
  }

  private static String people(int from, int to) {
    StringBuilder b = new StringBuilder("[");
    for (int i = from; i < to; i++) {
      b.append("{:person/name \"p").append(i).append("\" :person/age ").append(i % 90).append('}');
    }
    return b.append(']').toString();
  }

  private static final String SCHEMA =
      "[{:db/ident :person/name :db/valueType :db.type/string :db/cardinality"
          + " :db.cardinality/one :db/unique :db.unique/identity}"
          + " {:db/ident :person/age :db/valueType :db.type/long :db/cardinality"
          + " :db.cardinality/one :db/index true}]";

  @Test
  void aRestartedPeerReadsTheIndexAndReplaysOnlyTheLogAfterIt() throws Exception {
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(c, SCHEMA);
    tx(c, people(0, 2000));
    c.requestIndex().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    tx(c, people(2000, 2100));
    tx(c, "[[:db/retract [:person/name \"p7\"] :person/age 7]]");
    Database before = c.db();

    Peer.shutdown();
    Database after = Peer.connect(uri).db();

    assertEquals(before.basisT(), after.basisT());
    String q = "[:find (count ?e) (sum ?a) :where [?e :person/age ?a]]";
    assertEquals(Edn.write(Peer.q(q, before)), Edn.write(Peer.q(q, after)));
    assertEdn("[[2099 92543]]", Peer.q(q, after));
    assertEquals(
        Edn.write(
            Peer.q(
                "[:find ?a ?added :where [?e :person/age ?a _ ?added] [?e :person/name \"p7\"]]",
                after.history())),
        "#{[7 false] [7 true]}");
    assertEquals(
        Edn.write(Peer.q("[:find ?n :where [?e :person/age 89] [?e :person/name ?n]]", before)),
        Edn.write(Peer.q("[:find ?n :where [?e :person/age 89] [?e :person/name ?n]]", after)));
  }

  @Test
  void asecondIndexWritesOnlyTheSegmentsThatChanged() throws Exception {
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(c, SCHEMA);
    tx(c, people(0, 60_000));
    long before = segments();
    c.requestIndex().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    long first = segments() - before;
    tx(c, "[{:person/name \"p5\" :person/age 44}]");
    c.requestIndex().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    long second = segments() - before - first;
    assertTrue(first > 100, "first index wrote " + first + " segments");
    assertTrue(second > 0 && second < first / 10, "second index wrote " + second + " of " + first);
  }

  @Test
  void novelityPastTheThresholdIndexesWithoutBeingAsked() throws Exception {
    withIndexThreshold(
        500,
        () -> {
          Peer.createDatabase(uri);
          Connection c = Peer.connect(uri);
          tx(c, SCHEMA);
          long before = segments();
          for (int i = 0; i < 10; i++) {
            tx(c, people(i * 100, i * 100 + 100));
          }
          c.requestIndex().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
          assertTrue(segments() > before);
          Peer.shutdown();
          assertEdn(
              "1000",
              Peer.q("[:find (count ?e) . :where [?e :person/name]]", Peer.connect(uri).db()));
        });
  }

  private interface Steps {
    void run() throws Exception;
  }

  // runs steps with the peer's index threshold at datoms, then puts the default back
  private static void withIndexThreshold(long datoms, Steps steps) throws Exception {
    Peer.configure(Peer.options().setIndexThresholdDatoms(datoms));
    try {
      steps.run();
    } finally {
      Peer.configure(
          Peer.options().setIndexThresholdDatoms(PeerOptions.DEFAULT_INDEX_THRESHOLD_DATOMS));
    }
  }

  @Test
  void anIndexRequestedAsTheAutomaticJobEndsCoversTheLatestTransaction() throws Exception {
    // each transaction passes the threshold, so the requests race the automatic jobs' ends
    withIndexThreshold(
        20,
        () -> {
          Peer.createDatabase(uri);
          Connection c = Peer.connect(uri);
          tx(c, SCHEMA);
          for (int i = 0; i < 150; i++) {
            // the first starts a job; the second commits while it runs, so the request waits
            c.transact(people(i * 20, i * 20 + 10));
            long t = tx(c, people(i * 20 + 10, i * 20 + 20)).dbAfter().basisT();
            c.requestIndex().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            assertTrue(indexBasisT() >= t, "indexed through " + indexBasisT() + ", not " + t);
          }
        });
  }

  @Test
  void gcStorageDeletesOnlyUnreachableSegmentsOlderThanTheCutOff() throws Exception {
    long others = segments();
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(c, SCHEMA);
    tx(c, people(0, 5000));
    c.requestIndex().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    tx(c, "[{:person/name \"p1\" :person/age 60}]");
    c.requestIndex().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    long before = segments();
    assertEquals(0L, get(c.gcStorage(new java.util.Date(0))));
    long deleted = get(c.gcStorage(new java.util.Date(System.currentTimeMillis() + 60_000)));
    assertTrue(deleted > 0 && deleted < before, deleted + " of " + before);
    assertEquals(before - deleted, segments());
    assertEquals(0L, get(c.gcStorage(new java.util.Date(System.currentTimeMillis() + 60_000))));
    Peer.shutdown();
    Database db = Peer.connect(uri).db();
    assertEdn("5000", Peer.q("[:find (count ?e) . :where [?e :person/age]]", db));
    assertEdn("60", Peer.q("[:find ?a . :where [?e :person/name \"p1\"] [?e :person/age ?a]]", db));
    assertTrue(Peer.deleteDatabase(uri));
    assertEquals(others, segments(), "delete removes the database's segments");
  }

  private static <T> T get(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void anIndexRequestedWhileAJobRunsCoversTheTransactionsSinceItBegan() throws Exception {
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(c, "[{:db/ident :thing/n :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 5_000; i++) {
      many.append("{:thing/n ").append(i).append('}');
    }
    tx(c, many.append(']').toString());
    var first = c.requestIndex();
    long t = tx(c, "[{:thing/n -1}]").dbAfter().basisT();
    get(c.requestIndex());
    get(first);
    assertEquals(t, indexBasisT());
  }

  // the basis t of the index the stored root names
  private long indexBasisT() {
    String name = uri.substring(uri.lastIndexOf('/') + 1);
    byte[] root = io.vertomic.fixtures.KeptMemStorageProvider.root("db/" + name).value();
    return io.vertomic.wire.DbRoot.decode(root, "root").indexBasisT();
  }
}
