package io.vertomic.edn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EdnReadTest {

  static Stream<Arguments> scalars() {
    return Stream.of(
        Arguments.of("true", true),
        Arguments.of("false", false),
        Arguments.of("42", 42L),
        Arguments.of("-42", -42L),
        Arguments.of("+42", 42L),
        Arguments.of("0", 0L),
        Arguments.of("-9223372036854775808", Long.MIN_VALUE),
        Arguments.of("9223372036854775808", new BigInteger("9223372036854775808")),
        Arguments.of("7N", BigInteger.valueOf(7)),
        Arguments.of(
            "-123456789012345678901234567890N", new BigInteger("-123456789012345678901234567890")),
        Arguments.of("1.5", 1.5),
        Arguments.of("-0.25", -0.25),
        Arguments.of("1.", 1.0),
        Arguments.of("1e3", 1000.0),
        Arguments.of("1.5E-3", 0.0015),
        Arguments.of("2E+2", 200.0),
        Arguments.of("1.50M", new BigDecimal("1.50")),
        Arguments.of("3M", new BigDecimal("3")),
        Arguments.of("1e3M", new BigDecimal("1e3")),
        Arguments.of("##Inf", Double.POSITIVE_INFINITY),
        Arguments.of("##-Inf", Double.NEGATIVE_INFINITY),
        Arguments.of("##NaN", Double.NaN),
        Arguments.of("\"\"", ""),
        Arguments.of("\"plain\"", "plain"),
        Arguments.of(
            "\"q\\\" b\\\\ n\\n t\\t r\\r b\\b f\\f u\\u00e9\"",
            "q\" b\\ n\n t\t r\r b\b f\f u\u00e9"),
        Arguments.of("\"two\nlines\"", "two\nlines"),
        Arguments.of("\\a", 'a'),
        Arguments.of("\\newline", '\n'),
        Arguments.of("\\space", ' '),
        Arguments.of("\\tab", '\t'),
        Arguments.of("\\return", '\r'),
        Arguments.of("\\u0041", 'A'),
        Arguments.of("\\\\", '\\'),
        Arguments.of("\\(", '('));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scalars")
  void readsScalarsAsTheirJavaTypes(String edn, Object expected) {
    Object actual = Edn.read(edn);
    assertEquals(expected, actual);
    assertEquals(expected.getClass(), actual.getClass());
  }

  @Test
  void readsNilAsNull() {
    assertNull(Edn.read("nil"));
    assertEquals(java.util.Arrays.asList(1L, null), Edn.read("[1 nil]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keywords")
  void readsKeywordsWithNamespaceAndName(String edn, String namespace, String name) {
    Keyword k = (Keyword) Edn.read(edn);
    assertEquals(namespace, k.namespace());
    assertEquals(name, k.name());
    assertEquals(edn, k.toString());
  }

  static Stream<Arguments> keywords() {
    return Stream.of(
        Arguments.of(":a", null, "a"),
        Arguments.of(":a/b", "a", "b"),
        Arguments.of(":a.b/c-d?", "a.b", "c-d?"),
        Arguments.of(":db/_ref", "db", "_ref"),
        Arguments.of(":db.type/instant", "db.type", "instant"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("symbols")
  void readsDatalogSymbols(String edn) {
    assertEquals(Symbol.of(edn), Edn.read(edn));
  }

  static Stream<String> symbols() {
    return Stream.of(
        "?e",
        "_",
        "...",
        "$",
        "$a",
        "%",
        ">",
        "<=",
        "!=",
        "clojure.string/upper-case",
        ".",
        "/",
        "-",
        "+",
        "->x",
        "a#b",
        "a'",
        "nil?",
        "true-ish");
  }

  @Test
  void readsListsAsEdnListAndVectorsAsPlainLists() {
    Object list = Edn.read("(inc ?x)");
    Object vector = Edn.read("[inc ?x]");
    assertInstanceOf(EdnList.class, list);
    assertTrue(!(vector instanceof EdnList));
    assertEquals(List.of(Symbol.of("inc"), Symbol.of("?x")), list);
    assertEquals(list, vector);
  }

  @Test
  void collectionsAreImmutable() {
    assertThrows(UnsupportedOperationException.class, () -> listOf("[1]").add(2L));
    assertThrows(UnsupportedOperationException.class, () -> listOf("(1)").add(2L));
    assertThrows(UnsupportedOperationException.class, () -> ((Set<?>) Edn.read("#{1}")).clear());
    assertThrows(
        UnsupportedOperationException.class, () -> ((Map<?, ?>) Edn.read("{1 2}")).clear());
  }

  @Test
  void mapsAndSetsKeepInsertionOrder() {
    Map<?, ?> m = (Map<?, ?>) Edn.read("{:z 1, :a 2, :m 3}");
    assertEquals(List.of(kw("z"), kw("a"), kw("m")), new ArrayList<>(m.keySet()));
    Set<?> s = (Set<?>) Edn.read("#{3 1 2}");
    assertEquals(List.of(3L, 1L, 2L), new ArrayList<>(s));
  }

  @Test
  void readsNestedTransactionData() {
    Object tx =
        Edn.read(
            "[{:db/id \"tmp\" :person/name \"Ivan\" :person/age 10}"
                + " [:db/add \"tmp\" :person/friend [:person/name \"Oleg\"]]]");
    Map<Object, Object> entity =
        Map.of(kw("db/id"), "tmp", kw("person/name"), "Ivan", kw("person/age"), 10L);
    List<Object> add =
        List.of(kw("db/add"), "tmp", kw("person/friend"), List.of(kw("person/name"), "Oleg"));
    assertEquals(List.of(entity, add), tx);
  }

  @Test
  void commasAreWhitespaceAndCommentsAreSkipped() {
    assertEquals(List.of(1L, 2L, 3L), Edn.read(",[1,2 ,, 3] ; trailing comment"));
    assertEquals(List.of(1L, 2L), Edn.read("; header\n[1 ; one\n 2]\n; footer"));
  }

  @Test
  void discardSkipsTheNextFormIncludingNestedDiscards() {
    assertEquals(List.of(1L, 3L), Edn.read("[1 #_ 2 3]"));
    assertEquals(List.of(3L), Edn.read("[#_ #_ 1 2 3]"));
    assertEquals(List.of(), Edn.read("[#_ [1 2 3]]"));
    assertEquals(Map.of(kw("a"), 1L), Edn.read("{:a 1 #_ :b #_ 2}"));
    assertEquals(5L, Edn.read("#_ :ignored 5 #_ :also"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instants")
  void readsInstInEveryRfc3339Form(String text, String expectedInstant) {
    Date d = (Date) Edn.read("#inst \"" + text + "\"");
    assertEquals(Instant.parse(expectedInstant), d.toInstant());
  }

  static Stream<Arguments> instants() {
    return Stream.of(
        Arguments.of("2026-01-01", "2026-01-01T00:00:00Z"),
        Arguments.of("2026", "2026-01-01T00:00:00Z"),
        Arguments.of("2026-03", "2026-03-01T00:00:00Z"),
        Arguments.of("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
        Arguments.of("2026-01-01T10:20", "2026-01-01T10:20:00Z"),
        Arguments.of("2026-01-01T10:20:30.5Z", "2026-01-01T10:20:30.500Z"),
        Arguments.of("2026-01-01T10:20:30.123456789Z", "2026-01-01T10:20:30.123Z"),
        Arguments.of("2026-01-01T00:00:00.000-00:00", "2026-01-01T00:00:00Z"),
        Arguments.of("2026-01-01T02:00:00+02:00", "2026-01-01T00:00:00Z"),
        Arguments.of("2025-12-31T23:30:00-00:30", "2026-01-01T00:00:00Z"),
        Arguments.of("2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z"));
  }

  @Test
  void readsUuidUriAndBytes() {
    String id = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6";
    assertEquals(UUID.fromString(id), Edn.read("#uuid \"" + id + "\""));
    assertEquals(
        URI.create("https://example.com/a?b=c"), Edn.read("#uri \"https://example.com/a?b=c\""));
    assertArrayEquals(new byte[] {0, 1, 2, -1}, (byte[]) Edn.read("#bytes \"AAEC/w==\""));
  }

  @Test
  void readsTempidRecordsAsDbIdsEachWithoutANumberADistinctOne() {
    assertEquals(new DbId(kw("db.part/user"), -1L), Edn.read("#db/id [:db.part/user -1]"));
    assertEquals(new DbId(kw("db.part/user"), -1L), Edn.read("#db/id[:db.part/user -1]"));
    List<?> two = (List<?>) Edn.read("[#db/id[:db.part/user] #db/id[:db.part/user]]");
    assertEquals(kw("db.part/user"), ((DbId) two.get(0)).partition());
    assertTrue(((DbId) two.get(0)).idx() < -1_000_000);
    assertNotEquals(two.get(0), two.get(1));
    Anomaly a = assertThrows(Anomaly.class, () -> Edn.read("#db/id [:db.part/user \"x\"]"));
    assertTrue(a.getMessage().contains("#db/id expects [partition]"), a.getMessage());
  }

  @Test
  void readsUnknownTagsAsTagged() {
    assertEquals(
        new Tagged(Symbol.of("my.app/point"), Map.of(kw("x"), 1L)),
        Edn.read("#my.app/point #_ skipped {:x 1}"));
  }

  @Test
  void readsNamespacedMapSyntax() {
    assertEquals(
        Map.of(kw("person/name"), "Ivan", kw("id"), 1L, kw("other/x"), 2L),
        Edn.read("#:person{:name \"Ivan\" :_/id 1 :other/x 2}"));
  }

  @Test
  void readAllReturnsEveryFormInOrder() {
    assertEquals(List.of(1L, kw("a"), List.of()), Edn.readAll(" 1 :a ; c\n [] #_ x"));
    assertEquals(List.of(), Edn.readAll("  ; nothing here"));
    assertEquals(java.util.Arrays.asList(null, true), Edn.readAll("nil true"));
  }

  @Test
  void readsAllowWhitespaceAndCommentsAroundTheValue() {
    assertEquals(kw("a"), Edn.read("\n\t ; leading\n :a ; trailing\n"));
  }

  @Test
  void readsATransactionOfEightThousandMapEntries() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < 8000; i++) {
      sb.append(":attr/a").append(i).append(" \"value ").append(i).append("\" ");
    }
    Map<?, ?> m = (Map<?, ?>) Edn.read(sb.append('}').toString());
    assertEquals(8000, m.size());
    assertEquals("value 7999", m.get(kw("attr/a7999")));
  }

  @Test
  void rejectsNullTextFast() {
    assertThrows(NullPointerException.class, () -> Edn.read(null));
  }

  private static Keyword kw(String text) {
    return Keyword.of(text);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> listOf(String edn) {
    return (List<Object>) Edn.read(edn);
  }
}
