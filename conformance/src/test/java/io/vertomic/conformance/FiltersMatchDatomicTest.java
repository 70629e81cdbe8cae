package io.vertomic.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code Database.filter} side by side with Datomic's: generated reads (queries, pulls, entities,
 * datoms, index ranges) through generated filters, composed with each other and applied before or
 * after as-of, since, history and with views, give the same answers on both engines.
 */
@Tag("slow") // Datomic's peer
class FiltersMatchDatomicTest {
  private static final long SEED = 20_261_205L;

  @Test
  void readsThroughGeneratedFiltersAnswerAsDatomicDoes() {
    try (DiffRunner runner = new DiffRunner(FeatureSet.slice(), 40, 10_000)) {
      DiffRunner.Summary s = runner.run(SEED, 0, 600, p -> {});
      long filtered = s.readsUsing().getOrDefault(Feature.FILTER, 0L);
      assertTrue(filtered >= 100, "only " + filtered + " reads went through a filter");
      String report =
          s.differences().stream()
              .limit(5)
              .map(
                  d ->
                      Answers.edn(d.read().toEdn())
                          + "\n  datomic  "
                          + d.datomic().show()
                          + "\n  vertomic "
                          + d.vertomic().show())
              .collect(Collectors.joining("\n"));
      assertEquals(0, s.differences().size(), report);
    }
  }
}
