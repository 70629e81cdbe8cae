package io.vertomic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueCoercionTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "long    | 42                                   | 42",
        "double  | 1.5                                  | 1.5",
        "boolean | TRUE                                 | true",
        "instant | 2026-01-31                           | #inst \"2026-01-31T00:00:00.000-00:00\"",
        "instant | 2026-01-31T12:30:00Z                 | #inst \"2026-01-31T12:30:00.000-00:00\"",
        "keyword | status/new                           | :status/new",
        "keyword | :status/new                          | :status/new",
        "uuid    | 6f1c8a8e-0c53-4b39-8a43-2f1e2b3a4c5d | #uuid \"6f1c8a8e-0c53-4b39-8a43-2f1e2b3a4c5d\"",
        "ref     | [:person/email \"a@b.c\"]            | [:person/email \"a@b.c\"]",
        "ref     | :status/new                          | :status/new",
        "string  | 42                                   | \"42\""
      })
  void aCellBecomesAValueOfTheAttributesType(String type, String cell, String edn) {
    Object v = ValueCoercion.forType(Keyword.of("db.type/" + type)).apply(cell);
    assertEquals(edn, Edn.write(v));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "long    | 4.5  | expected a long, not \"4.5\"",
        "boolean | yes  | expected true or false, not \"yes\"",
        "ref     | \"x\" | expected an entity id, an ident or a lookup ref [:attr value], not \"\"x\"\""
      })
  void aCellOfAnotherTypeSaysWhatWasExpected(String type, String cell, String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ValueCoercion.forType(Keyword.of("db.type/" + type)).apply(cell));
    assertEquals(message, e.getMessage());
  }
}
