package io.vertomic.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fixed-seed slice of the differential tester: 2,000 generated cases with the features of
 * {@link FeatureSet#slice()} (everything but {@link FeatureSet#SWITCHED_OFF}) agree on both
 * engines.
 */
@Tag("slow") // Datomic's peer
class GeneratedSliceTest {
  static final long SEED = 20_260_101L;
  static final int CASES = 2_000;

  @Test
  void twoThousandGeneratedCasesAgreeWithDatomic() {
    try (DiffRunner runner = new DiffRunner(FeatureSet.slice(), 40, 10_000)) {
      DiffRunner.Summary s = runner.run(SEED, 0, CASES, p -> {});
      String report =
          s.differences().stream()
              .limit(10)
              .map(
                  d ->
                      String.format(
                          "[%s] case %d%n  read     %s%n  datomic  %s%n  vertomic %s",
                          d.category(),
                          d.caseIndex(),
                          Answers.edn(d.read().toEdn()),
                          d.datomic().show(),
                          d.vertomic().show()))
              .collect(Collectors.joining("\n"));
      assertEquals(CASES, s.cases());
      assertEquals(0, s.differences().size(), s.byCategory() + "\n" + report);
    }
  }
}
