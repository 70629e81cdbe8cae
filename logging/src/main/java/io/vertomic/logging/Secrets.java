package io.vertomic.logging;

import java.util.regex.Pattern;

/**
 * Masks what must never reach a log: the password of a URI's user info ({@code
 * postgresql://user:pw@host}), and the value of any key or header whose name says secret, password,
 * token or authorization ({@code secret=...}, {@code "password": "..."}, {@code Authorization:
 * Basic ...}). Applied to every line a server logs, whoever wrote it.
 */
public final class Secrets {
  static final String MASK = "***";

  private static final Pattern USER_INFO = Pattern.compile("(://[^:/@\\s]+:)[^@/\\s]+@");

  private static final Pattern NAMED =
      Pattern.compile(
          "(?i)((?:[\\w.-]*(?:secret|password|passwd|token|authorization)[\\w.-]*)"
              + "\"?\\s*[:=]\\s*\"?)(?:(?:basic|bearer)\\s+)?[^\\s\",;&}]+");

  private Secrets() {}

  /** {@code text} with every secret in it replaced by {@value #MASK}. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
    return NAMED.matcher(s).replaceAll("$1" + MASK);
  }
}
