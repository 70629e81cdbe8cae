package io.vertomic.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code Peer.qseq} holds memory flat: 100,000 rows that pull some 250 MB in all are walked in a
 * JVM of {@value #HEAP}, which holds the rows' keys and one pulled row at a time, not the answer.
 * ({@code Peer.q}, which pulls every row before answering, runs out of memory in the same heap:
 * {@link #theBoundIsTighterThanTheWholeAnswer}.)
 */
@Tag("slow") // child JVMs
class QseqMemoryTest {
  private static final String HEAP = "-Xmx96m";

  private static List<String> runChild(String mode) throws Exception {
    Process p =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                HEAP,
                "-XX:+ExitOnOutOfMemoryError",
                QseqMemoryMain.class.getName(),
                mode)
            .redirectErrorStream(true)
            .start();
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        out.add(l);
      }
    }
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the child ends");
    out.add("exit " + p.exitValue());
    return out;
  }

  @Test
  void qseqOverAHundredThousandPulledRowsRunsInASmallHeap() throws Exception {
    List<String> out = runChild("qseq");
    assertTrue(out.contains("rows 100000"), () -> String.join("\n", out));
    assertEquals("exit 0", out.get(out.size() - 1));
  }

  @Test
  void theBoundIsTighterThanTheWholeAnswer() throws Exception {
    List<String> out = runChild("q");
    assertTrue(
        out.stream().anyMatch(l -> l.contains("OutOfMemoryError")),
        () -> "q needs more than " + HEAP + ": " + String.join("\n", out));
  }
}
