package io.vertomic.cli;

import io.vertomic.anomaly.Anomaly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code vertomic import TARGET FILE}: loads a CSV file (by a column-to-attribute mapping, in
 * batches) or an EDN file of transactions, with a progress bar on stderr and a position file that
 * lets a re-run continue where a failed or interrupted one stopped.
 */
final class ImportCommand implements Command {
  static final int DEFAULT_BATCH = 1_000;

  @Override
  public Usage usage() {
    return new Usage(
        "import",
        "TARGET FILE",
        "Loads a CSV or EDN file into the database, with a progress bar; resumable.",
        """
        CSV (FILE ending in .csv, or --format csv): a header line, then one entity a line,
        committed --batch rows a transaction. Columns become attributes by --map, or are
        named by their attribute (:person/name); cells are coerced to the attribute's value
        type (docs/cli.md: long, double, boolean, instant as ISO-8601, keyword, uuid, ref as
        an id, ident or lookup ref [:person/email "a@b.c"], ...); an empty cell is left out.
        A malformed row stops the import, naming its line and column, after committing the
        rows before it.
        EDN (otherwise): each top-level form is the tx data of one transaction.
        After every transaction the position (the last committed line or form) is saved in
        FILE.position (or --position); a re-run continues after it. Delete it to import
        the file again.""",
        2,
        2,
        true,
        List.of(
            Option.valued("format", "csv|edn", "the file's format (default: by its extension)"),
            Option.valued("map", "COL=:ATTR,...", "CSV columns to attributes (default: headers)"),
            Option.valued("batch", "N", "CSV rows per transaction (default 1000)"),
            Option.valued("position", "PATH", "the position file (default FILE.position)"),
            Option.flag("no-progress", "print no progress bar")));
  }

  @Override
  public int run(Invocation in) {
    Args a = in.args();
    if (a.get(1).equals("-")) {
      throw new UsageException(
          "import reads a file, not standard input: its position is kept beside it");
    }
    Path file = Path.of(a.get(1));
    String format = a.option("format", file.toString().endsWith(".csv") ? "csv" : "edn");
    if (!format.equals("csv") && !format.equals("edn")) {
      throw new UsageException("--format is csv or edn, not " + format);
    }
    int batch = (int) Math.min(a.positive("batch", DEFAULT_BATCH), 1_000_000);
    if (!format.equals("csv") && a.has("map")) {
      throw new UsageException("--map is for CSV files");
    }
    String text = format.equals("edn") ? InputText.read(a.get(1), in.in()) : null;
    if (text == null && !Files.isRegularFile(file)) {
      throw new UsageException("no such file: " + file);
    }
    Path positionFile = Path.of(a.option("position", file + ".position"));
    ImportPosition position =
        new ImportPosition(positionFile, file.toString(), format.equals("csv") ? "line" : "form");
    var progress = a.has("no-progress") ? null : in.err();
    try (Target t = in.target(0)) {
      if (format.equals("edn")) {
        EdnImport.Result r = EdnImport.run(t, file.toString(), text, position, progress);
        in.out()
            .println(
                "imported "
                    + r.transactions()
                    + " transactions ("
                    + r.rate()
                    + "/s)"
                    + resumed("form", r.resumedAfter())
                    + "; position in "
                    + positionFile);
      } else {
        CsvImport.Result r =
            new CsvImport(t, file, a.option("map", null), batch, position, progress).run();
        in.out()
            .println(
                "imported "
                    + r.rows()
                    + " rows in "
                    + r.transactions()
                    + " transactions ("
                    + r.rate()
                    + " rows/s)"
                    + resumed("line", r.resumedAfter() > 1 ? r.resumedAfter() : 0)
                    + "; position in "
                    + positionFile);
      }
    } catch (IOException e) {
      throw Anomaly.unavailable("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return Exit.OK;
  }

  private static String resumed(String unit, long after) {
    return after > 0 ? ", resumed after " + unit + " " + after : "";
  }
}
