package io.vertomic.query.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Symbol;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in query functions, called as a query calls them: name, arguments as EDN, result. */
class FunctionsTest {

  private static Object call(String name, String argsEdn) {
    List<?> args = (List<?>) Edn.read(argsEdn);
    return Functions.function(Symbol.of(name)).apply(args.toArray());
  }

  @ParameterizedTest(name = "({0} {1}) => {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "= | [1 1] | true",
        "= | [1 2] | false",
        "clojure.core/= | [:a :a] | true",
        "not= | [1 2] | true",
        "!= | [\"a\" \"a\"] | false",
        "< | [1 2] | true",
        "< | [3 2] | false",
        "> | [2 1.5] | true",
        "<= | [1 1] | true",
        ">= | [\"b\" \"a\"] | true",
        "< | [1 2.5] | true",
        "+ | [] | 0",
        "+ | [1 2 3] | 6",
        "+ | [1 2.5] | 3.5",
        "- | [5] | -5",
        "- | [10 3 2] | 5",
        "* | [2 3 4] | 24",
        "/ | [10 2] | 5",
        "/ | [5 2] | 2",
        "/ | [5.0 2] | 2.5",
        "contains? | [#{1 2} 2] | true",
        "contains? | [{:a 1} :b] | false",
        "get | [{:a 1} :a] | 1",
        "get | [[5 6] 1] | 6",
        "get | [{:a 1} :b 0] | 0",
        "range | [3] | [0 1 2]",
        "range | [1 7 3] | [1 4]",
        "empty? | [[]] | true",
        "not-empty | [[]] | nil",
        "hash-map | [:a 1] | {:a 1}",
        "quot | [7 2] | 3",
        "rem | [-7 2] | -1",
        "mod | [-7 2] | 1",
        "inc | [41] | 42",
        "dec | [43] | 42",
        "max | [1 5 3] | 5",
        "min | [4 2 9] | 2",
        "abs | [-3] | 3",
        "zero? | [0] | true",
        "pos? | [3] | true",
        "neg? | [3] | false",
        "even? | [4] | true",
        "odd? | [4] | false",
        "nil? | [nil] | true",
        "some? | [1] | true",
        "true? | [true] | true",
        "false? | [nil] | false",
        "not | [nil] | true",
        "identity | [:x] | :x",
        "str | [\"a\" 1 :b] | \"a1:b\"",
        "subs | [\"hello\" 1 3] | \"el\"",
        "count | [\"hello\"] | 5",
        "count | [[1 2]] | 2",
        "name | [:person/name] | \"name\"",
        "namespace | [:person/name] | \"person\"",
        "keyword | [\"a\" \"b\"] | :a/b",
        "re-find | [\"[0-9]+\" \"ab12cd\"] | \"12\"",
        "re-matches | [\"(a)(b)\" \"ab\"] | [\"ab\" \"a\" \"b\"]",
        "re-seq | [\"[0-9]\" \"a1b2\"] | [\"1\" \"2\"]",
        "clojure.string/starts-with? | [\"Ivan\" \"Iv\"] | true",
        "clojure.string/ends-with? | [\"Ivan\" \"an\"] | true",
        "clojure.string/includes? | [\"Ivan\" \"va\"] | true",
        "clojure.string/upper-case | [\"Ivan\"] | \"IVAN\"",
        "clojure.string/lower-case | [\"Ivan\"] | \"ivan\"",
        "clojure.string/blank? | [\"  \"] | true",
        "clojure.string/trim | [\" x \"] | \"x\"",
        "clojure.string/join | [\", \" [1 2]] | \"1, 2\"",
        "compare | [1 2] | -1",
        "vector | [1 2] | [1 2]",
        "double | [3] | 3.0",
        "long | [-2.75] | -2",
        "int | [2.75] | 2",
        "bigint | [2.5] | 2N",
        "bigdec | [10] | 10M",
        "boolean | [nil] | false",
        "boolean | [0] | true"
      })
  void builtInGivesDatomicsAnswer(String name, String args, String expected) {
    assertEquals(Edn.read(expected), call(name, args));
  }

  @ParameterizedTest(name = "({0} {1}) is refused")
  @CsvSource(
      delimiter = '|',
      value = {
        "+ | [\"a\" 1]",
        "inc | [nil]",
        "/ | [1 0]",
        "subs | [\"abc\" 2 9]",
        "clojure.string/upper-case | [1]",
        "re-find | [\"(\" \"x\"]",
        "even? | [1.5]",
        "+ | [9223372036854775807 1]",
        "< | [1 2 3]",
        ">= | [1]",
        "range | [0 5 0]",
        "contains? | [1 1]"
      })
  void badArgumentsAreIncorrectAndNameTheFunction(String name, String args) {
    Anomaly a = assertThrows(Anomaly.class, () -> call(name, args));
    assertEquals(Category.INCORRECT, a.category());
    assertTrue(a.getMessage().contains(name), a.getMessage());
  }

  @ParameterizedTest(name = "({0} {1} {2}) => {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "count | [] | [1 1 2] | 3",
        "count-distinct | [] | [1 1 2] | 2",
        "sum | [] | [1 2 3] | 6",
        "avg | [] | [1 2] | 1.5",
        "median | [] | [3 1 2] | 2",
        "median | [] | [1 2 3 4] | 2",
        "median | [] | [1.0 2.0] | 1.0",
        "median | [] | [-2.5 4.0] | 0.0",
        "sum | [] | [1.25] | 1.25",
        "variance | [] | [1 3] | 1.0",
        "stddev | [] | [1 3] | 1.0",
        "min | [] | [3 1 2] | 1",
        "max | [] | [\"a\" \"c\" \"b\"] | \"c\"",
        "min | [2] | [5 1 1 3] | [1 1]",
        "max | [2] | [5 1 1 3] | [5 3]",
        "distinct | [] | [1 1 2] | #{1 2}"
      })
  void aggregateGivesDatomicsAnswer(String name, String args, String values, String expected) {
    Object r =
        Functions.aggregate(Symbol.of(name))
            .apply(
                List.copyOf((List<?>) Edn.read(args)),
                new java.util.ArrayList<>((List<?>) Edn.read(values)));
    assertEquals(Edn.read(expected), r);
  }

  @Test
  void sampleAndRandReturnAtMostNValuesFromTheBag() {
    List<Object> bag = List.of(1L, 2L, 3L);
    List<?> s = (List<?>) Functions.aggregate(Symbol.of("sample")).apply(List.of(2L), bag);
    List<?> r = (List<?>) Functions.aggregate(Symbol.of("rand")).apply(List.of(5L), bag);
    assertEquals(2, s.size());
    assertEquals(5, r.size());
    assertTrue(bag.containsAll(s) && bag.containsAll(r));
  }

  @Test
  void onlyRegisteredNamesRunAndBuiltInsCannotBeReplaced() {
    assertNull(Functions.function(Symbol.of("java.lang.System/exit")));
    assertNull(Functions.function(Symbol.of(".toUpperCase")));
    Functions.register("my.app/twice", a -> ((Long) a[0]) * 2);
    assertEquals(8L, Functions.function(Symbol.of("my.app/twice")).apply(4L));
    assertThrows(IllegalArgumentException.class, () -> Functions.register("=", a -> true));
    assertThrows(
        IllegalArgumentException.class, () -> Functions.registerAggregate("count", (x, y) -> 0L));
  }
}
