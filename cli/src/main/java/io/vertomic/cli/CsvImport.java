package io.vertomic.cli;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.Keyword;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a CSV file (a header line, then one entity per line) in transactions of {@code batch} rows,
 * saving the {@link ImportPosition} after each, so a re-run continues after the last committed
 * line. A malformed row stops the import: the rows before it are committed and the position saved
 * first, then it fails {@code incorrect} naming the line and column.
 */
final class CsvImport {
  private final Target target;
  private final Path file;
  private final String mapOption;
  private final int batch;
  private final ImportPosition position;
  private final PrintStream progressOut;

  CsvImport(
      Target target,
      Path file,
      String mapOption,
      int batch,
      ImportPosition position,
      PrintStream progressOut) {
    this.target = target;
    this.file = file;
    this.mapOption = mapOption;
    this.batch = batch;
    this.position = position;
    this.progressOut = progressOut;
  }

  /** What an import did: rows and transactions committed, rows per second, lines skipped. */
  record Result(long rows, long transactions, long rate, long resumedAfter) {}

  Result run() throws IOException {
    long dataLines = countLines(file) - 1;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String headerLine = in.readLine();
      if (headerLine == null) {
        throw Anomaly.incorrect("cli/empty-csv", file + " is empty: it needs a header line");
      }
      ColumnMapping mapping;
      try {
        mapping =
            ColumnMapping.of(
                CsvFields.parse(stripBom(headerLine), 1),
                mapOption,
                target.query(ColumnMapping.SCHEMA_QUERY, List.of()));
      } catch (MalformedRow e) {
        throw malformed(e);
      }
      long resumeAfter = Math.max(position.committed(), 1);
      ProgressBar progress = new ProgressBar(progressOut, dataLines, "rows");
      progress.advance(resumeAfter - 1);
      try {
        return load(in, mapping, resumeAfter, progress);
      } finally {
        progress.finish();
      }
    }
  }

  private Result load(
      BufferedReader in, ColumnMapping mapping, long resumeAfter, ProgressBar progress)
      throws IOException {
    List<Map<Keyword, Object>> pending = new ArrayList<>(batch);
    long lineNo = 1;
    long committedLine = resumeAfter;
    long rows = 0;
    long transactions = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (lineNo <= resumeAfter) {
        continue;
      }
      Map<Keyword, Object> entity;
      try {
        entity = line.isBlank() ? null : mapping.entity(CsvFields.parse(line, lineNo), lineNo);
      } catch (MalformedRow e) {
        if (!pending.isEmpty()) {
          commit(pending, committedLine, lineNo - 1);
          rows += pending.size();
          transactions++;
        }
        position.save(lineNo - 1);
        throw malformed(e);
      }
      if (entity != null) {
        pending.add(entity);
      }
      if (pending.size() >= batch) {
        commit(pending, committedLine, lineNo);
        rows += pending.size();
        transactions++;
        progress.advance(lineNo - committedLine);
        committedLine = lineNo;
        pending.clear();
      }
    }
    if (!pending.isEmpty()) {
      commit(pending, committedLine, lineNo);
      rows += pending.size();
      transactions++;
    }
    position.save(lineNo);
    progress.advance(lineNo - committedLine);
    return new Result(rows, transactions, progress.rate(), resumeAfter);
  }

  private void commit(List<Map<Keyword, Object>> entities, long after, long last) {
    try {
      target.transact(List.copyOf(entities));
    } catch (Anomaly a) {
      throw new Anomaly(
          a.category(),
          a.code(),
          file
              + " lines "
              + (after + 1)
              + "-"
              + last
              + " (not committed; a re-run continues from line "
              + (after + 1)
              + "): "
              + a.getMessage(),
          a.data());
    }
    position.save(last);
  }

  private Anomaly malformed(MalformedRow e) {
    String resume =
        e.line == 1
            ? ""
            : "; the lines before it are committed and a re-run continues from it ("
                + position.file()
                + ")";
    return Anomaly.incorrect(
        "cli/malformed-row",
        file + " line " + e.line + ", column " + e.column + ": " + e.getMessage() + resume);
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  // for the progress bar's total: a fast pass over the bytes
  private static long countLines(Path file) throws IOException {
    long lines = 0;
    int last = '\n';
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
        last = buf[n - 1];
      }
    }
    return last == '\n' ? lines : lines + 1;
  }
}
