package io.vertomic.conformance;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every shrunk difference under {@code src/test/resources/differences/} on both engines. A
 * case marked {@code :open true} still differs: it is skipped while it does, and fails once the
 * engines agree, so that whoever fixed it removes the mark and the case guards the fix from then
 * on.
 */
@Tag("slow") // Datomic's peer
class DifferencesReplayTest {
  private static final Path DIR = Path.of("src/test/resources/differences");
  private static DiffRunner runner;

  @BeforeAll
  static void start() {
    runner = new DiffRunner(FeatureSet.all(), 1, 10_000);
  }

  @AfterAll
  static void stop() {
    runner.close();
  }

  static List<Path> cases() throws IOException {
    if (!Files.isDirectory(DIR)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".edn")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void bothEnginesAgree(Path file) throws IOException {
    CaseFile.Replay c = CaseFile.read(Files.readString(file));
    Difference d = runner.check(c.history(), c.read());
    String shown =
        d == null
            ? null
            : d.category()
                + "\n  datomic  "
                + d.datomic().show()
                + "\n  vertomic "
                + d.vertomic().show();
    if (c.open()) {
      if (d == null) {
        fail(file + " agrees now: remove its :open mark");
      }
      assumeTrue(false, "open difference " + shown);
    }
    assertNull(shown, file::toString);
  }
}
