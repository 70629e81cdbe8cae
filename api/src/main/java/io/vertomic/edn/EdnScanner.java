package io.vertomic.edn;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import java.util.Map;

/**
 * The lexical half of {@link EdnReader}: a char index over the input that skips whitespace and
 * comments, cuts out tokens and reads the atoms (strings, characters, numbers, keywords, symbols).
 * Tokens end at whitespace, commas and {@code ";()[]{}\^}; they are decoded by {@link EdnTokens}
 * without regular expressions.
 *
 * <p>Errors are {@link Anomaly}s of category {@link Category#INCORRECT} with code {@code
 * :edn.error/malformed}, a message ending in {@code at line L, column C} (1-based, pointing at the
 * start of the offending form) and data {@code {:line L, :column C}}. Line and column are worked
 * out from the index only when an error is reported, so the happy path pays nothing for them.
 */
abstract class EdnScanner {
  private static final Keyword MALFORMED = Keyword.of("edn.error/malformed");
  private static final Keyword LINE = Keyword.of("line");
  private static final Keyword COLUMN = Keyword.of("column");
  private static final boolean[] TERMINATOR = new boolean[128];

  static {
    for (char c : ",\";()[]{}\\^".toCharArray()) {
      TERMINATOR[c] = true;
    }
    for (char c = 0; c < 128; c++) {
      TERMINATOR[c] |= Character.isWhitespace(c);
    }
  }

  final String s;
  final int len;
  int pos;

  EdnScanner(String text) {
    this.s = text;
    this.len = text.length();
  }

  /** Moves past whitespace, commas and {@code ;} line comments. */
  final void skipSpace() {
    while (pos < len) {
      char c = s.charAt(pos);
      if (c == ';') {
        while (pos < len && s.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == ',' || Character.isWhitespace(c)) {
        pos++;
      } else {
        return;
      }
    }
  }

  /** The text from here up to the next terminator (possibly empty). */
  final String token() {
    int start = pos;
    while (pos < len) {
      char c = s.charAt(pos);
      if (c < 128 ? TERMINATOR[c] : Character.isWhitespace(c)) {
        break;
      }
      pos++;
    }
    return s.substring(start, pos);
  }

  final Object symbol() {
    int at = pos;
    String tok = token();
    if (tok.isEmpty()) {
      throw error(at, "unexpected character " + EdnTokens.describe(s.charAt(at)));
    }
    switch (tok) {
      case "nil":
        return null;
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        break;
    }
    String problem = EdnTokens.nameProblem(tok, false);
    if (problem != null) {
      throw error(at, "invalid symbol '" + tok + "': " + problem);
    }
    return Symbol.of(tok);
  }

  final Keyword keyword() {
    int at = pos++;
    String tok = token();
    if (tok.isEmpty()) {
      throw error(at, "':' must be followed by a keyword name");
    }
    if (tok.charAt(0) == ':') {
      throw error(at, "auto-resolved keyword '::" + tok.substring(1) + "' is not EDN");
    }
    String problem = EdnTokens.nameProblem(tok, true);
    if (problem != null) {
      throw error(at, "invalid keyword ':" + tok + "': " + problem);
    }
    return Keyword.of(tok);
  }

  final Object number() {
    int at = pos;
    String tok = token();
    Object n = EdnTokens.number(tok);
    if (n == null) {
      throw error(at, "invalid number '" + tok + "'");
    }
    return n;
  }

  /** A character literal: the char after the backslash is taken whatever it is. */
  final Character character() {
    int at = pos++;
    if (pos >= len) {
      throw error(at, "'\\' at the end of the input: expected a character");
    }
    pos++;
    token();
    String name = s.substring(at + 1, pos);
    if (name.length() == 1) {
      return name.charAt(0);
    }
    Character c = EdnTokens.namedChar(name);
    if (c == null) {
      throw error(at, "unknown character name '\\" + name + "'");
    }
    return c;
  }

  final String string() {
    int at = pos++;
    int start = pos;
    while (pos < len) {
      char c = s.charAt(pos);
      if (c == '"') {
        return s.substring(start, pos++);
      }
      if (c == '\\') {
        return escapedString(at, new StringBuilder(len - start).append(s, start, pos));
      }
      pos++;
    }
    throw error(at, "unclosed string (no closing '\"')");
  }

  private String escapedString(int at, StringBuilder sb) {
    while (pos < len) {
      char c = s.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= len) {
        break;
      }
      char e = s.charAt(pos++);
      switch (e) {
        case '"', '\\' -> sb.append(e);
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          int code = EdnTokens.hex4(s, pos);
          if (code < 0) {
            throw error(pos - 2, "invalid escape in string: '\\u' needs four hex digits");
          }
          sb.append((char) code);
          pos += 4;
        }
        default -> throw error(pos - 2, "invalid escape " + escape(e) + " in string");
      }
    }
    throw error(at, "unclosed string (no closing '\"')");
  }

  private static String escape(char e) {
    return e >= 0x20 && e < 0x7f ? "'\\" + e + "'" : "'\\' followed by " + EdnTokens.describe(e);
  }

  final Anomaly unclosed(int open, String kind, char closer) {
    return error(
        open, "unclosed " + kind + " (no matching '" + closer + "' before the end of the input)");
  }

  /** The anomaly for {@code what} went wrong at index {@code at}. */
  final Anomaly error(int at, String what) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at && i < len; i++) {
      if (s.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = at - lineStart + 1;
    String message = what + " at line " + line + ", column " + column;
    Map<Keyword, Object> data = Map.of(LINE, (long) line, COLUMN, (long) column);
    return new Anomaly(Category.INCORRECT, MALFORMED, message, data);
  }
}
