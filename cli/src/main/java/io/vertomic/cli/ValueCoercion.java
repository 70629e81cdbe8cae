package io.vertomic.cli;

import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A CSV cell as a value of an attribute's value type (docs/cli.md): long, double, float, bigint,
 * bigdec as numbers; boolean as {@code true}/{@code false}; instant as ISO-8601, an instant or a
 * date ({@code 2026-01-31} is its midnight UTC); keyword with or without its colon; uuid; string as
 * is; ref as an entity id, an ident ({@code :status/active}) or a lookup ref ({@code [:person/email
 * "a@b.c"]}), i.e. EDN; every other type as the EDN of the value.
 */
final class ValueCoercion {
  private ValueCoercion() {}

  /**
   * The function turning a cell into a value of {@code valueType} (e.g. {@code :db.type/long}); it
   * throws {@link IllegalArgumentException} saying what was expected.
   */
  static Function<String, Object> forType(Keyword valueType) {
    return switch (valueType.name()) {
      case "string" -> s -> s;
      case "long" -> s -> number(s, "a long", Long::parseLong);
      case "double" -> s -> number(s, "a double", Double::parseDouble);
      case "float" -> s -> number(s, "a float", Float::parseFloat);
      case "bigint" -> s -> number(s, "a bigint", BigInteger::new);
      case "bigdec" -> s -> number(s, "a bigdec", BigDecimal::new);
      case "boolean" -> ValueCoercion::bool;
      case "instant" -> ValueCoercion::instant;
      case "keyword" -> s -> Keyword.of(s.startsWith(":") ? s.substring(1) : s);
      case "uuid" -> s -> number(s, "a uuid", UUID::fromString);
      case "ref" -> ValueCoercion::ref;
      default -> ValueCoercion::edn;
    };
  }

  private static <T> T number(String s, String what, Function<String, T> parse) {
    try {
      return parse.apply(s.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected " + what + ", not \"" + s + "\"");
    }
  }

  private static Boolean bool(String s) {
    return switch (s.strip().toLowerCase()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("expected true or false, not \"" + s + "\"");
    };
  }

  private static Date instant(String s) {
    String t = s.strip();
    try {
      return t.length() == 10
          ? Date.from(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant())
          : Date.from(Instant.parse(t));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "expected an ISO-8601 instant or date (2026-01-31T12:00:00Z), not \"" + s + "\"");
    }
  }

  private static Object ref(String s) {
    Object v = edn(s);
    if (v instanceof Long || v instanceof Keyword || (v instanceof List<?> l && l.size() == 2)) {
      return v;
    }
    throw new IllegalArgumentException(
        "expected an entity id, an ident or a lookup ref [:attr value], not \"" + s + "\"");
  }

  private static Object edn(String s) {
    try {
      return Edn.read(s);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("expected an EDN value, not \"" + s + "\"");
    }
  }
}
