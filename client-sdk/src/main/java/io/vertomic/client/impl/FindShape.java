package io.vertomic.client.impl;

import io.vertomic.edn.EdnList;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The shape of a query's find spec, read from the query's EDN, and how the answer of each shape
 * becomes rows for {@code q} and {@code qChunks}:
 *
 * <ul>
 *   <li>{@code RELATION} ({@code :find ?a ?b}): the tuples as they are; a {@code :keys} map becomes
 *       the row of its values in the answer's order.
 *   <li>{@code COLLECTION} ({@code :find [?a ...]}): one one-element row per value.
 *   <li>{@code TUPLE} ({@code :find [?a ?b]}): the tuple is the one row.
 *   <li>{@code SCALAR} ({@code :find ?a .}): one one-element row, none when the answer is nil.
 * </ul>
 *
 * <p>In a chunk stream every element of a chunk is one row of the whole answer: a tuple for {@code
 * RELATION} and {@code TUPLE}, a value for {@code COLLECTION} and {@code SCALAR}.
 */
enum FindShape {
  RELATION,
  COLLECTION,
  TUPLE,
  SCALAR;

  private static final Keyword FIND = Keyword.of("find");
  private static final Symbol DOT = Symbol.of(".");
  private static final Symbol ELLIPSIS = Symbol.of("...");

  /** The shape of {@code query}, a query as read from EDN (list or map form). */
  static FindShape of(Object query) {
    List<?> find = findElements(query);
    if (find.size() == 2 && DOT.equals(find.get(1))) {
      return SCALAR;
    }
    if (find.size() == 1 && find.get(0) instanceof List<?> v && !(v instanceof EdnList)) {
      return v.size() == 2 && ELLIPSIS.equals(v.get(1)) ? COLLECTION : TUPLE;
    }
    return RELATION;
  }

  private static List<?> findElements(Object query) {
    if (query instanceof Map<?, ?> m) {
      return m.get(FIND) instanceof List<?> l ? l : List.of();
    }
    if (!(query instanceof List<?> l)) {
      return List.of();
    }
    int from = l.indexOf(FIND) + 1;
    if (from == 0) {
      return List.of();
    }
    int to = from;
    while (to < l.size() && !(l.get(to) instanceof Keyword)) {
      to++;
    }
    return l.subList(from, to);
  }

  /** The rows of a whole answer's {@code result}. */
  List<List<Object>> rows(Object result) {
    return switch (this) {
      case RELATION, COLLECTION ->
          result == null ? List.of() : chunkRows(Answers.collection(result, "a list result"));
      case TUPLE -> result == null ? List.of() : List.of(row(result));
      case SCALAR -> result == null ? List.of() : List.of(Collections.singletonList(result));
    };
  }

  /** The rows of one chunk of a chunk stream. */
  List<List<Object>> chunkRows(Collection<?> chunk) {
    List<List<Object>> rows = new ArrayList<>(chunk.size());
    for (Object item : chunk) {
      rows.add(this == RELATION || this == TUPLE ? row(item) : Collections.singletonList(item));
    }
    return Collections.unmodifiableList(rows);
  }

  private static List<Object> row(Object item) {
    if (item instanceof Collection<?> c) {
      return Collections.unmodifiableList(new ArrayList<>(c));
    }
    if (item instanceof Map<?, ?> m) {
      return Collections.unmodifiableList(new ArrayList<>(m.values()));
    }
    return Collections.singletonList(item);
  }
}
