package io.vertomic.query;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.datom.EntityId;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The log inside queries, as Datomic's {@code tx-ids} and {@code tx-data} with a {@code Log} input.
 */
class QueryLogFunctionsTest {
  private Connection conn;
  private TxReport schema;
  private TxReport people;
  private TxReport retraction;
  private long ivan;

  @BeforeEach
  void threeTransactions() {
    conn = TestDb.fresh();
    schema =
        tx(
            conn,
            "[{:db/ident :p/age :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]");
    people = tx(conn, "[{:db/id \"ivan\" :p/age 3} {:p/age 5}]");
    ivan = people.tempids().get("ivan");
    retraction = tx(conn, "[[:db/retract " + ivan + " :p/age 3]]");
  }

  private static long txOf(TxReport r) {
    return EntityId.tToTx(r.dbAfter().basisT());
  }

  @Test
  void txIdsGivesTheTxIdsOfARangeOfT() {
    Object got =
        Peer.q(
            "[:find [?tx ...] :in $ ?log ?t1 ?t2 :where [(tx-ids ?log ?t1 ?t2) [?tx ...]]]",
            conn.db(),
            conn.log(),
            schema.dbAfter().basisT(),
            retraction.dbAfter().basisT());
    assertEquals(Set.of(txOf(schema), txOf(people)), new HashSet<>((List<?>) got));
  }

  @Test
  void txIdsWithOpenBoundsGivesEveryTransaction() {
    Object got =
        Peer.q(
            "[:find [?tx ...] :in $ ?log :where [(tx-ids ?log nil nil) [?tx ...]]"
                + " [(>= ?tx "
                + txOf(schema)
                + ")]]",
            conn.db(),
            conn.log());
    assertEquals(
        Set.of(txOf(schema), txOf(people), txOf(retraction)), new HashSet<>((List<?>) got));
  }

  @Test
  void txDataGivesTheDatomsOfOneTransactionByTxIdOrT() {
    Database db = conn.db();
    long age = db.entid(Keyword.of("p/age"));
    String q =
        "[:find ?e ?a ?v ?op :in $ ?log ?tx :where [(tx-data ?log ?tx) [[?e ?a ?v _ ?op]]]"
            + " [(= ?a "
            + age
            + ")]]";
    Object byTx = Peer.q(q, db, conn.log(), txOf(retraction));
    assertEquals(Set.of(List.of(ivan, age, 3L, false)), byTx);
    assertEquals(byTx, Peer.q(q, db, conn.log(), retraction.dbAfter().basisT()));
  }

  @Test
  void txDataJoinsWithTheDatabase() {
    Object got =
        Peer.q(
            "[:find ?v :in $ ?log ?t1 :where [(tx-ids ?log ?t1 nil) [?tx ...]]"
                + " [(tx-data ?log ?tx) [[?e ?a ?v _ ?op]]] [(= ?op true)]"
                + " [?a :db/ident :p/age]]",
            conn.db(),
            conn.log(),
            people.dbAfter().basisT());
    assertEquals(Set.of(List.of(3L), List.of(5L)), got);
  }

  @Test
  void aLogInputThatIsNotALogIsIncorrectNamingIt() {
    Anomaly x =
        assertThrows(
            Anomaly.class,
            () ->
                Peer.q(
                    "[:find ?tx :in $ ?log :where [(tx-ids ?log 0 nil) [?tx ...]]]",
                    conn.db(),
                    42L));
    assertEquals(Category.INCORRECT, x.category());
    assertTrue(x.getMessage().contains("Input ?log of tx-ids must be a log"), x.getMessage());
    Anomaly y =
        assertThrows(
            Anomaly.class,
            () ->
                Peer.q(
                    "[:find ?e :in $ ?log :where [(tx-data ?log 1000) [[?e]]]]", conn.db(), "x"));
    assertTrue(y.getMessage().contains("Input ?log of tx-data must be a log"), y.getMessage());
  }
}
