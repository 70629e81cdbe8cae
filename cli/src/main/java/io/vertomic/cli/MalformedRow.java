package io.vertomic.cli;

/**
 * A CSV row that cannot become an entity, at {@code line} (of the file, the header is line 1) and
 * {@code column} (1-based, as spreadsheets count). Thrown and caught inside an import, which
 * commits the rows before it and reports it as an {@code incorrect} anomaly.
 */
final class MalformedRow extends RuntimeException {
  final long line;
  final int column;

  MalformedRow(long line, int column, String message) {
    super(message, null, false, false);
    this.line = line;
    this.column = column;
  }
}
