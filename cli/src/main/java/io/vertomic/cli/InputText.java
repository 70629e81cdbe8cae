package io.vertomic.cli;

import io.vertomic.anomaly.Anomaly;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The text of a file argument, or of standard input when it is {@code -}. */
final class InputText {
  private InputText() {}

  static String read(String file, InputStream stdin) {
    try {
      if (file.equals("-")) {
        return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
      }
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw Anomaly.notFound("cli/no-such-file", "No such file: " + file);
    } catch (IOException e) {
      throw Anomaly.incorrect("cli/unreadable-file", "Cannot read " + file + ": " + e.getMessage());
    }
  }
}
