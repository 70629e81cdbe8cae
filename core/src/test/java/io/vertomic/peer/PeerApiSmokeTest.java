package io.vertomic.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The peer API of API.md section 3 as an outside user sees it: only the public packages ({@code
 * io.vertomic.peer}, {@code datom}, {@code edn}, {@code anomaly}), on a mem database. Compiling
 * this class is half the test: the names and shapes here are fixed.
 */
class PeerApiSmokeTest {
  private static final String SCHEMA =
      """
      [{:db/ident :item/sku :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db/unique :db.unique/identity}
       {:db/ident :item/name :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db/index true}
       {:db/ident :item/price :db/valueType :db.type/long :db/cardinality :db.cardinality/one}
       {:db/ident :item/tags :db/valueType :db.type/keyword :db/cardinality :db.cardinality/many}
       {:db/ident :item/part-of :db/valueType :db.type/ref :db/cardinality :db.cardinality/one}]""";

  private String uri;
  private Connection conn;

  @BeforeEach
  void createAndConnect() {
    uri = "vertomic:mem://smoke-" + UUID.randomUUID();
    assertTrue(Peer.createDatabase(uri));
    assertFalse(Peer.createDatabase(uri), "already there");
    conn = Peer.connect(uri);
    transact(conn, SCHEMA);
  }

  @AfterEach
  void delete() {
    Peer.deleteDatabase(uri);
  }

  private static TxReport transact(Connection conn, Object txData) {
    Future<TxReport> f = conn.transact(txData);
    return f.toCompletionStage().toCompletableFuture().join();
  }

  private static <T> T await(Future<T> f) {
    return f.toCompletionStage().toCompletableFuture().join();
  }

  private static Keyword kw(String text) {
    return Keyword.of(text);
  }

  private static List<Datom> list(Iterable<Datom> ds) {
    List<Datom> out = new ArrayList<>();
    ds.forEach(out::add);
    return out;
  }

  private static List<Object> values(Iterable<Datom> ds) {
    return list(ds).stream().map(Datom::v).toList();
  }

  @Test
  void transactInEdnAndInJavaThenReadBack() {
    TxReport edn =
        transact(
            conn,
            "[{:db/id \"box\" :item/sku \"B-1\" :item/name \"Box\" :item/price 10"
                + " :item/tags [:paper :small]}]");
    long box = edn.tempids().get("box");
    TxReport list =
        transact(
            conn,
            List.of(
                Map.of(
                    kw("db/id"), "lid",
                    kw("item/sku"), "L-1",
                    kw("item/name"), "Lid",
                    kw("item/part-of"), List.of(kw("item/sku"), "B-1")),
                List.of(kw("db/add"), box, kw("item/price"), 12L)));
    long lid = list.tempids().get("lid");

    assertEquals(edn.dbAfter().basisT(), list.dbBefore().basisT());
    assertTrue(list.dbAfter().basisT() > list.dbBefore().basisT());
    assertTrue(list.txData().stream().anyMatch(d -> !d.added() && d.v().equals(10L)));

    Database db = conn.db();
    assertEquals(list.dbAfter().basisT(), db.basisT());
    assertEquals(box, db.entid(List.of(":item/sku", "B-1")));
    assertEquals(kw("item/sku"), db.ident(db.entid(kw("item/sku"))));
    Attribute name = db.attribute(":item/name");
    assertEquals(kw("db.type/string"), name.valueType());
    assertTrue(name.indexed());

    Entity lidEntity = db.entity(lid);
    assertEquals("Lid", lidEntity.get(":item/name"));
    Entity boxEntity = (Entity) lidEntity.get(kw("item/part-of"));
    assertEquals(12L, boxEntity.get(":item/price"));
    assertEquals(Set.of(kw("paper"), kw("small")), boxEntity.get(":item/tags"));
    assertEquals(
        Set.of(lid),
        ((Set<?>) boxEntity.get(":item/_part-of"))
            .stream().map(e -> ((Entity) e).id()).collect(Collectors.toSet()));
    assertTrue(boxEntity.keySet().contains(kw("item/sku")));

    Map<Keyword, Object> pulled =
        db.pull(
            "[:item/name {:item/part-of [:item/sku :item/price]}]", List.of(":item/sku", "L-1"));
    assertEquals(
        Edn.read("{:item/name \"Lid\" :item/part-of {:item/sku \"B-1\" :item/price 12}}"),
        Edn.read(Edn.write(pulled)));
    List<Map<Keyword, Object>> many = db.pullMany(List.of(kw("item/sku")), List.of(lid, box));
    assertEquals("[{:item/sku \"L-1\"} {:item/sku \"B-1\"}]", Edn.write(many));
  }

