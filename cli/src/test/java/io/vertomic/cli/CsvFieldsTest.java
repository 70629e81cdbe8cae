package io.vertomic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFieldsTest {
  @Test
  void fieldsAreSplitAtCommasOutsideQuotesWithDoubledQuotesInside() {
    assertEquals(
        List.of("a", "b, c", "say \"hi\"", ""),
        CsvFields.parse("a,\"b, c\",\"say \"\"hi\"\"\",", 7));
  }

  @Test
  void anUnterminatedQuoteNamesItsLineAndColumn() {
    MalformedRow e = assertThrows(MalformedRow.class, () -> CsvFields.parse("a,\"b", 9));
    assertEquals(9, e.line);
    assertEquals(2, e.column);
    assertEquals("unterminated quote opened at character 3", e.getMessage());
  }
}
