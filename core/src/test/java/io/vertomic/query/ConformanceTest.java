package io.vertomic.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.fixtures.ConformanceAnswers;
import io.vertomic.fixtures.ConformanceCase;
import io.vertomic.fixtures.ConformanceRunner;
import io.vertomic.fixtures.ConformanceSuite;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query conformance suite ({@code src/test/resources/conformance}): queries and pulls over
 * small named datasets with the answers Datomic gives (checked against Datomic itself by the {@code
 * DatomicConformanceTest} of the conformance module).
 */
class ConformanceTest {
  static List<ConformanceCase> cases() {
    return ConformanceSuite.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsDatomicDoes(ConformanceCase c) {
    assumeTrue(c.skip() == null, c.skip());
    if (c.error() != null) {
      Anomaly a =
          assertThrows(Anomaly.class, () -> ConformanceRunner.run(c, c.queryText()), c::toString);
      assertEquals(c.error().name(), a.category().wireName(), () -> c + ": " + a);
      return;
    }
    Object actual = ConformanceRunner.run(c, c.queryText());
    assertNull(ConformanceAnswers.mismatch(c, actual), c::toString);
  }
}
