package io.vertomic.db;

import static io.vertomic.fixtures.DatomRows.list;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.datom.Datom;
import io.vertomic.fixtures.Facts;
import io.vertomic.fixtures.TestDb;
import io.vertomic.fixtures.Times;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.LogEntry;
import io.vertomic.peer.TxReport;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code :db/noHistory} seen through the time views (schema/NoHistoryTest covers the history of the
 * entity): past values vanish from history and as-of in every index, the present stays, and the log
 * still records what each transaction did.
 */
class NoHistoryTest {
  private Connection conn;
  private long page;
  private TxReport second;
  private TxReport third;

  @BeforeEach
  void aPageViewedThreeTimes() {
    conn =
        TestDb.withSchema(
            "[{:db/ident :page/url :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one :db/unique :db.unique/identity}"
                + " {:db/ident :page/views :db/valueType :db.type/long"
                + " :db/cardinality :db.cardinality/one :db/noHistory true :db/index true}]");
    page = Facts.id(tx(conn, "[{:db/id \"p\" :page/url \"/\" :page/views 1}]"), "p");
    second = tx(conn, "[{:page/url \"/\" :page/views 2}]");
    third = tx(conn, "[{:page/url \"/\" :page/views 3}]");
  }

  private static List<Object> views(Iterable<Datom> ds) {
    return list(ds).stream().map(d -> List.of(d.v(), d.added())).map(x -> (Object) x).toList();
  }

  @Test
  void historyInEveryIndexHoldsOnlyThePresentValue() {
    Database h = conn.db().history();
    assertEquals(List.of(List.of(3L, true)), views(h.datoms(":eavt", page, ":page/views")));
    assertEquals(List.of(List.of(3L, true)), views(h.datoms(":aevt", ":page/views")));
    assertEquals(List.of(List.of(3L, true)), views(h.datoms(":avet", ":page/views")));
  }

  @Test
  void asOfAnEarlierTShowsNoPastValue() {
    Database past = conn.db().asOf(Times.t(second));
    assertEquals(List.of(), views(past.datoms(":eavt", page, ":page/views")));
    assertEquals(List.of(), views(past.indexRange(":page/views", null, null)));
    assertEquals(List.of(List.of("/", true)), views(past.datoms(":eavt", page, ":page/url")));
  }

  @Test
  void sinceSeesThePresentValue() {
    Database since = conn.db().since(Times.t(second));
    assertEquals(List.of(List.of(3L, true)), views(since.datoms(":eavt", page, ":page/views")));
  }

  @Test
  void theLogStillRecordsEachChange() {
    LogEntry entry = conn.log().txRange(Times.t(third), null).iterator().next();
    assertEquals(third.txData(), entry.data());
    long views = conn.db().entid(":page/views");
    assertEquals(
        List.of(List.of(3L, true), List.of(2L, false)),
        views(entry.data().stream().filter(d -> d.a() == views).toList()));
  }
}
