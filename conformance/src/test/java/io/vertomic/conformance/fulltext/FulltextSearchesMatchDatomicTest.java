package io.vertomic.conformance.fulltext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CI-sized fulltext side by side ({@code ./scripts/conformance --fulltext} runs the full size):
 * generated searches on a small data set with replaced, retracted and re-asserted values (current,
 * asOf, since and history views) and on 20,000 texts find the same entities and rows as Datomic, in
 * the same order by score, and the bad ones are refused by both.
 */
@Tag("slow") // Datomic's peer
class FulltextSearchesMatchDatomicTest {
  static final long SEED = 20_261_205L;

  @Test
  void generatedSearchesFindWhatDatomicFindsInTheSameOrderOnEveryView() throws Exception {
    FulltextConformance.Summary s = FulltextConformance.run(SEED, 800, 80, 20_000, 40, p -> {});
    String report =
        s.differences.stream().limit(10).map(Object::toString).collect(Collectors.joining("\n"));
    assertEquals(0, s.differences.size(), report);
    for (Map.Entry<String, Integer> e : s.queries.entrySet()) {
      assertTrue(e.getValue() >= (e.getKey().startsWith("small") ? 80 : 40), e.toString());
    }
    assertEquals(5, s.queries.size(), s.queries.toString());
    assertEquals(s.badQueries, s.badRefusedByBoth);
    assertTrue(s.withHits > 200, "searches that found something: " + s.withHits);
  }
}
