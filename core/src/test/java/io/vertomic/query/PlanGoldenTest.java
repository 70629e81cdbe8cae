package io.vertomic.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.ConformanceRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden plans: each file under {@code src/test/resources/plans/} holds a dataset, a query and the
 * plan {@code explain} gave when the file was last reviewed, one step per line, so a planner change
 * shows up as a readable diff. Run with {@code -Dplans.update=true} to rewrite the files after
 * reviewing the change.
 */
class PlanGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/plans");

  static Stream<Path> plans() throws IOException {
    return Files.list(DIR).filter(p -> p.toString().endsWith(".edn")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void explainGivesTheReviewedPlan(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Map<?, ?> golden = (Map<?, ?>) Edn.read(text);
    String dataset = (String) golden.get(Keyword.of("dataset"));
    Object query = golden.get(Keyword.of("query"));
    String actual = render(dataset, query, ConformanceRunner.explain(dataset, query));
    if (Boolean.getBoolean("plans.update")) {
      write(file, actual);
    }
    assertEquals(text, actual, file + " differs from the plan explain gives now");
  }

  private static String render(String dataset, Object query, Object plan) {
    StringBuilder out = new StringBuilder();
    out.append("{:dataset ").append(Edn.write(dataset)).append('\n');
    out.append(" :query ").append(Edn.write(query)).append('\n');
    out.append(" :plan\n {");
    Map<?, ?> p = (Map<?, ?>) plan;
    boolean first = true;
    for (Map.Entry<?, ?> e : p.entrySet()) {
      out.append(first ? "" : "\n  ").append(Edn.write(e.getKey())).append(' ');
      first = false;
      if (e.getValue() instanceof List<?> steps && Keyword.of("steps").equals(e.getKey())) {
        out.append('[');
        for (int i = 0; i < steps.size(); i++) {
          out.append(i == 0 ? "" : "\n   ").append(Edn.write(steps.get(i)));
        }
        out.append(']');
      } else {
        out.append(Edn.write(e.getValue()));
      }
    }
    return out.append("}}\n").toString();
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
