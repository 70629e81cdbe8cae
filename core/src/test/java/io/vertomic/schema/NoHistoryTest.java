package io.vertomic.schema;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.datom.Datom;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code :db/noHistory}: only the current value is kept; the past is not in the history view. */
class NoHistoryTest {
  private static final String SCHEMA =
      """
      [{:db/ident :counter/name :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db/unique :db.unique/identity}
       {:db/ident :counter/hits :db/valueType :db.type/long :db/cardinality :db.cardinality/one
        :db/noHistory true}
       {:db/ident :counter/label :db/valueType :db.type/string :db/cardinality :db.cardinality/one}]""";

  private static List<List<Object>> history(Database db, long e, String attr) {
    List<List<Object>> out = new ArrayList<>();
    for (Datom d : db.history().datoms(":eavt", e, attr)) {
      out.add(List.of(d.v(), d.added()));
    }
    return out;
  }

  private static long threeUpdates(Connection conn) {
    long c =
        Facts.id(
            tx(
                conn,
                "[{:db/id \"c\" :counter/name \"home\" :counter/hits 1 :counter/label \"a\"}]"),
            "c");
    tx(conn, "[{:counter/name \"home\" :counter/hits 2 :counter/label \"b\"}]");
    tx(conn, "[{:counter/name \"home\" :counter/hits 3 :counter/label \"c\"}]");
    return c;
  }

  @Test
  void pastValuesOfANoHistoryAttributeAreNotInTheHistory() {
    Connection conn = TestDb.withSchema(SCHEMA);
    long c = threeUpdates(conn);
    assertEquals(List.of(List.of(3L, true)), history(conn.db(), c, ":counter/hits"));
  }

  @Test
  void pastValuesOfAnOrdinaryAttributeStayInTheHistory() {
    Connection conn = TestDb.withSchema(SCHEMA);
    long c = threeUpdates(conn);
    List<List<Object>> h = history(conn.db(), c, ":counter/label");
    assertEquals(5, h.size(), () -> "history " + h);
    assertEquals(List.of("a", "a", "b", "b", "c"), h.stream().map(x -> x.get(0)).toList());
  }

  @Test
  void currentValueOfANoHistoryAttributeIsKept() {
    Connection conn = TestDb.withSchema(SCHEMA);
    long c = threeUpdates(conn);
    assertEquals(3L, Facts.value(conn.db(), c, ":counter/hits"));
  }

  @Test
  void retractedNoHistoryValueLeavesNoTrace() {
    Connection conn = TestDb.withSchema(SCHEMA);
    long c = threeUpdates(conn);
    TxReport r = tx(conn, "[[:db/retract [:counter/name \"home\"] :counter/hits 3]]");
    assertEquals(2, r.txData().size(), "the retraction is still reported");
    assertEquals(List.of(), history(conn.db(), c, ":counter/hits"));
  }
}
