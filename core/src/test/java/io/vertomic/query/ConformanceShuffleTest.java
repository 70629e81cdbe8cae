package io.vertomic.query;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertomic.fixtures.ConformanceAnswers;
import io.vertomic.fixtures.ConformanceCase;
import io.vertomic.fixtures.ConformanceRunner;
import io.vertomic.fixtures.ConformanceSuite;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Clause order never changes an answer: every answering query with its clauses shuffled. */
class ConformanceShuffleTest {
  private static final long[] SEEDS = {1, 7, 42, 1234};

  static List<ConformanceCase> cases() {
    return ConformanceSuite.cases().stream()
        .filter(c -> c.skip() == null && c.error() == null && !c.isPull())
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shuffledClausesGiveTheSameAnswer(ConformanceCase c) {
    for (long seed : SEEDS) {
      String q = c.shuffledQuery(seed);
      String m = ConformanceAnswers.mismatch(c, ConformanceRunner.run(c, q));
      assertNull(m, () -> c + " seed " + seed + ": " + q);
    }
  }
}
