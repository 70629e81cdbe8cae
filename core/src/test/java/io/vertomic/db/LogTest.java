package io.vertomic.db;

import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.fixtures.People;
import io.vertomic.fixtures.TestDb;
import io.vertomic.fixtures.Times;
import io.vertomic.peer.Connection;
import io.vertomic.peer.LogEntry;
import io.vertomic.peer.TxReport;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The log's {@code txRange}: the transactions with {@code start <= t < end}, bounds given as a
 * {@code t}, a tx id, a date or null (open); each entry holds exactly the datoms its report had.
 */
class LogTest {
  private Connection conn;
  private TxReport schema;
  private final List<TxReport> txs = new ArrayList<>();

  /** The schema, then three transactions on the first three days of 2100. */
  @BeforeEach
  void threeDays() {
    conn = TestDb.fresh();
    schema = tx(conn, People.SCHEMA);
    txs.add(
        tx(
            conn,
            "[{:db/id \"ivan\" :person/email \"ivan@x\" :person/aliases [\"a\" \"b\"]}"
                + " {:db/id \"datomic.tx\" :db/txInstant #inst \"2100-01-01T00:00:00Z\"}]"));
    txs.add(
        tx(
            conn,
            "[[:db/retract [:person/email \"ivan@x\"] :person/aliases \"a\"]"
                + " [:db/add \"datomic.tx\" :db/txInstant #inst \"2100-01-02T00:00:00Z\"]]"));
    txs.add(
        tx(
            conn,
            "[[:db/retractEntity [:person/email \"ivan@x\"]]"
                + " [:db/add \"datomic.tx\" :db/txInstant #inst \"2100-01-03T00:00:00Z\"]]"));
  }

  private List<Long> ts(Object start, Object end) {
    List<Long> out = new ArrayList<>();
    for (LogEntry e : conn.log().txRange(start, end)) {
      out.add(e.t());
    }
    return out;
  }

  private long t(int i) {
    return Times.t(txs.get(i));
  }

  private static Date day(int d, int hour) {
    return Date.from(
        java.time.Instant.parse("2100-01-0" + d + "T" + (hour < 10 ? "0" : "") + hour + ":00:00Z"));
  }

  @Test
  void eachEntryHoldsTheDatomsOfItsReport() {
    List<LogEntry> all = new ArrayList<>();
    conn.log().txRange(null, null).forEach(all::add);
    assertEquals(4, all.size());
    assertEquals(Times.t(schema), all.get(0).t());
    assertEquals(schema.txData(), all.get(0).data());
    for (int i = 0; i < 3; i++) {
      assertEquals(t(i), all.get(i + 1).t());
      assertEquals(txs.get(i).txData(), all.get(i + 1).data());
    }
  }

  @Test
  void retractionsAreInTheLogWithTheirFlag() {
    LogEntry retractEntity = conn.log().txRange(t(2), null).iterator().next();
    long retractions = retractEntity.data().stream().filter(d -> !d.added()).count();
    assertEquals(2, retractions, () -> "" + retractEntity.data());
  }

  @Test
  void txRangeIsHalfOpen() {
    assertEquals(List.of(t(0), t(1)), ts(t(0), t(2)));
    assertEquals(List.of(), ts(t(1), t(1)));
    assertEquals(List.of(), ts(t(2), t(0)));
  }

  @Test
  void nullBoundsAreOpen() {
    assertEquals(List.of(Times.t(schema), t(0)), ts(null, t(1)));
    assertEquals(List.of(t(1), t(2)), ts(t(1), null));
    assertEquals(4, ts(null, null).size());
  }

  @Test
  void txIdsBoundLikeTs() {
    assertEquals(ts(t(0), t(2)), ts(Times.txId(txs.get(0)), Times.txId(txs.get(2))));
  }

  @Test
  void boundsBetweenTsNeedNotNameATransaction() {
    assertEquals(List.of(t(1), t(2)), ts(t(0) + 1, t(2) + 1));
  }

  @Test
  void dateBoundsSelectByTransactionInstant() {
    assertEquals(List.of(t(1)), ts(day(2, 0), day(3, 0)));
    assertEquals(List.of(t(1), t(2)), ts(day(1, 12), null));
    assertEquals(List.of(t(0), t(1)), ts(day(1, 0), day(2, 12)));
    assertEquals(List.of(), ts(day(3, 12), null));
  }

  @Test
  void theLogKeepsGrowing() {
    Iterable<LogEntry> before = conn.log().txRange(null, null);
    int n = 0;
    for (LogEntry e : before) {
      n++;
    }
    TxReport r = tx(conn, "[{:person/email \"oleg@x\"}]");
    List<Long> all = ts(null, null);
    assertEquals(n + 1, all.size());
    assertEquals(Times.t(r), all.get(all.size() - 1));
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i - 1) < all.get(i));
    }
  }
}
