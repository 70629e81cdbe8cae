package io.vertomic.edn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EdnMalformedInputTest {

  /** Input, a fragment of the expected message, and the line and column it must point at. */
  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("", "empty input", 1, 1),
        Arguments.of("  ; only a comment", "empty input", 1, 19),
        Arguments.of("\"abc", "unclosed string", 1, 1),
        Arguments.of("[1 \"ab\\\"]", "unclosed string", 1, 4),
        Arguments.of("[1 2", "unclosed vector", 1, 1),
        Arguments.of("(a (b c)", "unclosed list", 1, 1),
        Arguments.of("{:a 1", "unclosed map", 1, 1),
        Arguments.of("#{1 2", "unclosed set", 1, 1),
        Arguments.of("\n\n  [1 2\n  3", "unclosed vector", 3, 3),
        Arguments.of(")", "unmatched ')'", 1, 1),
        Arguments.of("[1 2]]", "unmatched ']'", 1, 6),
        Arguments.of("  }", "unmatched '}'", 1, 3),
        Arguments.of("[1 2)", "expected ']' but found ')'", 1, 5),
        Arguments.of("{:a 1 :b}", "map key :b has no value", 1, 7),
        Arguments.of("{:a 1\n :a 2}", "duplicate key :a", 2, 2),
        Arguments.of("#{1 2 1}", "duplicate element 1", 1, 7),
        Arguments.of("01", "invalid number '01'", 1, 1),
        Arguments.of("[1 1.2.3]", "invalid number '1.2.3'", 1, 4),
        Arguments.of("1e", "invalid number", 1, 1),
        Arguments.of("1/2", "invalid number", 1, 1),
        Arguments.of("0x1F", "invalid number", 1, 1),
        Arguments.of("12abc", "invalid number", 1, 1),
        Arguments.of("\"a\\qb\"", "invalid escape '\\q'", 1, 3),
        Arguments.of("\"\\u12G4\"", "four hex digits", 1, 2),
        Arguments.of("#inst \"2026-13-01\"", "invalid #inst", 1, 1),
        Arguments.of("#inst \"2026-02-30T00:00:00Z\"", "invalid #inst", 1, 1),
        Arguments.of("#inst \"yesterday\"", "invalid #inst", 1, 1),
        Arguments.of("[#inst 42]", "#inst expects a string", 1, 2),
        Arguments.of("#uuid \"not-a-uuid\"", "invalid #uuid", 1, 1),
        Arguments.of("#uuid \"f81d4fae-7dec-11d0-a765-00a0c91e6bfZ\"", "invalid #uuid", 1, 1),
        Arguments.of("#uri \"a b\"", "invalid #uri", 1, 1),
        Arguments.of("#bytes \"***\"", "invalid #bytes", 1, 1),
        Arguments.of("#%", "unknown dispatch", 1, 1),
        Arguments.of("#", "'#' at the end", 1, 1),
        Arguments.of("##Foo", "unknown symbolic value", 1, 1),
        Arguments.of("#tag", "expected a value after #tag", 1, 5),
        Arguments.of("#_", "expected a value after #_", 1, 3),
        Arguments.of("[1 #_]", "expected a value after #_ but found ']'", 1, 6),
        Arguments.of("::auto", "auto-resolved keyword", 1, 1),
        Arguments.of(":", "must be followed by a keyword name", 1, 1),
        Arguments.of(":a/", "invalid keyword", 1, 1),
        Arguments.of("a/b/c", "more than one '/'", 1, 1),
        Arguments.of(".5", "cannot continue with a digit", 1, 1),
        Arguments.of("\\", "expected a character", 1, 1),
        Arguments.of("\\bogus", "unknown character name", 1, 1),
        Arguments.of("^:meta x", "unexpected character '^'", 1, 1),
        Arguments.of("@deref", "invalid character '@'", 1, 1),
        Arguments.of(":a :b", "unexpected second value", 1, 4),
        Arguments.of("#::{:a 1}", "auto-resolved namespaced map", 1, 1),
        Arguments.of("#:ns [1]", "expected '{'", 1, 1));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("malformed")
  void malformedInputIsAnIncorrectAnomalyThatSaysWhereItIs(
      String edn, String what, int line, int column) {
    Anomaly a = assertThrows(Anomaly.class, () -> Edn.read(edn));
    assertEquals(Category.INCORRECT, a.category());
    assertEquals(Keyword.of("edn.error/malformed"), a.code());
    String message = a.getMessage();
    assertTrue(message.contains(what), message);
    assertTrue(message.endsWith(" at line " + line + ", column " + column), message);
    assertEquals((long) line, a.data().get(Keyword.of("line")));
    assertEquals((long) column, a.data().get(Keyword.of("column")));
  }

  @Test
  void readAllReportsTheFirstMalformedForm() {
    Anomaly a = assertThrows(Anomaly.class, () -> Edn.readAll("1 2\n[3 4"));
    assertEquals(Category.INCORRECT, a.category());
    assertTrue(
        a.getMessage()
            .endsWith(
                "unclosed vector (no matching ']' before the end of the"
                    + " input) at line 2, column 1"),
        a.getMessage());
  }

  @Test
  void tooDeepNestingIsAnIncorrectAnomalyNotAStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    Anomaly a = assertThrows(Anomaly.class, () -> Edn.read(deep));
    assertEquals(Category.INCORRECT, a.category());
    assertTrue(a.getMessage().contains("nesting deeper than"), a.getMessage());
    Anomaly discards = assertThrows(Anomaly.class, () -> Edn.read("#_ ".repeat(100_000) + "1"));
    assertEquals(Category.INCORRECT, discards.category());
  }

  @Test
  void runningOutOfStackBeforeTheLimitIsStillAnIncorrectAnomaly() throws InterruptedException {
    String deep = "[".repeat(EdnReader.MAX_DEPTH - 1) + "]".repeat(EdnReader.MAX_DEPTH - 1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                Edn.read(deep);
              } catch (Throwable t) {
                thrown.set(t);
              }
            },
            "small-stack",
            16 * 1024);
    small.start();
    small.join();
    Anomaly a = assertInstanceOf(Anomaly.class, thrown.get());
    assertEquals(Category.INCORRECT, a.category());
    assertTrue(a.getMessage().contains("nesting too deep"), a.getMessage());
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    int depth = EdnReader.MAX_DEPTH - 1;
    Object v = Edn.read("[".repeat(depth) + "]".repeat(depth));
    assertTrue(Edn.write(v).startsWith("[[[["));
  }
}
