package io.vertomic.client;

import static io.vertomic.client.PeerFixture.anomaly;
import static io.vertomic.client.PeerFixture.anomalyMap;
import static io.vertomic.client.PeerFixture.answer;
import static io.vertomic.client.PeerFixture.chunk;
import static io.vertomic.client.PeerFixture.startStream;
import static io.vertomic.client.PeerFixture.writeItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertomic.msgpack.MsgpackValues;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code qChunks}, {@code datoms} and {@code txRange}: chunk streams driven by demand. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChunkedQueryTest {
  private static final String QUERY = "/api/databases/people/query";
  private static final String REL = "[:find ?e ?n :where [?e :person/name ?n]]";

  private PeerFixture peer;
  private VertomicClient client;
  private Db db;

  @BeforeEach
  void start(Vertx vertx) {
    peer = PeerFixture.start(vertx);
    peer.on("GET", "/api/databases/people", (req, resp, n) -> answer(resp, 200, basis(7)));
    client = VertomicClient.create(vertx, peer.options().setInitialBackoffMillis(1));
    db = client.connect("people").await().db();
  }

  @AfterEach
  void stop() {
    client.close();
    peer.close();
  }

  private static Map<String, Object> basis(long t) {
    return Map.of("db-name", "people", "basis-t", t, "datoms", 0L);
  }

  /** A chunk of {@code size} rows {@code [i "name-i"]} numbered from {@code first}. */
  private static List<List<Object>> rows(int first, int size, String padding) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = first; i < first + size; i++) {
      rows.add(List.of((long) i, "name-" + i + padding));
    }
    return rows;
  }

  /** Writes {@code total} chunks as fast as the write queue allows, counting them. */
  private static void writeChunks(
      HttpServerResponse resp,
      int total,
      int size,
      String padding,
      AtomicInteger written,
      Promise<Integer> firstFull) {
    while (written.get() < total) {
      if (resp.writeQueueFull()) {
        firstFull.tryComplete(written.get());
        resp.drainHandler(v -> writeChunks(resp, total, size, padding, written, firstFull));
        return;
      }
      writeItem(resp, chunk(rows(written.get() * size, size, padding)));
      written.incrementAndGet();
    }
    resp.end();
  }

  @Test
  void qChunksDeliversEveryChunkInOrderWithTheRequestedChunkSize() {
    peer.on(
        "POST",
        QUERY,
        (req, resp, n) -> {
          startStream(resp);
          for (int c = 0; c < 5; c++) {
            writeItem(resp, chunk(rows(c * 3, 3, "")));
          }
          resp.end();
        });

    RecordingSubscriber<List<List<Object>>> sub = new RecordingSubscriber<>(Long.MAX_VALUE);
    client.qChunks(3, REL, db).subscribe(sub);
    List<List<List<Object>>> chunks = sub.completion().await();

    assertEquals(5, chunks.size());
    List<Object> ids = new ArrayList<>();
    chunks.forEach(c -> c.forEach(row -> ids.add(row.get(0))));
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L), ids);
    assertEquals(3L, peer.received().get(1).field("chunk"));
    assertEquals(PeerFixture.MSGPACK_SEQ, peer.received().get(1).headers().get("Accept"));
  }

  @Test
  void aSlowConsumerBlocksTheServerUntilItRequestsMore() {
    int total = 400;
    int size = 50;
    String padding = "x".repeat(1000);
    AtomicInteger written = new AtomicInteger();
    Promise<Integer> firstFull = Promise.promise();
    peer.on(
        "POST",
        QUERY,
        (req, resp, n) -> {
          startStream(resp);
          writeChunks(resp, total, size, padding, written, firstFull);
        });

    RecordingSubscriber<List<List<Object>>> sub = new RecordingSubscriber<>(1);
    client.qChunks(size, REL, db).subscribe(sub);
    sub.items(1).await();
    int writtenWhenFull = firstFull.future().await();

    assertTrue(
        writtenWhenFull < total,
        "the server could write only " + writtenWhenFull + " of " + total + " chunks");
    assertEquals(1, sub.items().size(), "nothing beyond the one requested chunk was delivered");
    assertFalse(sub.terminated());
    assertTrue(written.get() < total, "still held back after " + written.get() + " chunks");

    sub.request(Long.MAX_VALUE);
    List<List<List<Object>>> chunks = sub.completion().await();
    assertEquals(total, chunks.size());
    for (int c = 0; c < total; c++) {
      assertEquals((long) c * size, chunks.get(c).get(0).get(0));
    }
  }

  @Test
  void anAnomalyMapAfterSomeChunksEndsTheStreamWithThatAnomaly() {
    peer.on(
        "POST",
        QUERY,
        (req, resp, n) -> {
          startStream(resp);
          writeItem(resp, chunk(rows(0, 2, "")));
          writeItem(resp, chunk(rows(2, 2, "")));
          writeItem(
              resp,
              anomalyMap(
                  "interrupted", "Query passed its timeout of 5 ms", "vertomic.error/timeout"));
          resp.end();
        });

    RecordingSubscriber<List<List<Object>>> sub = new RecordingSubscriber<>(Long.MAX_VALUE);
    client.qChunks(2, REL, db).subscribe(sub);
    Anomaly a = assertInstanceOf(Anomaly.class, sub.failure().await());

    assertEquals(Category.INTERRUPTED, a.category());
    assertEquals("Query passed its timeout of 5 ms", a.getMessage());
    assertEquals(Keyword.of("vertomic.error/timeout"), a.code());
    assertEquals(2, sub.items().size());
  }

  @Test
  void cancellingStopsTheStreamAndClosesTheRequest() {
    AtomicInteger written = new AtomicInteger();
    Promise<Void> closed = Promise.promise();
    peer.on(
        "POST",
        QUERY,
        (req, resp, n) -> {
          resp.closeHandler(v -> closed.tryComplete());
          startStream(resp);
          writeChunks(resp, 100_000, 50, "y".repeat(200), written, Promise.promise());
        });

    RecordingSubscriber<List<List<Object>>> sub = new RecordingSubscriber<>(2);
    client.qChunks(50, REL, db).subscribe(sub);
    sub.items(2).await();
    sub.cancel();
    closed.future().await();

    assertEquals(2, sub.items().size());
    assertFalse(sub.terminated());
    assertTrue(written.get() < 100_000);
  }

  @Test
  void aBusyAnswerBeforeTheStreamStartsIsRetried() {
    peer.on(
        "POST",
        QUERY,
        (req, resp, n) -> {
          if (n < 3) {
            anomaly(resp, 429, "busy", "Too many queries queued", "vertomic.error/busy");
            return;
          }
          startStream(resp);
          writeItem(resp, chunk(rows(0, 2, "")));
          resp.end();
        });

    RecordingSubscriber<List<List<Object>>> sub = new RecordingSubscriber<>(Long.MAX_VALUE);
    client.qChunks(REL, db).subscribe(sub);
    List<List<List<Object>>> chunks = sub.completion().await();

    assertEquals(List.of(rows(0, 2, "")), chunks);
    assertEquals(3, peer.attempts("POST", QUERY));
    assertEquals(1000L, peer.received().get(3).field("chunk"));
  }

  @Test
  void collectionFindsStreamOneElementRows() {
    peer.on(
        "POST",
        QUERY,
        (req, resp, n) -> {
          startStream(resp);
          writeItem(resp, chunk(List.of("Ivan", "Oleg")));
          writeItem(resp, chunk(List.of("Petr")));
          resp.end();
        });

    RecordingSubscriber<List<List<Object>>> sub = new RecordingSubscriber<>(Long.MAX_VALUE);
    client.qChunks("[:find [?n ...] :where [_ :person/name ?n]]", db).subscribe(sub);

    assertEquals(
        List.of(List.of(List.of("Ivan"), List.of("Oleg")), List.of(List.of("Petr"))),
        sub.completion().await());
  }

  @Test
  void datomsAreStreamedOneByOneFromTheirChunks() {
    peer.on(
        "POST",
        "/api/databases/people/datoms",
        (req, resp, n) -> {
          startStream(resp);
          writeItem(resp, chunk(List.of(List.of(1L, 10L, "a", 100L, true))));
          writeItem(
              resp,
              chunk(List.of(List.of(2L, 10L, "b", 100L, true), List.of(3L, 11L, 5L, 101L, false))));
          resp.end();
        });

    RecordingSubscriber<Datom> sub = new RecordingSubscriber<>(Long.MAX_VALUE);
    db.datoms(":eavt", Keyword.of("person/name")).subscribe(sub);

    assertEquals(
        List.of(
            new Datom(1, 10, "a", 100, true),
            new Datom(2, 10, "b", 100, true),
            new Datom(3, 11, 5L, 101, false)),
        sub.completion().await());
    PeerFixture.Received req = peer.received().get(1);
    assertEquals("eavt", req.field("index"));
    assertEquals("[:person/name]", req.field("components"));
    assertEquals(7L, req.field("basis-t"));
  }

  @Test
  void indexRangeSendsItsBoundsAsEdnAndLeavesOpenBoundsOut() {
    peer.on(
        "POST",
        "/api/databases/people/index-range",
        (req, resp, n) -> {
          startStream(resp);
          writeItem(resp, chunk(List.of(List.of(1L, 10L, "Ivan", 100L, true))));
          resp.end();
        });

    RecordingSubscriber<Datom> sub = new RecordingSubscriber<>(Long.MAX_VALUE);
    db.indexRange(":person/name", "\"I\"", null).subscribe(sub);

    assertEquals(List.of(new Datom(1, 10, "Ivan", 100, true)), sub.completion().await());
    PeerFixture.Received req = peer.received().get(1);
    assertEquals(":person/name", req.field("attrid"));
    assertEquals("\"I\"", req.field("start"));
    assertFalse(((Map<?, ?>) req.body()).containsKey("end"));
  }

  @Test
  void txRangeStreamsTheLogTransactionsOfItsBounds() {
    peer.on(
        "POST",
        "/api/databases/people/tx-range",
        (req, resp, n) -> {
          startStream(resp);
          writeItem(
              resp,
              chunk(
                  List.of(
                      Map.of("t", 5L, "data", List.of(List.of(9L, 50L, 1L, 9L, true))),
                      Map.of("t", 6L, "data", List.of()))));
          resp.end();
        });

    RecordingSubscriber<Tx> sub = new RecordingSubscriber<>(Long.MAX_VALUE);
    client.connect("people").await().txRange(5L, null).subscribe(sub);

    assertEquals(
        List.of(new Tx(5, List.of(new Datom(9, 50, 1L, 9, true))), new Tx(6, List.of())),
        sub.completion().await());
    PeerFixture.Received req = peer.received().get(2);
    assertEquals(5L, req.field("start"));
    assertFalse(((Map<?, ?>) req.body()).containsKey("end"));
  }

  @Test
  void aStreamCutOffInsideAValueFailsUnavailable() {
    peer.on(
        "POST",
        QUERY,
        (req, resp, n) -> {
          startStream(resp);
          writeItem(resp, chunk(rows(0, 1, "")));
          byte[] next = MsgpackValues.encode(chunk(rows(1, 1, "")));
          resp.end(Buffer.buffer(next).slice(0, next.length / 2));
        });

    RecordingSubscriber<List<List<Object>>> sub = new RecordingSubscriber<>(Long.MAX_VALUE);
    client.qChunks(REL, db).subscribe(sub);
    Anomaly a = assertInstanceOf(Anomaly.class, sub.failure().await());

    assertEquals(Category.UNAVAILABLE, a.category());
    assertTrue(a.getMessage().contains("ended inside a MessagePack value"), a.getMessage());
    assertEquals(1, sub.items().size());
  }
}
