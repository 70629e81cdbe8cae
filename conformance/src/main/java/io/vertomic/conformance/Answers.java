package io.vertomic.conformance;

import io.vertomic.edn.Edn;
import io.vertomic.fixtures.ConformanceAnswers;
import io.vertomic.fixtures.ConformanceCase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one normalisation both engines' answers go through (after their ids became {@link IdTokens}
 * tokens): relation and collection answers, datoms and index ranges compare as multisets (their
 * order is not defined, or follows raw entity ids); a list of maps inside an answer (the entities
 * of a pulled ref or reverse attribute) as a set, for the same reason; everything else by {@link
 * ConformanceAnswers#canonStrict}.
 */
final class Answers {
  private Answers() {}

  static Outcome of(Read read, Object answer) {
    return of(read, answer, answer);
  }

  /** As {@link #of(Read, Object)}, {@code answer} compared and {@code shown} reported. */
  static Outcome of(Read read, Object answer, Object shown) {
    Object v = unordered(answer);
    String canon;
    if (read.kind().equals("query") && isWhole(shape(read.get("query")))
        || read.kind().equals("datoms")
        || read.kind().equals("index-range")) {
      canon =
          v instanceof Collection<?> c
              ? ConformanceAnswers.elementsStrict(c)
              : ConformanceAnswers.canonStrict(v);
    } else {
      canon = ConformanceAnswers.canonStrict(v);
    }
    return Outcome.answer(canon, show(shown));
  }

  /** The shape of a query's answer, from its find spec. */
  static ConformanceCase.FindShape shape(Object query) {
    return new ConformanceCase(
            "generated", "", "", query, List.of(), null, null, null, false, null, null, null, null)
        .shape();
  }

  static boolean isWhole(ConformanceCase.FindShape s) {
    return s == ConformanceCase.FindShape.RELATION || s == ConformanceCase.FindShape.COLLECTION;
  }

  /** The canonical text of each row of a relation answer ({@code scalar}: of each row's first). */
  static Set<String> rows(Object answer, boolean scalar) {
    Set<String> out = new LinkedHashSet<>();
    if (answer instanceof Collection<?> c) {
      for (Object row : c) {
        Object r = unordered(row);
        out.add(ConformanceAnswers.canonStrict(scalar ? ((List<?>) r).get(0) : r));
      }
    }
    if (out.isEmpty()) {
      out.add("nil");
    }
    return out;
  }

  private static Object unordered(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, unordered(x)));
      return out;
    }
    if (v instanceof Set<?> s) {
      Set<Object> out = new LinkedHashSet<>();
      s.forEach(x -> out.add(unordered(x)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      boolean maps = !c.isEmpty();
      List<Object> out = new ArrayList<>();
      for (Object x : c) {
        maps &= x instanceof Map<?, ?>;
        out.add(unordered(x));
      }
      return maps ? new LinkedHashSet<>(out) : out;
    }
    return v;
  }

  static String show(Object v) {
    return ConformanceAnswers.show(v);
  }

  static String edn(Object v) {
    return Edn.write(v);
  }
}
