package io.vertomic.peerserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The curl examples of docs/http-api.md: each {@code bash} block whose command is a curl, with the
 * comment line under it that gives the expected status and answer ({@code # 200 {...}}, or {@code #
 * 200 ~{...}} when only the answer's keys are fixed).
 */
record DocExamples(List<DocExamples.Example> examples) {

  /** One example: the command, the status it answers with and the answer. */
  record Example(String command, int status, String answer, boolean keysOnly) {}

  static DocExamples read(Path doc) throws IOException {
    List<Example> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(doc);
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).equals("```bash") || !lines.get(i + 1).startsWith("curl ")) {
        continue;
      }
      StringBuilder command = new StringBuilder();
      int j = i + 1;
      for (; !lines.get(j).startsWith("# "); j++) {
        command.append(lines.get(j)).append('\n');
      }
      String expected = lines.get(j).substring(2);
      int status = Integer.parseInt(expected.substring(0, 3));
      String answer = expected.substring(4);
      boolean keysOnly = answer.startsWith("~");
      out.add(
          new Example(
              command.toString(), status, keysOnly ? answer.substring(1) : answer, keysOnly));
      i = j;
    }
    return new DocExamples(out);
  }
}
