package io.vertomic.edn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DbFnEdnTest {
  private static final String TRANSFER =
      "#db/fn {:lang \"java\" :params [db from to amount] :code \"return from;\"}";

  @Test
  void readsADatabaseFunctionLiteral() {
    DbFn f = (DbFn) Edn.read(TRANSFER);
    assertEquals(Keyword.of("java"), f.lang());
    assertEquals(
        List.of(Symbol.of("db"), Symbol.of("from"), Symbol.of("to"), Symbol.of("amount")),
        f.params());
    assertEquals("return from;", f.code());
    assertEquals(List.of(), f.imports());
  }

  @Test
  void printsAsDatomicPrintsAndReadsBackEqual() {
    DbFn f = (DbFn) Edn.read(TRANSFER);
    String text = Edn.write(f);
    assertEquals(
        "#db/fn{:lang :java, :imports [], :requires [], :params [db from to amount],"
            + " :code \"return from;\"}",
        text);
    assertEquals(f, Edn.read(text));
    assertEquals(text, f.toString());
  }

  @Test
  void keepsImportsAndCodeWithQuotesAndNewlines() {
    DbFn f =
        DbFn.of(
            Map.of(
                ":lang",
                "java",
                ":params",
                List.of("db"),
                ":imports",
                List.of("java.util.*"),
                ":code",
                "String s = \"a\\\"b\";\nreturn s;"));
    assertEquals(List.of(Symbol.of("java.util.*")), f.imports());
    assertEquals(List.of(f), Edn.read(Edn.write(List.of(f))));
  }

  @Test
  void ordersConsistentlyWithEquals() {
    DbFn a = (DbFn) Edn.read("#db/fn {:lang :java :params [db] :code \"return 1;\"}");
    DbFn b = (DbFn) Edn.read("#db/fn {:lang :java :params [db] :code \"return 2;\"}");
    DbFn a2 = (DbFn) Edn.read("#db/fn {:lang java :params [\"db\"] :code \"return 1;\"}");
    assertEquals(0, a.compareTo(a2));
    assertEquals(a, a2);
    assertEquals(a.hashCode(), a2.hashCode());
    assertTrue(a.compareTo(b) < 0 && b.compareTo(a) > 0);
    assertNotEquals(a, b);
  }

  @Test
  void refusesALiteralWithoutItsParts() {
    Anomaly noCode = assertThrows(Anomaly.class, () -> Edn.read("#db/fn {:lang \"java\"}"));
    assertTrue(noCode.getMessage().contains("needs :code"), noCode.getMessage());
    Anomaly notMap = assertThrows(Anomaly.class, () -> Edn.read("#db/fn [1]"));
    assertTrue(notMap.getMessage().contains("#db/fn expects a map"), notMap.getMessage());
    Anomaly badParam =
        assertThrows(
            Anomaly.class, () -> Edn.read("#db/fn {:lang \"java\" :params [1] :code \"\"}"));
    assertTrue(badParam.getMessage().contains("holds symbols, not 1"), badParam.getMessage());
  }
}
