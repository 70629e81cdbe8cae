package io.vertomic.cluster.bus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.storage.LogRecord;
import io.vertx.core.buffer.Buffer;
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
  void aRequestCarriesItsTransactionsInTheOrderGiven() throws Exception {
    TxRequest r =
        new TxRequest("db", "id-1", List.<Object>of("[[:db/add 1 :a 1]]", "[]", "[{}]"), 500);

    TxRequest back = TxRequest.fromBuffer(r.toBuffer().copy());

    assertEquals(r, back);
  }

  @Test
  void aRequestCarriesEdnTextAndMessagePackTransactionsSideBySide() throws Exception {
    byte[] encoded =
        io.vertomic.wire.TxDataCodec.encode(List.of(Map.of(io.vertomic.edn.Keyword.of("a/b"), 1L)));
    TxRequest r = new TxRequest("db", null, List.of("[]", encoded, "[{}]"), 500);

    TxRequest back = TxRequest.fromBuffer(r.toBuffer());

    assertEquals("[]", back.txs().get(0));
    assertArrayEquals(encoded, (byte[]) back.txs().get(1));
    assertEquals("[{}]", back.txs().get(2));
  }

  @Test
  void aRequestWhoseBinaryLengthOutrunsItFailsToDecodeWithoutAllocatingIt() {
    // [nil nil 0 [bin32 of 2^31 - 1 bytes]] and nothing after the length
    Buffer forged =
        Buffer.buffer(
            new byte[] {
              (byte) 0x94, (byte) 0xc0, (byte) 0xc0, 0, (byte) 0x91, (byte) 0xc6, 0x7f, -1, -1, -1
            });
    assertThrows(java.io.IOException.class, () -> TxRequest.fromBuffer(forged));
  }

  @Test
  void anAnswerKeepsEachTransactionsOutcomeInPlaceRefusalsIncluded() throws Exception {
    Anomaly refused = Anomaly.incorrect("db.error/not-an-entity", "Unknown attribute :x at 0");
    List<Object> outcomes =
        List.of(new TxReply(7, Map.of("a", 17L)), refused, new TxReply(8, Map.of()));

    List<Object> back = TxReply.outcomes(TxReply.answer(outcomes).copy());

    assertEquals(outcomes.get(0), back.get(0));
    Anomaly a = assertInstanceOf(Anomaly.class, back.get(1));
    assertEquals(Category.INCORRECT, a.category());
    assertEquals(refused.code(), a.code());
    assertEquals(refused.getMessage(), a.getMessage());
    assertEquals(outcomes.get(2), back.get(2));
  }

  @Test
  void aRequestWithoutNamesAndWithStringsOfAnyTextComesBackTheSame() throws Exception {
    TxRequest r =
        new TxRequest(
            null, null, List.<Object>of("[{:a \"é \\\" \\n 😀\"}]", "x".repeat(70_000)), 0);

    assertEquals(r, TxRequest.fromBuffer(r.toBuffer()));
  }

  @Test
  void bytesThatAreNotARequestOrAnAnswerFailToDecode() {
    for (Buffer bad :
        new Buffer[] {
          Buffer.buffer(),
          Buffer.buffer(new byte[] {(byte) 0x94}),
          Buffer.buffer(new byte[] {(byte) 0x91, (byte) 0xdd, 0x7f, (byte) 0xff, (byte) 0xff, 0}),
          Buffer.buffer("{\"db\": \"x\"}"),
          new TxRequest("db", null, List.<Object>of("[]"), 1).toBuffer().slice(0, 5)
        }) {
      assertThrows(Exception.class, () -> TxRequest.fromBuffer(bad), bad.toString());
      assertThrows(Exception.class, () -> TxReply.outcomes(bad), bad.toString());
    }
  }
}
