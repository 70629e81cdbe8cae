package io.vertomic.edn;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.UUID;

/**
 * The built-in tagged literals: {@code #inst "..."} → {@link java.util.Date}, {@code #uuid "..."} →
 * {@link UUID}, {@code #uri "..."} → {@link URI}, {@code #bytes "base64"} → {@code byte[]}. Any
 * {@code #db/id [...]} → {@link DbId}, Datomic's tempid record; {@code #db/fn {...}} → {@link
 * DbFn}, a database function. Any other tag gives a {@link Tagged} holding the tag and the value.
 */
final class EdnTags {
  private EdnTags() {}

  /**
   * The value {@code #tag value} stands for.
   *
   * @throws IllegalArgumentException naming what is wrong when a built-in tag gets a bad value
   */
  static Object read(Symbol tag, Object value) {
    if ("db".equals(tag.namespace()) && "id".equals(tag.name())) {
      return DbId.read(value);
    }
    if ("db".equals(tag.namespace()) && "fn".equals(tag.name())) {
      return DbFn.read(value);
    }
    if (tag.namespace() != null) {
      return new Tagged(tag, value);
    }
    switch (tag.name()) {
      case "inst":
        return InstText.parse(text(tag, value));
      case "uuid":
        return uuid(text(tag, value));
      case "uri":
        return uri(text(tag, value));
      case "bytes":
        return bytes(text(tag, value));
      default:
        return new Tagged(tag, value);
    }
  }

  private static String text(Symbol tag, Object value) {
    if (value instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("#" + tag + " expects a string");
  }

  /** Only the canonical 8-4-4-4-12 form: {@link UUID#fromString} alone accepts too much. */
  private static UUID uuid(String s) {
    if (s.length() != 36) {
      throw new IllegalArgumentException("a UUID has 36 characters");
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean ok = dash ? c == '-' : Character.digit(c, 16) >= 0 && c < 128;
      if (!ok) {
        throw new IllegalArgumentException(
            "unexpected " + EdnTokens.describe(c) + " at index " + i);
      }
    }
    return UUID.fromString(s);
  }

  private static URI uri(String s) {
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static byte[] bytes(String s) {
    return Base64.getDecoder().decode(s);
  }
}
