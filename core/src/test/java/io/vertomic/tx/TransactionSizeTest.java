package io.vertomic.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One transaction holds at most {@link TxProcessor#MAX_TX_OPS} operations: one past that, sent as
 * Java lists (no HTTP body limit in the way), is refused {@code incorrect} and changes nothing.
 */
class TransactionSizeTest {
  @Test
  void aTransactionOfMoreOperationsThanTheLimitIsIncorrectAndChangesNothing() {
    Connection conn =
        TestDb.withSchema(
            "[{:db/ident :item/n :db/valueType :db.type/long"
                + " :db/cardinality :db.cardinality/many}]");
    Keyword add = Keyword.of("db/add");
    Keyword n = Keyword.of("item/n");
    List<Object> tx = new ArrayList<>(TxProcessor.MAX_TX_OPS + 1);
    for (long i = 0; i <= TxProcessor.MAX_TX_OPS; i++) {
      tx.add(List.of(add, "x", n, i));
    }
    TestDb.assertRejected(
        conn,
        tx,
        Category.INCORRECT,
        "The transaction has 1000001 operations, more than the limit of 1000000");
    assertEquals(1000, TestDb.tx(conn, tx.subList(0, 1000)).txData().size() - 1);
  }
}
