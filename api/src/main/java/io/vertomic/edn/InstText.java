package io.vertomic.edn;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * The text of {@code #inst} literals. Reads the RFC 3339 forms Clojure and Datomic accept: {@code
 * yyyy[-MM[-dd[Thh[:mm[:ss[.fraction]]]]]][Z|±hh:mm]}, UTC when no offset is given, fraction
 * truncated to milliseconds. Writes {@code yyyy-MM-ddThh:mm:ss.SSS-00:00} in UTC, as Clojure prints
 * a {@link Date}. Only years 0000-9999 print in a form that reads back.
 */
final class InstText {
  private final String text;
  private int pos;

  private InstText(String text) {
    this.text = text;
  }

  /**
   * The instant written {@code text}.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code text}
   */
  static Date parse(String text) {
    return new InstText(text).parse();
  }

  /** {@code 2026-01-01T00:00:00.000-00:00} for the first millisecond of 2026 (UTC). */
  static String format(Date date) {
    OffsetDateTime t = Instant.ofEpochMilli(date.getTime()).atOffset(ZoneOffset.UTC);
    StringBuilder sb = new StringBuilder(29);
    pad(sb, t.getYear(), 4).append('-');
    pad(sb, t.getMonthValue(), 2).append('-');
    pad(sb, t.getDayOfMonth(), 2).append('T');
    pad(sb, t.getHour(), 2).append(':');
    pad(sb, t.getMinute(), 2).append(':');
    pad(sb, t.getSecond(), 2).append('.');
    return pad(sb, t.getNano() / 1_000_000, 3).append("-00:00").toString();
  }

  private static StringBuilder pad(StringBuilder sb, int value, int width) {
    String digits = Integer.toString(Math.abs(value));
    if (value < 0) {
      sb.append('-');
    }
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(digits);
  }

  private Date parse() {
    int year = field(4, "year");
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanos = 0;
    if (accept('-')) {
      month = field(2, "month");
      if (accept('-')) {
        day = field(2, "day");
        if (accept('T') || accept('t')) {
          hour = field(2, "hour");
          if (accept(':')) {
            minute = field(2, "minute");
            if (accept(':')) {
              second = field(2, "second");
              if (accept('.')) {
                nanos = fraction();
              }
            }
          }
        }
      }
    }
    ZoneOffset offset = offset();
    if (pos != text.length()) {
      throw new IllegalArgumentException("unexpected text at index " + pos);
    }
    try {
      return Date.from(
          OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset).toInstant());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private ZoneOffset offset() {
    if (accept('Z') || accept('z')) {
      return ZoneOffset.UTC;
    }
    int sign = accept('+') ? 1 : accept('-') ? -1 : 0;
    if (sign == 0) {
      return ZoneOffset.UTC;
    }
    int hours = field(2, "offset hours");
    if (!accept(':')) {
      throw new IllegalArgumentException("expected ':' in the offset at index " + pos);
    }
    int minutes = field(2, "offset minutes");
    if (hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
      throw new IllegalArgumentException("offset out of range");
    }
    return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
  }

  private int field(int width, String name) {
    int value = 0;
    for (int i = 0; i < width; i++, pos++) {
      if (pos >= text.length() || !EdnTokens.isDigit(text.charAt(pos))) {
        throw new IllegalArgumentException("expected " + width + " digits of " + name);
      }
      value = value * 10 + (text.charAt(pos) - '0');
    }
    return value;
  }

  private int fraction() {
    int start = pos;
    int nanos = 0;
    while (pos < text.length() && EdnTokens.isDigit(text.charAt(pos))) {
      if (pos - start < 9) {
        nanos = nanos * 10 + (text.charAt(pos) - '0');
      }
      pos++;
    }
    if (pos == start) {
      throw new IllegalArgumentException("expected digits after '.'");
    }
    for (int i = pos - start; i < 9; i++) {
      nanos *= 10;
    }
    return nanos;
  }

  private boolean accept(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }
}
