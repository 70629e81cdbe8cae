package io.vertomic.query.plan;

import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as EDN-able data: a list of maps {@code {:clause "[?e :a ?v]" :index :aevt :estimated-rows
 * 120}} in execution order ({@code :index} only for data patterns).
 */
public final class Explain {
  private static final Keyword CLAUSE = Keyword.of("clause");
  private static final Keyword INDEX = Keyword.of("index");
  private static final Keyword ROWS = Keyword.of("estimated-rows");

  private Explain() {}

  /** The data form of {@code steps}. */
  public static List<Map<Keyword, Object>> of(List<Step> steps) {
    List<Map<Keyword, Object>> out = new ArrayList<>();
    for (Step s : steps) {
      Map<Keyword, Object> m = new LinkedHashMap<>();
      m.put(CLAUSE, s.clause().text());
      if (s.index() != null) {
        m.put(INDEX, s.index().keyword());
      }
      m.put(ROWS, s.estimate());
      out.add(m);
    }
    return out;
  }
}
