package io.vertomic.conformance;

import io.vertomic.edn.EdnList;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.List;

/** Rewrites of generated queries (vector form): the parts between the keywords of a query. */
final class Queries {
  static final Keyword FIND = Keyword.of("find");

  private Queries() {}

  /**
   * The query with a tuple ({@code [?x ?y]}) or scalar ({@code ?x .}) find spec turned into the
   * relation find spec of the same elements: its rows are every answer the engine may pick.
   */
  static Object relationForm(Object query) {
    List<Object> out = new ArrayList<>();
    List<?> q = (List<?>) query;
    boolean inFind = false;
    for (Object x : q) {
      if (x instanceof Keyword k) {
        inFind = k.equals(FIND);
        out.add(x);
      } else if (inFind && Symbol.of(".").equals(x)) {
        continue;
      } else if (inFind && x instanceof List<?> l && !(l instanceof EdnList)) {
        out.addAll(l);
      } else {
        out.add(x);
      }
    }
    return out;
  }
}
