package io.vertomic.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The million-row CSV of the import measurement: {@code id,name} with {@code i,name-i}. */
final class MillionRows {
  static final int ROWS = 1_000_000;

  static final String SCHEMA =
      "[{:db/ident :row/id :db/valueType :db.type/long :db/cardinality :db.cardinality/one}"
          + " {:db/ident :row/name :db/valueType :db.type/string"
          + " :db/cardinality :db.cardinality/one}]";

  private MillionRows() {}

  static Path write(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id,name\n");
      for (int i = 0; i < ROWS; i++) {
        w.write(i + ",name-" + i + "\n");
      }
    }
    return file;
  }
}
