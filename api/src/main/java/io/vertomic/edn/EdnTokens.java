package io.vertomic.edn;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Decodes the text of one token (already cut out by {@link EdnReader}) into a number, checks symbol
 * and keyword names, and resolves character names. Every method reports a bad token by returning
 * null, never by throwing, so the reader alone decides how errors look.
 */
final class EdnTokens {
  private static final String NAME_PUNCTUATION = ".*+!-_?$%&=<>#:'";

  private EdnTokens() {}

  /**
   * The number written {@code tok}: a {@link Long} (a {@link BigInteger} when too big or with an
   * {@code N} suffix), a {@link Double}, or a {@link BigDecimal} with an {@code M} suffix; null
   * when {@code tok} is not an EDN number. Integers have no leading zero, as the EDN spec says.
   */
  static Object number(String tok) {
    int len = tok.length();
    int i = tok.charAt(0) == '+' || tok.charAt(0) == '-' ? 1 : 0;
    int intStart = i;
    i = digits(tok, i);
    int intDigits = i - intStart;
    if (intDigits == 0) {
      return null;
    }
    boolean leadingZero = intDigits > 1 && tok.charAt(intStart) == '0';
    if (i == len) {
      return leadingZero ? null : integer(tok, intDigits);
    }
    if (i == len - 1 && tok.charAt(i) == 'N') {
      return leadingZero ? null : new BigInteger(tok.substring(0, i));
    }
    boolean decimal = false;
    if (tok.charAt(i) == '.') {
      i = digits(tok, i + 1);
      decimal = true;
    }
    if (i < len && (tok.charAt(i) == 'e' || tok.charAt(i) == 'E')) {
      i++;
      if (i < len && (tok.charAt(i) == '+' || tok.charAt(i) == '-')) {
        i++;
      }
      int expStart = i;
      i = digits(tok, i);
      if (i == expStart) {
        return null;
      }
      decimal = true;
    }
    if (i == len - 1 && tok.charAt(i) == 'M') {
      return decimal(tok.substring(0, i));
    }
    return i == len && decimal ? Double.valueOf(tok) : null;
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null; // an exponent beyond the int range
    }
  }

  private static int digits(String tok, int from) {
    int i = from;
    while (i < tok.length() && isDigit(tok.charAt(i))) {
      i++;
    }
    return i;
  }

  private static Object integer(String tok, int digitCount) {
    if (digitCount <= 18) {
      return Long.parseLong(tok);
    }
    BigInteger big = new BigInteger(tok);
    return big.bitLength() < 64 ? (Object) big.longValue() : big;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Why {@code tok} (without the leading colon for a keyword) is not a valid symbol or keyword
   * name, or null when it is. Names are {@code name} or {@code ns/name}; ASCII characters are
   * limited to letters, digits and {@code .*+!-_?$%&=<>#:'}; a part does not start with {@code #},
   * {@code :} or {@code '}, and a symbol part does not start like a number.
   */
  static String nameProblem(String tok, boolean keyword) {
    String kind = keyword ? "keyword" : "symbol";
    if (!keyword && tok.equals("/")) {
      return null;
    }
    int slash = -1;
    for (int i = 0; i < tok.length(); i++) {
      char c = tok.charAt(i);
      if (c == '/') {
        if (slash >= 0) {
          return "more than one '/' in " + kind;
        }
        slash = i;
      } else if (!isNameChar(c)) {
        return "invalid character " + describe(c) + " in " + kind;
      }
    }
    if (slash == 0 || slash == tok.length() - 1) {
      return "empty namespace or name in " + kind;
    }
    if (tok.endsWith(":")) {
      return kind + " cannot end with ':'";
    }
    String problem = slash < 0 ? null : partProblem(tok, 0, keyword);
    return problem != null ? problem : partProblem(tok, slash + 1, keyword);
  }

  private static String partProblem(String tok, int from, boolean keyword) {
    char first = tok.charAt(from);
    if (first == '#' || first == ':' || first == '\'') {
      return "a name cannot start with " + describe(first);
    }
    if (keyword) {
      return null;
    }
    if (isDigit(first)) {
      return "a symbol cannot start with a digit";
    }
    boolean signLike = first == '+' || first == '-' || first == '.';
    if (signLike && from + 1 < tok.length() && isDigit(tok.charAt(from + 1))) {
      return "a symbol starting with " + describe(first) + " cannot continue with a digit";
    }
    return null;
  }

  private static boolean isNameChar(char c) {
    if (c >= 128) {
      return !Character.isWhitespace(c);
    }
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || isDigit(c)
        || NAME_PUNCTUATION.indexOf(c) >= 0;
  }

  /**
   * The character named {@code name} ({@code newline}, {@code space}, {@code tab}, {@code return},
   * {@code backspace}, {@code formfeed}, {@code uXXXX}, {@code oNNN}), or null.
   */
  static Character namedChar(String name) {
    switch (name) {
      case "newline":
        return '\n';
      case "space":
        return ' ';
      case "tab":
        return '\t';
      case "return":
        return '\r';
      case "backspace":
        return '\b';
      case "formfeed":
        return '\f';
      default:
        break;
    }
    if (name.length() == 5 && name.charAt(0) == 'u') {
      int code = hex4(name, 1);
      return code < 0 ? null : (char) code;
    }
    if (name.length() >= 2 && name.length() <= 4 && name.charAt(0) == 'o') {
      int code = 0;
      for (int i = 1; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c < '0' || c > '7') {
          return null;
        }
        code = code * 8 + (c - '0');
      }
      return code <= 0377 ? (char) code : null;
    }
    return null;
  }

  /** The value of the four hex digits at {@code s[from..from+4)}, or -1. */
  static int hex4(String s, int from) {
    if (from + 4 > s.length()) {
      return -1;
    }
    int code = 0;
    for (int i = from; i < from + 4; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0 || s.charAt(i) > 'f') {
        return -1;
      }
      code = code * 16 + d;
    }
    return code;
  }

  /** {@code 'c'} for a printable character, {@code U+XXXX} for any other. */
  static String describe(char c) {
    if (c >= 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format("U+%04X", (int) c);
  }
}
