package io.vertomic.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertomic.tx.Idempotency;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A transaction carrying an idempotency key is applied once: sent again (a client that never saw
 * its answer), it changes nothing and answers with the original transaction's t, datoms and
 * tempids. In memory and on durable storage (where the key survives a restart).
 */
class IdempotentRetryTest {
  private static final String SCHEMA =
      "[{:db/ident :item/name :db/valueType :db.type/string :db/cardinality"
          + " :db.cardinality/one}]";

  private static String keyed(String key, String name) {
    return "[{:db/id \"datomic.tx\" :vertomic.tx/idempotency-key \""
        + key
        + "\"} {:db/id \"item\" :item/name \""
        + name
        + "\"}]";
  }

  @ParameterizedTest
  @ValueSource(strings = {"mem", "kept"})
  void aRetriedKeyedTransactionAnswersTheOriginalAndAppliesNothing(String kind) throws Exception {
    String uri = "vertomic:" + kind + "://idem-" + UUID.randomUUID();
    Peer.createDatabase(uri);
    Connection conn = Peer.connect(uri);
    await(conn.transact(SCHEMA));
    TxReport first = await(conn.transact(keyed("order-1", "pen")));
    TxReport again = await(conn.transact(keyed("order-1", "pen")));
    assertEquals(first.dbAfter().basisT(), again.dbAfter().basisT());
    assertEquals(first.tempids(), again.tempids());
    assertEquals(first.txData(), again.txData());
    assertEquals(first.dbAfter().basisT(), conn.db().basisT(), "nothing applied twice");
    assertEquals(
        1,
        ((java.util.Collection<?>) Peer.q("[:find ?e :where [?e :item/name \"pen\"]]", conn.db()))
            .size());
    TxReport other = await(conn.transact(keyed("order-2", "pen")));
    assertNotEquals(first.dbAfter().basisT(), other.dbAfter().basisT(), "another key applies");
    TxReport late = await(conn.transact(keyed("order-1", "pen")));
    assertEquals(first.dbAfter().basisT(), late.dbAfter().basisT(), "at its t, later ones since");
    assertEquals(first.dbBefore().basisT(), late.dbBefore().basisT());
    Peer.deleteDatabase(uri);
  }

  @org.junit.jupiter.api.Test
  void onlyATransactionThatAssertsAKeyCountsAsKeyed() {
    assertEquals(true, Idempotency.keyed(keyed("k", "pen")));
    assertEquals(
        true, Idempotency.keyed("[[:db/add \"datomic.tx\" :vertomic.tx/idempotency-key \"k\"]]"));
    assertEquals(false, Idempotency.keyed("[{:item/name \":vertomic.tx/idempotency-key\"}]"));
    assertEquals(false, Idempotency.keyed("[{:item/name \"pen\"}]"));
  }

  private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