  @Test
  void indexesSnapshotsAndTime() {
    TxReport first =
        transact(
            conn,
            "[{:item/sku \"A\" :item/name \"Apple\"} {:item/sku \"C\" :item/name \"Cherry\"}]");
    Database before = conn.db();
    TxReport second =
        transact(
            conn,
            "[{:item/sku \"B\" :item/name \"Banana\"} [:db/retractEntity [:item/sku \"C\"]]]");
    Database db = conn.db();

    List<Datom> eavt = list(db.datoms(":eavt", List.of(":item/sku", "A")));
    assertEquals(2, eavt.size());
    assertEquals(List.of("A", "C"), values(before.datoms(kw("aevt"), ":item/sku")), "a snapshot");
    assertEquals(List.of("A", "B"), values(db.datoms("aevt", ":item/sku")));
    List<Object> names =
        list(db.indexRange(":item/name", "B", null)).stream().map(Datom::v).toList();
    assertEquals(List.of("Banana"), names);
    List<Datom> seek = list(db.seekDatoms(":avet", ":item/name", "B"));
    assertEquals("Banana", seek.get(0).v());
    assertTrue(list(db.datoms(":vaet")).size() > 0);
    Anomaly notIndexed =
        assertThrows(Anomaly.class, () -> db.indexRange(":item/price", null, null));
    assertEquals(Category.INCORRECT, notIndexed.category());

    long t1 = first.dbAfter().basisT();
    assertEquals(List.of("A", "C"), values(db.asOf(t1).datoms(":aevt", ":item/sku")));
    assertEquals(List.of("B"), values(db.since(t1).datoms(":aevt", ":item/sku")));
    long retracted =
        list(db.history().datoms(":aevt", ":item/sku")).stream().filter(d -> !d.added()).count();
    assertEquals(1, retracted);
    assertTrue(db.history().isHistory());
    assertEquals(second.dbBefore().basisT(), before.basisT());

    TxReport speculative = db.with("[{:item/sku \"D\"}]");
    assertNotNull(speculative.dbAfter().entid(List.of(":item/sku", "D")));
    assertNull(conn.db().entid(List.of(":item/sku", "D")));
  }

  @Test
  void connectionQueueLogSyncAndRelease() throws InterruptedException {
    BlockingQueue<TxReport> queue = conn.txReportQueue();
    TxReport r = transact(conn, "[{:item/sku \"Q\"}]");
    TxReport seen = queue.poll(5, TimeUnit.SECONDS);
    assertNotNull(seen);
    assertEquals(r.dbAfter().basisT(), seen.dbAfter().basisT());
    conn.removeTxReportQueue();

    List<LogEntry> entries = new ArrayList<>();
    Log log = conn.log();
    log.txRange(r.dbBefore().basisT() + 1, null).forEach(entries::add);
    assertEquals(1, entries.size());
    assertEquals(r.txData(), entries.get(0).data());

    assertEquals(r.dbAfter().basisT(), await(conn.sync()).basisT());
    assertTrue(await(conn.sync(r.dbAfter().basisT())).basisT() >= r.dbAfter().basisT());
    await(conn.requestIndex());
    assertEquals(0L, await(conn.gcStorage(new java.util.Date())), "a mem database has no segments");

    conn.release();
    Connection again = Peer.connect(uri);
    assertEquals(r.dbAfter().basisT(), again.db().basisT());
  }

  @Test
  void failuresAreAnomaliesAndDeletedDatabasesAreGone() {
    Future<TxReport> bad = conn.transact("[{:item/sku \"X\" :item/price \"free\"}]");
    assertTrue(bad.failed());
    assertEquals(Category.INCORRECT, ((Anomaly) bad.cause()).category());
    transact(conn, "[{:item/sku \"X\"}]");
    Anomaly conflict =
        assertThrows(
            Anomaly.class, () -> conn.db().with("[[:db/cas [:item/sku \"X\"] :item/price 1 2]]"));
    assertEquals(Category.CONFLICT, conflict.category());
    Anomaly malformed = assertThrows(Anomaly.class, () -> Edn.read("[:a"));
    assertEquals(Category.INCORRECT, malformed.category());

    assertTrue(Peer.deleteDatabase(uri));
    assertFalse(Peer.deleteDatabase(uri));
    Anomaly gone = assertThrows(Anomaly.class, () -> Peer.connect(uri));
    assertEquals(Category.NOT_FOUND, gone.category());
  }
}
