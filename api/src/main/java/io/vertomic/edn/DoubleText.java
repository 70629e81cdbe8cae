package io.vertomic.edn;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The shortest decimal text that reads back as the same {@code double} (or {@code float}), in
 * Java's {@link Double#toString} layout: {@code 1.0}, {@code 0.001}, {@code 1.5E10}, {@code
 * 1.0E-4}. JDK 17's {@code Double.toString} sometimes prints a digit or two too many (fixed in JDK
 * 19); those long outputs are shortened here, so the text is the same on every JDK.
 */
final class DoubleText {
  private DoubleText() {}

  /** {@code ##NaN}, {@code ##Inf}, {@code ##-Inf} or the shortest decimal text of {@code d}. */
  static String of(double d) {
    if (Double.isNaN(d)) {
      return "##NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "##Inf" : "##-Inf";
    }
    String text = Double.toString(d);
    int digits = significantDigits(text);
    // JDK 17 outputs of up to 16 digits are already the shortest ones.
    if (digits < 17) {
      return text;
    }
    BigDecimal exact = new BigDecimal(d);
    BigDecimal best = null;
    for (int p = digits - 1; p >= 1; p--) {
      BigDecimal r = exact.round(new MathContext(p));
      if (r.doubleValue() != d) {
        break;
      }
      best = r;
    }
    return best == null ? text : layout(best);
  }

  /** Like {@link #of(double)} for a {@code float}. */
  static String of(float f) {
    if (Float.isNaN(f) || Float.isInfinite(f)) {
      return of((double) f);
    }
    String text = Float.toString(f);
    int digits = significantDigits(text);
    if (digits < 8) {
      return text;
    }
    BigDecimal exact = new BigDecimal(f);
    BigDecimal best = null;
    for (int p = digits - 1; p >= 1; p--) {
      BigDecimal r = exact.round(new MathContext(p));
      if (r.floatValue() != f) {
        break;
      }
      best = r;
    }
    return best == null ? text : layout(best);
  }

  private static int significantDigits(String text) {
    int end = text.indexOf('E');
    end = end < 0 ? text.length() : end;
    int first = -1;
    int last = -1;
    int count = 0;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '1' && c <= '9') {
        if (first < 0) {
          first = count;
        }
        last = count;
      }
      if (EdnTokens.isDigit(c)) {
        count++;
      }
    }
    return first < 0 ? 1 : last - first + 1;
  }

  /** {@code r} laid out as {@link Double#toString} would: plain for 1e-3 ≤ |r| < 1e7. */
  private static String layout(BigDecimal r) {
    BigDecimal stripped = r.stripTrailingZeros();
    String digits = stripped.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - stripped.scale();
    StringBuilder sb = new StringBuilder(digits.length() + 8);
    if (stripped.signum() < 0) {
      sb.append('-');
    }
    if (exp >= -3 && exp < 7) {
      if (exp < 0) {
        sb.append("0.").append("0".repeat(-exp - 1)).append(digits);
      } else if (digits.length() > exp + 1) {
        sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
      } else {
        sb.append(digits).append("0".repeat(exp + 1 - digits.length())).append(".0");
      }
    } else {
      sb.append(digits.charAt(0)).append('.');
      sb.append(digits.length() > 1 ? digits.substring(1) : "0").append('E').append(exp);
    }
    return sb.toString();
  }
}
