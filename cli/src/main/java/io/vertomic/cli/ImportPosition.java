package io.vertomic.cli;

import io.vertomic.anomaly.Anomaly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Where an import stands: the last {@code unit} (a CSV {@code line}, an EDN {@code form}) of the
 * source whose rows are committed, kept in a small text file (by default the source's path with
 * {@code .position} appended) and written, by rename, after every committed transaction, so a
 * re-run of the same import continues after it. Deleting the file imports from the start again.
 *
 * <pre>
 * # vertomic import of people.csv: lines up to this one are committed
 * line=1001
 * </pre>
 */
final class ImportPosition {
  private final Path file;
  private final String source;
  private final String unit;

  ImportPosition(Path file, String source, String unit) {
    this.file = file;
    this.source = source;
    this.unit = unit;
  }

  Path file() {
    return file;
  }

  /** The last committed {@code unit}, 0 when nothing was. */
  long committed() {
    if (!Files.exists(file)) {
      return 0;
    }
    try {
      for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (l.startsWith(unit + "=")) {
          return Long.parseLong(l.substring(unit.length() + 1).strip());
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw unreadable(e.getMessage());
    }
    throw unreadable("no " + unit + "= line");
  }

  /** Records that every {@code unit} up to {@code last} is committed. */
  void save(long last) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    List<String> text =
        List.of(
            "# vertomic import of " + source + ": " + unit + "s up to this one are committed",
            unit + "=" + last);
    try {
      Files.write(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw Anomaly.unavailable("Cannot write the import position " + file + ": " + e, e);
    }
  }

  private Anomaly unreadable(String why) {
    return Anomaly.incorrect(
        "cli/bad-position", "Unreadable import position " + file + " (" + why + "); delete it");
  }
}
