package io.vertomic.edn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EdnWriteTest {

  static Stream<Arguments> scalars() {
    return Stream.of(
        Arguments.of(null, "nil"),
        Arguments.of(true, "true"),
        Arguments.of(false, "false"),
        Arguments.of(42L, "42"),
        Arguments.of(-7, "-7"),
        Arguments.of((short) 3, "3"),
        Arguments.of((byte) -1, "-1"),
        Arguments.of(new BigInteger("123"), "123N"),
        Arguments.of(1.0, "1.0"),
        Arguments.of(1.5e10, "1.5E10"),
        Arguments.of(0.001, "0.001"),
        Arguments.of(1.0e-4, "1.0E-4"),
        Arguments.of(-0.0, "-0.0"),
        Arguments.of(0.1 + 0.2, "0.30000000000000004"),
        Arguments.of(2.0e23, "2.0E23"),
        Arguments.of(Double.NaN, "##NaN"),
        Arguments.of(Double.POSITIVE_INFINITY, "##Inf"),
        Arguments.of(Double.NEGATIVE_INFINITY, "##-Inf"),
        Arguments.of(0.1f, "0.1"),
        Arguments.of(Float.NaN, "##NaN"),
        Arguments.of(new BigDecimal("1.50"), "1.50M"),
        Arguments.of("a\"b\\c\nd\te\rf\bg\fh\u0001", "\"a\\\"b\\\\c\\nd\\te\\rf\\bg\\fh\\u0001\""),
        Arguments.of("h\u00e9llo", "\"h\u00e9llo\""),
        Arguments.of('a', "\\a"),
        Arguments.of('\n', "\\newline"),
        Arguments.of(' ', "\\space"),
        Arguments.of('\t', "\\tab"),
        Arguments.of('\r', "\\return"),
        Arguments.of('\u0000', "\\u0000"),
        Arguments.of(Keyword.of("a/b"), ":a/b"),
        Arguments.of(Keyword.of("a"), ":a"),
        Arguments.of(Symbol.of("?e"), "?e"),
        Arguments.of(Symbol.of("clojure.string/upper-case"), "clojure.string/upper-case"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("scalars")
  void writesScalarsCanonically(Object value, String expected) {
    assertEquals(expected, Edn.write(value));
  }

  @Test
  void writesInstantsInUtcWithMillisLikeDatomic() {
    Date d = Date.from(Instant.parse("2026-01-01T00:00:00Z"));
    assertEquals("#inst \"2026-01-01T00:00:00.000-00:00\"", Edn.write(d));
    assertEquals("#inst \"1970-01-01T00:00:00.123-00:00\"", Edn.write(new Date(123)));
    assertEquals("#inst \"1969-12-31T23:59:59.999-00:00\"", Edn.write(new Date(-1)));
  }

  @Test
  void writesUuidUriBytesAndUnknownTags() {
    String id = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6";
    assertEquals("#uuid \"" + id + "\"", Edn.write(UUID.fromString(id)));
    assertEquals("#uri \"http://x.org/a\"", Edn.write(URI.create("http://x.org/a")));
    assertEquals("#bytes \"AAEC/w==\"", Edn.write(new byte[] {0, 1, 2, -1}));
    assertEquals(
        "#my.app/point [1 2]", Edn.write(new Tagged(Symbol.of("my.app/point"), List.of(1L, 2L))));
    assertEquals("#db/id[:db.part/user -1]", Edn.write(new DbId(Keyword.of("db.part/user"), -1L)));
  }

  @Test
  void writesListsVectorsArraysAndEntries() {
    assertEquals("(inc 1)", Edn.write(EdnList.of(Symbol.of("inc"), 1L)));
    assertEquals("[:a 1 nil]", Edn.write(Arrays.asList(Keyword.of("a"), 1L, null)));
    assertEquals("[1 \"x\" nil]", Edn.write(new Object[] {1L, "x", null}));
    assertEquals("[:k 2]", Edn.write(new AbstractMap.SimpleEntry<>(Keyword.of("k"), 2L)));
    assertEquals("[]", Edn.write(List.of()));
    assertEquals("()", Edn.write(EdnList.of()));
  }

  @Test
  void writesMapsSortedByKeyWithCommaBetweenEntries() {
    Map<Object, Object> m = new HashMap<>();
    m.put(Keyword.of("person/name"), "Ivan");
    m.put(Keyword.of("db/id"), 1L);
    m.put(Keyword.of("age"), 10L);
    assertEquals("{:age 10, :db/id 1, :person/name \"Ivan\"}", Edn.write(m));
    assertEquals("{}", Edn.write(Map.of()));
  }

  @Test
  void writesMapsOfAnySizeAndKeysInTheOrderOfTheirEntriesSorted() {
    for (int size : new int[] {1, 2, 15, 16, 17, 40}) {
      List<Object> keys = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        keys.add(Keyword.of("ns" + (i % 3), "k" + (size - i)));
      }
      List<Object> mixed = new ArrayList<>(keys);
      mixed.set(size / 2, "string key");
      for (List<Object> ks : List.of(keys, mixed)) {
        Map<Object, Object> m = new LinkedHashMap<>();
        ks.forEach(k -> m.put(k, List.of(k)));
        StringBuilder expected = new StringBuilder("{");
        for (Object entry : EdnOrder.sortedEntries(m)) {
          List<?> kv = (List<?>) entry;
          expected.append(expected.length() > 1 ? ", " : "");
          expected.append(Edn.write(kv.get(0))).append(' ').append(Edn.write(kv.get(1)));
        }
        assertEquals(expected.append('}').toString(), Edn.write(m), "map of " + size);
      }
    }
  }

  @Test
  void writesSetsSortedWhateverTheirIterationOrder() {
    Set<Object> a = new LinkedHashSet<>(List.of(3L, 1L, 2L));
    Set<Object> b = new LinkedHashSet<>(List.of(2L, 3L, 1L));
    assertEquals("#{1 2 3}", Edn.write(a));
    assertEquals(Edn.write(a), Edn.write(b));
    assertEquals("#{}", Edn.write(Set.of()));
  }

  @Test
  void sortsMixedTypesByRankThenValue() {
    Set<Object> mixed =
        new HashSet<>(
            Arrays.asList(
                Keyword.of("k"),
                "s",
                2L,
                1.5,
                new BigInteger("1"),
                null,
                true,
                Symbol.of("sym"),
                List.of(1L),
                Set.of(1L),
                Map.of(1L, 2L),
                new BigDecimal("2.5"),
                'c'));
    assertEquals("#{nil true 1N 1.5 2 2.5M \"s\" \\c :k sym [1] #{1} {1 2}}", Edn.write(mixed));
  }

  @Test
  void writesQueryResultsTheSameWayEveryTime() {
    Set<List<Object>> rel = new HashSet<>();
    for (long i = 20; i > 0; i--) {
      rel.add(List.of(i % 3, "n" + i));
    }
    String first = Edn.write(rel);
    assertEquals(first, Edn.write(new HashSet<>(rel)));
    assertTrue(first.startsWith("#{[0 \"n12\"] [0 \"n15\"] [0 \"n18\"] [0 \"n3\"]"), first);
  }

  @Test
  void writesOtherObjectsWithStringValueOf() {
    assertEquals("java.lang.Object", Edn.write(new Object()).substring(0, 16));
    assertEquals("PT1S", Edn.write(java.time.Duration.ofSeconds(1)));
  }

  @Test
  void ednListToStringIsItsEdnText() {
    assertEquals("(a \"b\")", EdnList.of(Symbol.of("a"), "b").toString());
  }
}
