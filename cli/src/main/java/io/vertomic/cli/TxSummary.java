package io.vertomic.cli;

import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the tool prints of a committed transaction: its basis before and after, its size. */
record TxSummary(long tBefore, long tAfter, int datoms, Map<String, Long> tempids) {
  /** {@code {:t-before 1000, :t-after 1001, :datoms 3, :tempids {"x" 1759...}}}. */
  String edn() {
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("t-before"), tBefore);
    m.put(Keyword.of("t-after"), tAfter);
    m.put(Keyword.of("datoms"), (long) datoms);
    m.put(Keyword.of("tempids"), tempids);
    return Edn.write(m);
  }
}
