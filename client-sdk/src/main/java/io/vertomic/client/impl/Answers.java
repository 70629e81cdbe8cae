package io.vertomic.client.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.client.Datom;
import io.vertomic.client.Tx;
import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of decoded answers (docs/http-api.md, "Routes") into the SDK's values: numbers,
 * flags, datoms {@code [e a v tx added]}, log transactions {@code {"t": n, "data": [...]}} and
 * tempid maps. An answer of another shape is a {@code fault} (a server and client that disagree)
 * naming the field and what came instead.
 */
final class Answers {
  private static final Keyword UNEXPECTED = Keyword.of("vertomic.error/unexpected-answer");

  private Answers() {}

  /** The field {@code name} of the answer map {@code answer}; null when absent. */
  static Object field(Object answer, String name) {
    return map(answer, "a map with \"" + name + "\"").get(name);
  }

  /** {@code answer} as a map, else a fault naming {@code expected}. */
  static Map<?, ?> map(Object answer, String expected) {
    if (answer instanceof Map<?, ?> m) {
      return m;
    }
    throw unexpected(expected, answer);
  }

  /** The whole number in field {@code name}. */
  static long longField(Object answer, String name) {
    return number(field(answer, name), "\"" + name + "\"");
  }

  /** The boolean in field {@code name}. */
  static boolean booleanField(Object answer, String name) {
    if (field(answer, name) instanceof Boolean b) {
      return b;
    }
    throw unexpected("a boolean \"" + name + "\"", answer);
  }

  /** The list in field {@code name}. */
  static Collection<?> listField(Object answer, String name) {
    return collection(field(answer, name), "a list \"" + name + "\"");
  }

  /** The strings of the list in field {@code name}. */
  static List<String> strings(Object answer, String name) {
    List<String> out = new ArrayList<>();
    for (Object item : listField(answer, name)) {
      out.add(String.valueOf(item));
    }
    return Collections.unmodifiableList(out);
  }

  /** The datoms of a list of {@code [e a v tx added]} rows. */
  static List<Datom> datoms(Collection<?> rows) {
    List<Datom> out = new ArrayList<>(rows.size());
    for (Object row : rows) {
      out.add(datom(row));
    }
    return Collections.unmodifiableList(out);
  }

  private static Datom datom(Object row) {
    if (row instanceof List<?> l
        && l.size() == 5
        && l.get(2) != null
        && l.get(4) instanceof Boolean added) {
      String where = "datom " + l;
      return new Datom(
          number(l.get(0), where),
          number(l.get(1), where),
          l.get(2),
          number(l.get(3), where),
          added);
    }
    throw unexpected("a datom [e a v tx added]", row);
  }

  /** The log transactions of a list of {@code {"t": n, "data": [...]}} rows. */
  static List<Tx> txs(Collection<?> rows) {
    List<Tx> out = new ArrayList<>(rows.size());
    for (Object row : rows) {
      out.add(new Tx(longField(row, "t"), datoms(listField(row, "data"))));
    }
    return Collections.unmodifiableList(out);
  }

  /** The tempid map in field {@code name}: string tempid to entity id. */
  static Map<String, Long> tempids(Object answer, String name) {
    Object v = field(answer, name);
    Map<String, Long> out = new LinkedHashMap<>();
    if (v instanceof Map<?, ?> m) {
      m.forEach((k, id) -> out.put(k.toString(), number(id, "tempid " + k)));
    } else if (v != null) {
      throw unexpected("a tempid map \"" + name + "\"", v);
    }
    return out;
  }

  /** {@code v} as a collection, else a fault naming {@code expected}. */
  static Collection<?> collection(Object v, String expected) {
    if (v instanceof Collection<?> c) {
      return c;
    }
    throw unexpected(expected, v);
  }

  private static long number(Object v, String what) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    throw unexpected("a whole number for " + what, v);
  }

  private static Anomaly unexpected(String expected, Object got) {
    String text = String.valueOf(got);
    return new Anomaly(
        Category.FAULT,
        UNEXPECTED,
        "Unexpected answer from the peer server: expected "
            + expected
            + ", got "
            + (text.length() > 200 ? text.substring(0, 200) + "..." : text),
        null);
  }
}
