package io.vertomic.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one CSV line (RFC 4180 within a line): separated by commas, optionally in double
 * quotes, a doubled quote standing for one inside them. A quoted field cannot span lines (each line
 * is a row, so positions stay line numbers).
 */
final class CsvFields {
  private CsvFields() {}

  /**
   * @throws MalformedRow for an unterminated quote or text after a closing quote
   */
  static List<String> parse(String line, long lineNo) {
    List<String> fields = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (true) {
      StringBuilder f = new StringBuilder();
      if (i < n && line.charAt(i) == '"') {
        int start = i++;
        while (true) {
          if (i >= n) {
            throw new MalformedRow(
                lineNo, fields.size() + 1, "unterminated quote opened at character " + (start + 1));
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              f.append('"');
              i++;
            } else {
              break;
            }
          } else {
            f.append(c);
          }
        }
        if (i < n && line.charAt(i) != ',') {
          throw new MalformedRow(lineNo, fields.size() + 1, "text after a closing quote");
        }
      } else {
        int comma = line.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        f.append(line, i, end);
        i = end;
      }
      fields.add(f.toString());
      if (i >= n) {
        return fields;
      }
      i++; // the comma
    }
  }
}
