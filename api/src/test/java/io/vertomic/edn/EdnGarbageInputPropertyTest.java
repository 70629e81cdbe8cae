package io.vertomic.edn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the string, reading either succeeds or fails with an INCORRECT anomaly. */
class EdnGarbageInputPropertyTest {
  private static final List<String> PIECES =
      List.of(
          "(",
          ")",
          "[",
          "]",
          "{",
          "}",
          "#{",
          "#_",
          "##",
          "#",
          "#:",
          "#inst",
          "#uuid",
          "#uri",
          "#bytes",
          "#db/id",
          "\"",
          "\\",
          "\\u",
          "\\n",
          ";",
          ",",
          " ",
          "\n",
          ":",
          "::",
          "/",
          "a",
          "?e",
          "nil",
          "true",
          "1",
          "-",
          "+",
          ".",
          "e",
          "E",
          "M",
          "N",
          "0",
          "9",
          "x",
          "^",
          "'",
          "@",
          "\"2026-01-01\"",
          "\"f81d4fae-7dec-11d0-a765-00a0c91e6bf6\"",
          "Inf",
          "NaN",
          "\u00e9",
          "\u0000",
          "\t",
          "\r");

  @Property(tries = 3000)
  void randomStringsReadOrFailAsIncorrect(@ForAll String text) {
    assertReadsOrFailsAsIncorrect(text);
  }

  @Property(tries = 5000)
  void ednLookingGarbageReadsOrFailsAsIncorrect(@ForAll("ednPieces") String text) {
    assertReadsOrFailsAsIncorrect(text);
  }

  @Property(tries = 2000)
  void truncatedValidEdnReadsOrFailsAsIncorrect(@ForAll("truncations") String text) {
    assertReadsOrFailsAsIncorrect(text);
  }

  @Provide
  Arbitrary<String> ednPieces() {
    return Arbitraries.of(PIECES).list().ofMaxSize(30).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> truncations() {
    String valid =
        "[{:db/id \"tmp\" :a/b 1.5M :c #{1 2N} :d #inst \"2026-01-01T00:00:00Z\"}"
            + " (f ?x) #uuid \"f81d4fae-7dec-11d0-a765-00a0c91e6bf6\" \\newline ##-Inf #_ :x"
            + " #:p{:q 1} #bytes \"AAE=\" #my/tag [1e10 -2]]";
    return Arbitraries.integers().between(0, valid.length()).map(n -> valid.substring(0, n));
  }

  private static void assertReadsOrFailsAsIncorrect(String text) {
    try {
      Edn.read(text);
    } catch (Anomaly a) {
      assertEquals(Category.INCORRECT, a.category(), a.getMessage());
    }
    try {
      Edn.readAll(text);
    } catch (Anomaly a) {
      assertEquals(Category.INCORRECT, a.category(), a.getMessage());
    }
  }
}
