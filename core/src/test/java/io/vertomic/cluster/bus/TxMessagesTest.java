package io.vertomic.cluster.bus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.storage.LogRecord;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TxMessagesTest {
  @Test
  void aGroupReportGivesBackEveryEntryWithItsTInOrder() {
    List<LogRecord> group =
        List.of(
            new LogRecord(1001, new byte[] {1, 2, 3}),
            new LogRecord(1002, new byte[0]),
            new LogRecord(1003, new byte[] {9}));

    List<LogRecord> back = TxReports.decode(TxReports.encode(group));

    assertEquals(3, back.size());
    for (int i = 0; i < group.size(); i++) {
      assertEquals(group.get(i).t(), back.get(i).t());
      assertArrayEquals(group.get(i).entry(), back.get(i).entry());
    }
  }

  @Test
  void aRequestCarriesItsTransactionsInTheOrderGiven() {
    TxRequest r = new TxRequest("db", "id-1", List.of("[[:db/add 1 :a 1]]", "[]", "[{}]"), 500);

    TxRequest back = TxRequest.fromJson(new JsonObject(r.toJson().encode()));

    assertEquals(r, back);
  }

  @Test
  void anAnswerKeepsEachTransactionsOutcomeInPlaceRefusalsIncluded() {
    Anomaly refused = Anomaly.incorrect("db.error/not-an-entity", "Unknown attribute :x at 0");
    List<Object> outcomes =
        List.of(new TxReply(7, Map.of("a", 17L)), refused, new TxReply(8, Map.of()));

    List<Object> back = TxReply.outcomes(new JsonObject(TxReply.answer(outcomes).encode()));

    assertEquals(outcomes.get(0), back.get(0));
    Anomaly a = assertInstanceOf(Anomaly.class, back.get(1));
    assertEquals(Category.INCORRECT, a.category());
    assertEquals(refused.code(), a.code());
    assertEquals(refused.getMessage(), a.getMessage());
    assertEquals(outcomes.get(2), back.get(2));
  }
}
