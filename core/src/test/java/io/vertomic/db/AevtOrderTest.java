package io.vertomic.db;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A transaction's datoms go into AEVT grouped by attribute out of their EAVT order (Indexes.apply),
 * or sorted when a transaction touches more attributes than that grouping takes: either way AEVT
 * holds the datoms of EAVT, in AEVT's order.
 */
class AevtOrderTest {
  @ParameterizedTest(name = "{0} attributes in one transaction")
  @ValueSource(ints = {1, 3, 64, 65, 150})
  void aevtHoldsTheDatomsOfEavtInItsOrder(int attributes) {
    StringBuilder schema = new StringBuilder("[");
    for (int i = 0; i < attributes; i++) {
      schema.append(
          "{:db/ident :a/x%d :db/valueType :db.type/long :db/cardinality :db.cardinality/many}"
              .formatted(i));
    }
    Connection conn = TestDb.withSchema(schema.append(']').toString());
    StringBuilder data = new StringBuilder("[");
    for (int e = 0; e < 40; e++) {
      data.append("{:db/id \"e").append(e).append('"');
      for (int i = (e * 7) % attributes; i < attributes; i += 1 + e % 3) {
        data.append(" :a/x")
            .append(i)
            .append(" [")
            .append(e % 5)
            .append(' ')
            .append(-i)
            .append(']');
      }
      data.append('}');
    }
    tx(conn, data.append(']').toString());
    Database db = conn.db();

    List<Datom> expected = new ArrayList<>();
    db.datoms(":eavt").forEach(expected::add);
    expected.sort(IndexOrder.AEVT.comparator());
    List<Datom> aevt = new ArrayList<>();
    db.datoms(":aevt").forEach(aevt::add);
    assertEquals(expected, aevt);
  }
}
