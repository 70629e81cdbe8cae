package io.vertomic.conformance;

import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A vector-form query split into its sections ({@code :find :keys :with :in :where}...). */
final class QueryParts {
  final Map<Keyword, List<Object>> sections = new LinkedHashMap<>();

  QueryParts(Object query) {
    List<Object> current = null;
    for (Object x : (List<?>) query) {
      if (x instanceof Keyword k) {
        current = new ArrayList<>();
        sections.put(k, current);
      } else if (current != null) {
        current.add(x);
      }
    }
  }

  List<Object> section(String name) {
    return sections.getOrDefault(Keyword.of(name), List.of());
  }

  QueryParts copy() {
    return new QueryParts(toQuery());
  }

  List<Object> toQuery() {
    List<Object> q = new ArrayList<>();
    sections.forEach(
        (k, v) -> {
          q.add(k);
          q.addAll(v);
        });
    return q;
  }
}
