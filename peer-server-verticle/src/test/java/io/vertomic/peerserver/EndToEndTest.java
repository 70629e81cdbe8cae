package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.client.ClientOptions;
import io.vertomic.client.Connection;
import io.vertomic.client.Datom;
import io.vertomic.client.Db;
import io.vertomic.client.Tx;
import io.vertomic.client.TxResult;
import io.vertomic.client.VertomicClient;
import io.vertomic.edn.Keyword;
import io.vertomic.transactor.MultiProcessTest;
import io.vertomic.transactor.Systems;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SDK, peer server, transactor and PostgreSQL, each in its own process: everything a remote client
 * does, through the real chain.
 */
@Tag("slow") // child JVMs
class EndToEndTest extends MultiProcessTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static <T> T await(Future<T> f) throws Exception {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    }
  }

  /** A client of a fresh system: transactor and peer server on PostgreSQL. */
  private VertomicClient client() throws Exception {
    return client("sql");
  }

  /** A client of a fresh system on the storage of {@code kind} ({@link Systems#system}). */
  private VertomicClient client(String kind) throws Exception {
    int port = RemoteSystem.start(this::kept, "512m", "", Systems.system(kind));
    return VertomicClient.create(
        vertx, new ClientOptions().setEndpoint("http://127.0.0.1:" + port));
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"sql", "cass", "ddb"})
  void remoteClientTransactsQueriesAndTravelsInTimeThroughTheWholeSystem(String storage)
      throws Exception {
    VertomicClient client = client(storage);
    String name = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

    assertTrue(await(client.createDatabase(name)));
    assertTrue(await(client.listDatabases()).contains(name));
    Connection conn = await(client.connect(name));
    await(
        conn.transact(
            "[{:db/ident :person/name :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one :db/unique :db.unique/identity}"
                + " {:db/ident :person/age :db/valueType :db.type/long"
                + " :db/cardinality :db.cardinality/one :db/index true}]"));
    TxResult people =
        await(
            conn.transact(
                "[{:db/id \"ivan\" :person/name \"Ivan\" :person/age 42}"
                    + " {:person/name \"Petr\" :person/age 37}"
                    + " {:person/name \"Oleg\" :person/age 21}"
                    + " {:person/name \"Anna\" :person/age 30}"
                    + " {:person/name \"Olga\" :person/age 55}]"));
    long ivan = people.tempids().get("ivan");
    long t1 = people.dbAfter().basisT();
    assertEquals(t1, conn.db().basisT());

    Db db = conn.db();
    List<List<Object>> older =
        await(
            client.q(
                "[:find ?n :in $ ?min :where [?e :person/age ?a] [(> ?a ?min)] [?e :person/name ?n]]",
                db,
                40L));
    assertEquals(Set.of(List.of("Ivan"), List.of("Olga")), new HashSet<>(older));
    assertEquals(
        42L,
        await(
            client.query(
                "[:find ?a . :where [?e :person/name \"Ivan\"] [?e :person/age ?a]]", db)));

    List<List<List<Object>>> chunks =
        client.qChunks(2, "[:find ?n :where [_ :person/name ?n]]", db).toList().blockingGet();
    assertEquals(List.of(2, 2, 1), chunks.stream().map(List::size).toList());

    Map<Object, Object> pulled =
        await(db.pull("[:person/name :person/age]", List.of(Keyword.of("person/name"), "Ivan")));
    assertEquals("Ivan", pulled.get(Keyword.of("person/name")));
    assertEquals(42L, pulled.get(Keyword.of("person/age")));

    List<Datom> ages = db.datoms("avet", Keyword.of("person/age")).toList().blockingGet();
    assertEquals(List.of(21L, 30L, 37L, 42L, 55L), ages.stream().map(Datom::v).toList());
    List<Datom> thirties = db.indexRange(Keyword.of("person/age"), 30L, 40L).toList().blockingGet();
    assertEquals(List.of(30L, 37L), thirties.stream().map(Datom::v).toList());

    TxResult birthday =
        await(
            conn.transact(
                List.of(List.of(Keyword.of("db/add"), ivan, Keyword.of("person/age"), 43L))));
    long t2 = birthday.dbAfter().basisT();
    Db now = await(conn.sync(t2));
    String age = "[:find ?a . :in $ ?e :where [?e :person/age ?a]]";
    assertEquals(43L, await(client.query(age, now, ivan)));
    assertEquals(42L, await(client.query(age, now.asOf(t1), ivan)));
    assertEquals(1, await(client.q("[:find ?e :where [?e :person/age]]", now.since(t1))).size());
    assertEquals(
        3,
        await(
                client.q(
                    "[:find ?a ?added :in $ ?e :where [?e :person/age ?a _ ?added]]",
                    now.history(),
                    ivan))
            .size());

    TxResult speculative = await(now.with("[{:person/name \"Wanda\" :person/age 3}]"));
    assertEquals(
        6, await(client.q("[:find ?e :where [?e :person/name]]", speculative.dbAfter())).size());
    assertEquals(5, await(client.q("[:find ?e :where [?e :person/name]]", conn.db())).size());

    List<Tx> log = conn.txRange(t1, null).toList().blockingGet();
    assertEquals(List.of(t1, t2), log.stream().map(Tx::t).toList());
    assertTrue(
        log.get(1).data().stream()
            .anyMatch(d -> d.e() == ivan && Long.valueOf(43).equals(d.v()) && d.added()));

    Anomaly bad = assertThrows(Anomaly.class, () -> await(conn.transact("[{:person/name 17}]")));
    assertEquals(Category.INCORRECT, bad.category());
    assertEquals(t2, await(conn.sync(t2)).basisT());
    Anomaly missing = assertThrows(Anomaly.class, () -> await(client.connect("no-such-db")));
    assertEquals(Category.NOT_FOUND, missing.category());

    assertTrue(await(client.deleteDatabase(name)));
    assertFalse(await(client.listDatabases()).contains(name));
    client.close();
  }

  @Test
  void keyedTransactionRetriedAfterItsAnswerWasLostIsAppliedOnce() throws Exception {
    VertomicClient client = client();
    String name = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    await(client.createDatabase(name));
    Connection conn = await(client.connect(name));
    await(
        conn.transact(
            "[{:db/ident :order/id :db/valueType :db.type/string :db/cardinality :db.cardinality/one}]"));
    TxResult first = await(conn.transact("[{:db/id \"o\" :order/id \"A-1\"}]", "order-A-1"));
    TxResult again = await(conn.transact("[{:db/id \"o\" :order/id \"A-1\"}]", "order-A-1"));
    assertEquals(first.dbAfter().basisT(), again.dbAfter().basisT());
    assertEquals(first.tempids(), again.tempids());
    assertEquals(1, await(client.q("[:find ?e :where [?e :order/id \"A-1\"]]", conn.db())).size());
    client.close();
  }
}
